package org.spiketune.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spiketune.model.CarlsonV1;
import org.spiketune.tune.V1Study;

class V1RatesFileTest {

	private static final V1Study.Settings SETTINGS = new V1Study.Settings(16, 20, 1, 8, 0, true);

	@TempDir
	Path dir;

	private static V1Study.TestedRun run(final long seed, final double scale) {
		final double[] angles = new double[8];
		for (int j = 0; j < 8; j++) angles[j] = Math.PI / 8 * (j + 1);
		final double[][] rates = new double[4][8];
		for (int i = 0; i < 4; i++) for (int j = 0; j < 8; j++) rates[i][j] = scale * (1 + i + j * 0.1) / 3;
		return new V1Study.TestedRun(seed, angles, rates);
	}

	private static Map<String, Double> parameters() {
		final Map<String, Double> values = new LinkedHashMap<>();
		values.put("inh_exc.gain", 0.066);
		values.put("buf_exc.ltp", 8.74e-4);
		return values;
	}

	@Test
	void runsRoundTripWithTheirSettingsAndParameters() throws IOException {
		final List<V1Study.TestedRun> runs = List.of(run(-7, 1), run(123456789012L, 2.5));
		final Path file = V1RatesFile.write(dir.resolve("a").resolve(V1RatesFile.NAME), SETTINGS, parameters(), runs);
		final String text = Files.readString(file);
		assertTrue(text.startsWith("# settings: 16×16, 20 repeats, time scale 1, 8 test angles, still cosine " +
			"gratings, NMDA and GABA-B\n# parameters: buf_exc.ltp=8.74E-4, inh_exc.gain=0.066\n" +
			"seed,neuron,angle_deg,rate_hz\n-7,0,22.5,0.3333333333333333\n"), text);
		assertEquals(1 + 2 + 2 * 4 * 8, text.lines().count(), "two comments, the header, a row per neuron and angle");
		final V1RatesFile.Contents read = V1RatesFile.read(file);
		assertEquals(SETTINGS.describe(), read.settings());
		assertEquals("buf_exc.ltp=8.74E-4, inh_exc.gain=0.066", read.parameters());
		assertEquals(2, read.runs().size());
		for (int k = 0; k < 2; k++) {
			assertEquals(runs.get(k).seed(), read.runs().get(k).seed());
			assertArrayEquals(runs.get(k).angles(), read.runs().get(k).angles(), 1e-12);
			for (int i = 0; i < 4; i++) assertArrayEquals(runs.get(k).rates()[i], read.runs().get(k).rates()[i], 0);
			assertEquals(runs.get(k).fitness().value(), read.runs().get(k).fitness().value(), 1e-12);
		}
		assertEquals("preset defaults", V1RatesFile.describe(Map.of()));
	}

	@Test
	void filesOfTheSameAnalysisPoolAndOthersAreRefused() throws IOException {
		final Path a = V1RatesFile.write(dir.resolve("a.csv"), SETTINGS, parameters(), List.of(run(1, 1), run(2, 2)));
		final Path b = V1RatesFile.write(dir.resolve("b.csv"), SETTINGS, parameters(), List.of(run(3, 3)));
		final List<V1Study.TestedRun> pooled = V1RatesFile.pool(List.of(a, b));
		assertEquals(List.of(1L, 2L, 3L), pooled.stream().map(V1Study.TestedRun::seed).toList());
		assertEquals(3, V1Study.pool(pooled).runs().size());
		final Path cosine = V1RatesFile.write(dir.resolve("c.csv"), SETTINGS.withPhase(
			org.spiketune.model.GratingPhase.SINE), parameters(), List.of(run(4, 1)));
		final IOException settings = assertThrows(IOException.class, () -> V1RatesFile.pool(List.of(a, cosine)));
		assertTrue(settings.getMessage().contains("other settings") && settings.getMessage().contains("sine"), settings
			.getMessage());
		final Path other = V1RatesFile.write(dir.resolve("d.csv"), SETTINGS, CarlsonV1.tunedWithSlowReceptors(16), List
			.of(run(5, 1)));
		final IOException parameters = assertThrows(IOException.class, () -> V1RatesFile.pool(List.of(a, other)));
		assertTrue(parameters.getMessage().contains("other parameters"), parameters.getMessage());
		final IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> V1Study.pool(
			V1RatesFile.pool(List.of(a, b, a))));
		assertTrue(twice.getMessage().contains("twice"), twice.getMessage());
		assertThrows(IOException.class, () -> V1RatesFile.pool(List.of()));
	}

	@Test
	void filesThatAreNotOnesAreRefusedWithWhereAndWhy() throws IOException {
		final String comments = "# settings: " + SETTINGS.describe() + "\n# parameters: preset defaults\n";
		final String header = "seed,neuron,angle_deg,rate_hz\n";
		assertRefused("columns are", "seed,neuron,rate\n1,0,3\n");
		assertRefused("no '# settings:' line", header + "1,0,22.5,3\n");
		assertRefused("line 4", comments + header + "1,0,22.5,fast\n");
		assertRefused("rate -3.0 Hz", comments + header + "1,0,22.5,-3\n");
		assertRefused("at 22.5° a second time", comments + header + "1,0,22.5,3\n1,0,22.5,4\n");
		assertRefused("has no neuron 1", comments + header + "1,0,22.5,3\n1,2,22.5,4\n");
		assertRefused("neuron 1 has angles", comments + header + "1,0,22.5,3\n1,0,45,3\n1,1,22.5,4\n");
		assertRefused("has no runs", comments + header);
		assertThrows(IOException.class, () -> V1RatesFile.read(dir.resolve("missing.csv")));
	}

	private void assertRefused(final String expected, final String content) throws IOException {
		final Path file = Files.writeString(dir.resolve("bad.csv"), content);
		final IOException e = assertThrows(IOException.class, () -> V1RatesFile.read(file));
		assertTrue(e.getMessage().contains(expected) && e.getMessage().contains("bad.csv"), e.getMessage());
	}
}
