package org.spiketune.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ij.measure.ResultsTable;

import net.imglib2.img.Img;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/**
 * The V1 study's commands, headless, on a 16×16 network with a protocol shortened 20-fold (the stability
 * analysis with counterphase gratings).
 */
class V1CommandsIT {

	@TempDir
	Path dir;
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

	private static Map<String, Object> small() {
		final Map<String, Object> in = new LinkedHashMap<>();
		in.put("side", "16");
		in.put("repeats", 1);
		in.put("timescale", 0.05);
		in.put("backend", "cpu");
		in.put("temporalhz", 0.0);
		in.put("slowreceptors", false);
		in.put("parameterset", "preset defaults");
		in.put("gratingphase", org.spiketune.model.CarlsonV1.DEFAULT_PHASE.label());
		return in;
	}

	/** The 16×16 network's name with the default gratings, and {@code suffix} (the receptors). */
	private static String defaultNetwork(final String suffix) {
		return new org.spiketune.tune.V1Study.Settings(16, 1, 1, 8).network().name() + suffix;
	}

	/** {@link #small} with the study's 8 test angles, for Train V1 Network. */
	private static Map<String, Object> smallTraining() {
		final Map<String, Object> in = small();
		in.put("tests", "8");
		return in;
	}

	@Test
	void trainV1NetworkStartsFromTheSetTunedWithNmdaAndGabaB() throws Exception {
		final Map<String, Object> in = smallTraining();
		in.put("parameterset", "tuned with NMDA and GABA-B");
		in.put("parameters", "");
		in.put("output", dir.toFile());
		final CommandModule fromSet = commands.run(TrainV1NetworkCommand.class, true, in).get();
		assertFalse(fromSet.isCanceled(), fromSet.getCancelReason());
		final String written = Files.readString(dir.resolve("fitness.txt"));
		assertTrue(written.contains("network: " + defaultNetwork("-nmda-gabab") + System.lineSeparator()) && written
			.contains("parameter set: tuned with NMDA and GABA-B" + System.lineSeparator()),
			"the set turns NMDA and GABA-B on, and the results name both: " + written);
		final Map<String, Object> pasted = smallTraining();
		pasted.put("slowreceptors", true);
		pasted.put("parameters", org.spiketune.model.CarlsonV1.tunedWithSlowReceptors(16).entrySet().stream().map(
			e -> e.getKey() + "=" + e.getValue()).collect(java.util.stream.Collectors.joining(", ")));
		assertEquals(fromSet.getOutput("components"), commands.run(TrainV1NetworkCommand.class, true, pasted).get()
			.getOutput("components"), "the set is its 14 values");
		in.put("parameters", "*buf_exc.gain=1");
		final CommandModule changed = commands.run(TrainV1NetworkCommand.class, true, in).get();
		assertTrue(((String) changed.getOutput("neurons")).contains("in depolarization block"),
			"a value named in Parameters replaces the set's: " + changed.getOutput("neurons"));
		assertTrue(Files.readString(dir.resolve("fitness.txt")).contains(
			"parameter set: tuned with NMDA and GABA-B; changed: *buf_exc.gain=1"));
	}

	@Test
	void trainV1NetworkCanDriveNmdaAndGabaBAsCarlsimDoes() throws Exception {
		final Map<String, Object> in = smallTraining();
		in.put("parameters", "");
		final CommandModule fast = commands.run(TrainV1NetworkCommand.class, true, in).get();
		in.put("slowreceptors", true);
		final CommandModule slow = commands.run(TrainV1NetworkCommand.class, true, in).get();
		assertFalse(slow.isCanceled(), slow.getCancelReason());
		assertNotEquals(fast.getOutput("components"), slow.getOutput("components"),
			"the same network with NMDA and GABA-B answers differently");
		assertFalse(((String) slow.getOutput("neurons")).contains("block"), (String) slow.getOutput("neurons"));
		in.put("parameters", "*buf_exc.gain=1");
		final String blocked = (String) commands.run(TrainV1NetworkCommand.class, true, in).get().getOutput("neurons");
		assertTrue(blocked.contains("exc0: ") && blocked.contains("in depolarization block (v ≥ -10 mV) 100% of the"),
			"a neuron silenced by too much drive says so: " + blocked);
	}

	@Test
	void trainV1NetworkShowsFitnessCurvesFieldsAndRaster() throws Exception {
		final Map<String, Object> in = smallTraining();
		in.put("parameters", "*buf_exc.ltp=0.003, exc_inh.target=60");
		in.put("output", dir.toFile());
		final CommandModule m = commands.run(TrainV1NetworkCommand.class, true, in).get();
		assertFalse(m.isCanceled(), m.getCancelReason());
		final double fitness = (Double) m.getOutput("fitness");
		assertTrue(fitness > 0 && fitness < 1, "fitness " + fitness);
		assertTrue(((String) m.getOutput("components")).startsWith("fitness "));
		final String neurons = (String) m.getOutput("neurons");
		assertEquals(4, neurons.lines().filter(line -> line.matches("exc\\d: prefers .* selectivity .* grating .*"))
			.count(), neurons);
		final Img<?> fields = (Img<?>) m.getOutput("fields");
		assertEquals(4 * 17 - 1, fields.dimension(0), "4 Exc neurons side by side");
		assertEquals(3 * 17 - 1, fields.dimension(1), "On, Off, On - Off");
		assertEquals(8, ((Img<?>) m.getOutput("raster")).dimension(1), "4 Exc + 4 Inh");
		for (final String file : new String[] { "tuning-curves.png", "test-raster.png", "receptive-fields.tif",
			"receptive-fields-stack.tif", "receptive-fields.png", "fitness.txt" })
		{
			assertTrue(Files.size(dir.resolve(file)) > 0, file);
		}
		assertTrue(Files.readString(dir.resolve("fitness.txt")).contains("exc3: prefers"));
		assertTrue(Files.readString(dir.resolve("fitness.txt")).contains("network: " + defaultNetwork("") + System
			.lineSeparator()), "AMPA and GABA-A only by default");
	}

	@Test
	void fortyTestAnglesDrawTheCurvesAndKeepTheStudysFitness() throws Exception {
		final Map<String, Object> in = smallTraining();
		in.put("parameters", "");
		in.put("tests", "40");
		final CommandModule m = commands.run(TrainV1NetworkCommand.class, true, in).get();
		assertFalse(m.isCanceled(), m.getCancelReason());
		assertTrue(((String) m.getOutput("components")).endsWith("(on the study's 8 test angles of the 40)"), (String) m
			.getOutput("components"));
		assertEquals(800, ((Img<?>) m.getOutput("curves")).dimension(0));
	}

	@Test
	void trainV1NetworkShowsTheGratingPhaseAsked() throws Exception {
		// the dialog's choices are GratingPhase's labels, and its default the preset's
		final String[] choices = V1Command.class.getDeclaredField("gratingphase").getAnnotation(
			org.scijava.plugin.Parameter.class).choices();
		assertEquals(java.util.Arrays.stream(org.spiketune.model.GratingPhase.values()).map(
			org.spiketune.model.GratingPhase::label).toList(), java.util.Arrays.stream(choices).map(
				c -> org.spiketune.model.GratingPhase.named(c).label()).toList());
		assertEquals(org.spiketune.model.CarlsonV1.DEFAULT_PHASE.label(), V1Command.DEFAULT_PHASE);
		final Map<String, Object> in = smallTraining();
		in.put("parameters", "");
		in.put("output", dir.toFile());
		in.put("gratingphase", "sine");
		final CommandModule sine = commands.run(TrainV1NetworkCommand.class, true, in).get();
		assertTrue(Files.readString(dir.resolve("fitness.txt")).contains("network: carlson2014-v1-16" + System
			.lineSeparator()), "sine networks keep the name they had before the choice");
		in.put("gratingphase", "cosine");
		final CommandModule cosine = commands.run(TrainV1NetworkCommand.class, true, in).get();
		assertFalse(cosine.isCanceled(), cosine.getCancelReason());
		assertTrue(Files.readString(dir.resolve("fitness.txt")).contains("network: carlson2014-v1-16-cosine" + System
			.lineSeparator()), "the results name the gratings");
		assertNotEquals(sine.getOutput("components"), cosine.getOutput("components"), "other gratings, other rates");
		in.put("gratingphase", "square");
		final CommandModule refused = commands.run(TrainV1NetworkCommand.class, true, in).get();
		assertTrue(refused.isCanceled() && refused.getCancelReason().contains("square"), refused.getCancelReason());
	}

	@Test
	void aNegativeCounterphaseFrequencyIsRefusedByName() throws Exception {
		final Map<String, Object> in = smallTraining();
		in.put("temporalhz", -2.0);
		final CommandModule m = commands.run(TrainV1NetworkCommand.class, true, in).get();
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("counterphase frequency") && m.getCancelReason().contains("-2"), m
			.getCancelReason());
	}

	@Test
	void badParametersAreRefusedWithTheirName() throws Exception {
		final Map<String, Object> in = smallTraining();
		in.put("parameters", "*buf_exc.nosuch=1");
		final CommandModule m = commands.run(TrainV1NetworkCommand.class, true, in).get();
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("*buf_exc.nosuch"), m.getCancelReason());
	}

	@Test
	void tuneV1NetworkRunsTheStudysStrategy() throws Exception {
		final Map<String, Object> in = small();
		in.remove("parameterset"); // tuning searches the parameters; it starts from none
		in.put("generations", 2);
		in.put("output", dir.toFile());
		in.put("blockpenalty", true);
		final CommandModule m = commands.run(TuneV1NetworkCommand.class, true, in).get();
		assertFalse(m.isCanceled(), m.getCancelReason());
		assertTrue((Double) m.getOutput("fitness") > 0);
		assertTrue(((String) m.getOutput("best")).contains("exc_inh.target="));
		final ResultsTable history = (ResultsTable) m.getOutput("history");
		assertEquals(2, history.size());
		assertTrue(history.getRowAsString(0).split("\t")[2].matches("0\\.\\d{9}"), "the best fitness, with its " +
			"digits: " + history.getRowAsString(0));
		final String network = (String) m.getOutput("network");
		assertTrue(network.startsWith(String.format(java.util.Locale.ROOT, "fitness %.5g", (Double) m.getOutput(
			"fitness"))) && network.contains("preferred "), network);
		assertTrue(network.matches("(?s).*largest share of a test depolarized \\(v ≥ -10 mV\\), per neuron: \\d+%, " +
			"\\d+%, \\d+%, \\d+%; tests in depolarization block: \\d+ \\(penalized\\)"), network);
		assertTrue(Files.readString(dir.resolve("best-network.txt")).contains(network));
		assertTrue(Files.readString(dir.resolve("best-network.txt")).endsWith("network: " + defaultNetwork("") + System
			.lineSeparator()), "the receptor set is named with the results");
		assertEquals(800, ((Img<?>) m.getOutput("targets")).dimension(0));
		assertTrue(Files.size(dir.resolve("targets.png")) > 0 && Files.size(dir.resolve("stdp-windows.png")) > 0);
		final String header = Files.readAllLines(dir.resolve("history.csv")).get(0);
		assertTrue(header.contains("decorrelation") && header.contains("gaussian_hz") && header.contains(
			"max_rate_hz") && header.contains("exc3_depolarized") && header.contains("blocked_tests"),
			"every fitness component is in the history: " + header);
	}

	@Test
	void v1StabilityRetrainsInNewOrders() throws Exception {
		final Map<String, Object> in = small();
		in.put("runs", 3);
		in.put("output", dir.toFile());
		in.put("temporalhz", 2.0);
		final CommandModule m = commands.run(V1StabilityCommand.class, true, in).get();
		assertFalse(m.isCanceled(), m.getCancelReason());
		final double share = (Double) m.getOutput("share");
		assertTrue(share >= 0 && share <= 1);
		final double error = (Double) m.getOutput("error");
		assertTrue(error >= 0 && error <= 90, "decoding error " + error);
		final ResultsTable table = (ResultsTable) m.getOutput("table");
		assertEquals(3, table.size());
		assertTrue(table.getStringValue("preferred_deg", 0).matches("[0-9.]+(/[0-9.]+){3}"), table.getStringValue(
			"preferred_deg", 0));
		final double selectivity = table.getValue("mean_selectivity", 0);
		assertTrue(selectivity >= 0 && selectivity <= 1, "selectivity " + selectivity);
		final String summary = Files.readString(dir.resolve("summary.txt"));
		assertTrue(summary.matches("(?s)\\d of 3 runs well tuned \\(\\d+%\\), \\d of them with every output neuron at " +
			"its own angle; .*") && summary.contains("network: " + defaultNetwork("") + System
			.lineSeparator()) && summary.contains("parameter set: preset defaults"), summary);
		assertTrue(summary.contains("decoded: 22.5° as ") && summary.contains(", 180.0° as "), "the error per angle: " +
			summary);
		assertTrue(summary.matches("(?s).*with every preferred angle voting alike: [0-9.]+ ± [0-9.]+° \\(neurons " +
			"preferring 22\\.5°: \\d+, .*, 180\\.0°: \\d+; too few neurons to test whether that spread is chance\\).*"),
			summary);
		final List<String> runs = Files.readAllLines(dir.resolve("runs.csv"));
		assertEquals(1 + 3, runs.size(), "a header and the three runs");
		assertTrue(runs.get(1).split(",")[1].matches("0\\.\\d{9}"), "fitness with all its digits: " + runs.get(1));
		final double distinct = table.getValue("distinct_angles", 0);
		assertTrue(distinct >= 1 && distinct <= 4, "distinct preferred angles " + distinct);
		final double depolarized = table.getValue("max_depolarized", 0);
		assertTrue(depolarized >= 0 && depolarized < 0.5, "the preset does not block: " + depolarized);
	}

	/** Runs V1 Stability on {@link #small} with {@code runs} runs from {@code seed} into {@code folder}. */
	private CommandModule stability(final Path folder, final long seed, final double temporalHz) throws Exception {
		final Map<String, Object> in = small();
		in.put("runs", 2);
		in.put("seed", seed);
		in.put("temporalhz", temporalHz);
		in.put("output", folder.toFile());
		final CommandModule m = commands.run(V1StabilityCommand.class, true, in).get();
		assertFalse(m.isCanceled(), m.getCancelReason());
		return m;
	}

	private CommandModule pool(final String analyses, final Path output) throws Exception {
		final Map<String, Object> in = new LinkedHashMap<>();
		in.put("analyses", analyses);
		in.put("output", output == null ? null : output.toFile());
		return commands.run(PoolV1StabilityCommand.class, true, in).get();
	}

	/**
	 * Two analyses of one parameter set with different seeds pool into one of their four runs (a folder or its
	 * test-rates.csv); one analysis twice, or analyses of other gratings, are refused by name.
	 */
	@Test
	void poolV1StabilityRunsJoinsAnalysesRunApart() throws Exception {
		final Path a = dir.resolve("a"), b = dir.resolve("b"), counterphase = dir.resolve("counterphase");
		final CommandModule first = stability(a, 1, 0), second = stability(b, 2, 0);
		stability(counterphase, 3, 2);
		final List<String> rates = Files.readAllLines(a.resolve("test-rates.csv"));
		assertEquals(2 + 1 + 2 * 4 * 8, rates.size(), "comments, header, 2 runs x 4 neurons x 8 angles: " + rates.get(0));
		final CommandModule m = pool(a + ",\n" + b.resolve("test-rates.csv"), dir.resolve("pooled"));
		assertFalse(m.isCanceled(), m.getCancelReason());
		final double wellTuned = 2 * (Double) first.getOutput("share") + 2 * (Double) second.getOutput("share");
		assertEquals(wellTuned / 4, (Double) m.getOutput("share"), 1e-12);
		final ResultsTable table = (ResultsTable) m.getOutput("table");
		assertEquals(4, table.size());
		final ResultsTable firstRuns = (ResultsTable) first.getOutput("table");
		assertEquals(firstRuns.getStringValue("seed", 1), table.getStringValue("seed", 1));
		assertEquals(firstRuns.getValue("fitness", 1), table.getValue("fitness", 1), 1e-12);
		assertEquals(firstRuns.getStringValue("preferred_deg", 1), table.getStringValue("preferred_deg", 1));
		final double error = (Double) m.getOutput("error");
		assertTrue(error >= 0 && error <= 90, "decoding error " + error);
		final String summary = Files.readString(dir.resolve("pooled").resolve("summary.txt"));
		assertTrue(summary.startsWith("2 analyses pooled: ") && summary.contains(" of 4 runs well tuned") && summary
			.contains("settings: 16×16, 1 repeats, time scale 0.05, 8 test angles, still cosine gratings, AMPA and " +
				"GABA-A only") && summary.contains("parameters: preset defaults"), summary);
		assertEquals(2 + 1 + 4 * 4 * 8, Files.readAllLines(dir.resolve("pooled").resolve("test-rates.csv")).size(),
			"the pooled rates, to pool again");
		final CommandModule twice = pool(a + "," + a, null);
		assertTrue(twice.isCanceled() && twice.getCancelReason().contains("twice"), twice.getCancelReason());
		final CommandModule other = pool(a + "," + counterphase, null);
		assertTrue(other.isCanceled() && other.getCancelReason().contains("other settings") && other.getCancelReason()
			.contains("2 Hz counterphase"), other.getCancelReason());
		final CommandModule missing = pool(a + "," + dir.resolve("nowhere"), null);
		assertTrue(missing.isCanceled() && missing.getCancelReason().contains("nowhere"), missing.getCancelReason());
		final CommandModule none = pool(" ", null);
		assertTrue(none.isCanceled() && none.getCancelReason().contains("no analyses"), none.getCancelReason());
	}
}
