package org.spiketune.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import ij.measure.ResultsTable;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.real.FloatType;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.spiketune.spikes.SpikeTrains;
import org.spiketune.spikes.TestData;

/** Open, Compare and Validate headless on the real files in test-data/. */
class SpikeDataCommandsIT {

	private Context context;
	private CommandService commands;

	@BeforeEach
	void createContext() {
		context = FreshContexts.create();
		commands = context.service(CommandService.class);
	}

	@AfterEach
	void disposeContext() {
		context.dispose();
	}

	private CommandModule open(final Path file) throws Exception {
		final Map<String, Object> in = new LinkedHashMap<>();
		in.put("file", file.toFile());
		in.put("neurons", 0);
		in.put("start", 0.0);
		in.put("stop", 0.0);
		in.put("bin", 10.0);
		final CommandModule m = commands.run(OpenSpikeTrainsCommand.class, true, in).get();
		assertFalse(m.isCanceled(), m.getCancelReason());
		return m;
	}

	@Test
	void opensEveryFormat() throws Exception {
		final SpikeTrains nwb = (SpikeTrains) open(TestData.file("pynapple-nwb-units", "A8604-211122.nwb")).getOutput(
			"trains");
		assertEquals(3, nwb.size());
		assertEquals("191", nwb.label(1));
		final CommandModule abf = open(TestData.file("pyabf-fsi-current-steps", "2019_07_24_0055_fsi.abf"));
		final SpikeTrains sweeps = (SpikeTrains) abf.getOutput("trains");
		assertEquals(17, sweeps.size());
		assertEquals(117, sweeps.count(16));
		assertEquals("sweep 16", ((ResultsTable) abf.getOutput("table")).getStringValue("label", 16));
		final SpikeTrains events = (SpikeTrains) open(TestData.file("aestream-davis346-aedat4", "davis.aedat4"))
			.getOutput("trains");
		assertEquals(117_667, events.totalCount());
		assertTrue(events.size() < 2 * 346 * 260, "only active pixels: " + events.size());
		final SpikeTrains spiky = (SpikeTrains) open(TestData.file("pyspike-testdata", "PySpike_testdata.txt"))
			.getOutput("trains");
		assertEquals(40, spiky.size());
	}

	@Test
	void comparesAllPairs() throws Exception {
		final Map<String, Object> in = new LinkedHashMap<>();
		in.put("file", TestData.file("pyspike-testdata", "PySpike_testdata.txt").toFile());
		in.put("measure", "spike");
		in.put("parameter", 0.0);
		in.put("start", 0.0);
		in.put("stop", 4000.0);
		final CommandModule m = commands.run(CompareSpikeTrainsCommand.class, true, in).get();
		assertFalse(m.isCanceled(), m.getCancelReason());
		assertEquals(0.25188056475463755, (Double) m.getOutput("value"), 1e-15);
		@SuppressWarnings("unchecked")
		final Img<FloatType> matrix = (Img<FloatType>) m.getOutput("matrix");
		assertEquals(40, matrix.dimension(0));
		assertEquals(0, matrix.randomAccess().setPositionAndGet(3, 3).get(), 0);
		in.put("measure", "van-rossum");
		in.put("parameter", -1.0);
		final CommandModule bad = commands.run(CompareSpikeTrainsCommand.class, true, in).get();
		assertTrue(bad.isCanceled() && bad.getCancelReason().contains("must be >= 0"), bad.getCancelReason());
	}

	@Test
	void validatesModelAgainstData(@TempDir final Path dir) throws Exception {
		final Path model = dir.resolve("model.csv"), data = dir.resolve("data.csv");
		final java.util.SplittableRandom random = new java.util.SplittableRandom(3);
		final StringBuilder m = new StringBuilder("neuron,time_ms\n"), d = new StringBuilder("neuron,time_ms\n");
		for (int n = 0; n < 30; n++) {
			for (double t = random.nextDouble() * 100; t < 5000; t += 20 + random.nextDouble() * 180) m.append(n + "," + t + "\n");
			for (double t = random.nextDouble() * 100; t < 5000; t += 10 + random.nextDouble() * 90) d.append(n + "," + t + "\n");
		}
		Files.writeString(model, m);
		Files.writeString(data, d);
		final Map<String, Object> in = new LinkedHashMap<>();
		in.put("model", model.toFile());
		in.put("data", data.toFile());
		in.put("bins", 10);
		in.put("bin", 10.0);
		in.put("output", dir.resolve("report").toFile());
		final CommandModule v = commands.run(ValidateAgainstDataCommand.class, true, in).get();
		assertFalse(v.isCanceled(), v.getCancelReason());
		final ResultsTable table = (ResultsTable) v.getOutput("table");
		assertEquals("rate_hz", table.getStringValue("statistic", 0));
		assertTrue(table.getValue("student_p", 0) < 1e-6, "the model fires at half the data's rate");
		assertEquals(800, ((Img<?>) v.getOutput("rates")).dimension(0));
		final String csv = Files.readString(dir.resolve("report").resolve("validation.csv"));
		assertTrue(csv.contains("ks_p") && csv.contains("rate_hz"), csv);
	}
}
