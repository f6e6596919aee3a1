package org.spiketune.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.spiketune.fit.NetworkFit;
import org.spiketune.fit.SingleCellFit;
import org.spiketune.model.Presets;
import org.spiketune.objective.SpikeTrainMatch;
import org.spiketune.sim.Simulator;
import org.spiketune.sim.cpu.CpuBackend;
import org.spiketune.spikes.SpikeTrains;
import org.spiketune.spikes.TestData;
import org.spiketune.spikes.io.Abf2;
import org.spiketune.spikes.io.SpikeCsv;
import org.spiketune.tune.Algorithm;
import org.spiketune.tune.ParameterSpace;
import org.spiketune.tune.Termination;
import org.spiketune.tune.TuningConfig;

/** Fit Single Cell and Fit Network to Spike Trains, headless, at tiny budgets. */
class FitCommandsIT {

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

	@Test
	void fitSingleCellFitsSomeSweepsAndPredictsOthers() throws Exception {
		final Map<String, Object> in = new LinkedHashMap<>();
		in.put("file", TestData.file("pyabf-fsi-current-steps", "2019_07_24_0055_fsi.abf").toFile());
		in.put("model", "izhikevich");
		in.put("fit", "14,16");
		in.put("predict", "15");
		in.put("loss", "spike+count");
		in.put("population", 6);
		in.put("generations", 2);
		in.put("refinements", 1);
		in.put("backend", "cpu");
		final CommandModule m = commands.run(FitSingleCellCommand.class, true, in).get();
		assertFalse(m.isCanceled(), m.getCancelReason());
		final ResultsTable table = (ResultsTable) m.getOutput("sweeps");
		assertEquals(3, table.size());
		assertEquals("predict", table.getStringValue("set", 2));
		assertEquals(114, table.getValue("data_spikes", 2));
		assertTrue(String.valueOf(m.getOutput("best")).contains("*.gain="));
		assertTrue(Double.isFinite((Double) m.getOutput("fitness")));
		assertEquals(3L, ((Img<?>) m.getOutput("modelraster")).dimension(1));
		assertEquals(3L, ((Img<?>) m.getOutput("dataraster")).dimension(1));
	}

	/** The identifiability check: the known cell's spikes replace the recording's, the errors are tabled. */
	@Test
	void fitSingleCellChecksAKnownCell() throws Exception {
		final Map<String, Object> in = new LinkedHashMap<>();
		in.put("file", TestData.file("pyabf-fsi-current-steps", "2019_07_24_0055_fsi.abf").toFile());
		in.put("model", "izhikevich");
		in.put("fit", "12,16");
		in.put("predict", "15");
		in.put("loss", "spike");
		in.put("tune", "*.b=0.19:0.21, *.gain=0.038:0.042");
		in.put("known", "b=0.2, gain=0.04");
		in.put("noise", 15.0);
		in.put("algorithm", "cma-es");
		in.put("population", 6);
		in.put("restarts", 2);
		in.put("generations", 3);
		in.put("backend", "cpu");
		final CommandModule m = commands.run(FitSingleCellCommand.class, true, in).get();
		assertFalse(m.isCanceled(), m.getCancelReason());
		final ResultsTable errors = (ResultsTable) m.getOutput("errors");
		assertEquals(2, errors.size());
		assertEquals("*.b", errors.getStringValue("parameter", 0));
		assertEquals(0.2, errors.getValue("true", 0), 0);
		assertEquals(100 * (errors.getValue("fitted", 1) - 0.04) / 0.04, errors.getValue("error_percent", 1), 1e-9);
		final ResultsTable sweeps = (ResultsTable) m.getOutput("sweeps");
		// sweep 15 as the known cell fires it (no noise), not the recording's 114 spikes
		final SpikeTrains own = SingleCellFit.knownCellSpikes(new Simulator(new CpuBackend()), SingleCellFit.CellModel
			.IZHIKEVICH, Map.of("*.b", 0.2, "*.gain", 0.04), Abf2.read(TestData.file("pyabf-fsi-current-steps",
				"2019_07_24_0055_fsi.abf")), 0.1);
		assertEquals(own.count(15), sweeps.getValue("data_spikes", 2));
		assertTrue(own.count(15) != 114, "the known cell fires other counts than the recording");
	}

	@Test
	void fitSingleCellNamesNegativeRefinementRestarts() throws Exception {
		final Map<String, Object> in = new LinkedHashMap<>();
		in.put("file", TestData.file("pyabf-fsi-current-steps", "2019_07_24_0055_fsi.abf").toFile());
		in.put("refinementrestarts", -1);
		final CommandModule m = commands.run(FitSingleCellCommand.class, true, in).get();
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("restarts in refinements"), m.getCancelReason());
	}

	@Test
	void fitSingleCellSaysRefinementRestartsNeedCmaEs() throws Exception {
		final java.util.List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
		context.service(org.scijava.log.LogService.class).addLogListener(message -> {
			if (message.level() == org.scijava.log.LogLevel.WARN) warnings.add(message.text());
		});
		final Map<String, Object> in = new LinkedHashMap<>();
		in.put("file", TestData.file("pyabf-fsi-current-steps", "2019_07_24_0055_fsi.abf").toFile());
		in.put("model", "izhikevich");
		in.put("fit", "16");
		in.put("predict", "15");
		in.put("algorithm", "ga");
		in.put("population", 4);
		in.put("generations", 1);
		in.put("refinements", 1);
		in.put("refinementrestarts", 4);
		in.put("backend", "cpu");
		final CommandModule m = commands.run(FitSingleCellCommand.class, true, in).get();
		assertFalse(m.isCanceled(), m.getCancelReason());
		assertTrue(warnings.stream().anyMatch(w -> w.contains("4 restarts in refinements apply to cma-es only")),
			warnings.toString());
	}

	@Test
	void fitSingleCellNamesNoiseWithoutAKnownCell() throws Exception {
		final Map<String, Object> in = new LinkedHashMap<>();
		in.put("file", TestData.file("pyabf-fsi-current-steps", "2019_07_24_0055_fsi.abf").toFile());
		in.put("noise", 15.0);
		final CommandModule m = commands.run(FitSingleCellCommand.class, true, in).get();
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("known cell"), m.getCancelReason());
	}

	@Test
	void fitSingleCellRunsCmaEsWithItsRestarts() throws Exception {
		final Map<String, Object> in = new LinkedHashMap<>();
		in.put("file", TestData.file("pyabf-fsi-current-steps", "2019_07_24_0055_fsi.abf").toFile());
		in.put("model", "izhikevich");
		in.put("fit", "16");
		in.put("predict", "15");
		in.put("algorithm", "cma-es");
		in.put("population", 4);
		in.put("restarts", 3);
		in.put("generations", 2);
		in.put("refinements", 1);
		in.put("refinementrestarts", 5);
		in.put("backend", "cpu");
		final CommandModule m = commands.run(FitSingleCellCommand.class, true, in).get();
		assertFalse(m.isCanceled(), m.getCancelReason());
		assertTrue(String.valueOf(m.getOutput("best")).contains("*.gain="));
		assertTrue(Double.isFinite((Double) m.getOutput("fitness")));
		assertEquals(2, ((ResultsTable) m.getOutput("sweeps")).size());
	}

	@Test
	void fitSingleCellNamesAFileThatIsNotAnAbf() throws Exception {
		final Map<String, Object> in = new LinkedHashMap<>();
		in.put("file", TestData.file("pyspike-testdata", "PySpike_testdata.txt").toFile());
		final CommandModule m = commands.run(FitSingleCellCommand.class, true, in).get();
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("PySpike_testdata.txt"), m.getCancelReason());
	}

	@Test
	void fitNetworkFitsAPresetToSpikeTrainsFromAFile() throws Exception {
		final Path csv = groundTruth(dir, 300);
		final Map<String, Object> in = new LinkedHashMap<>();
		in.put("data", csv.toFile());
		in.put("stop", 300.0);
		in.put("preset", Presets.IZHIKEVICH_2003_RANDOM);
		in.put("network", null);
		in.put("tune", "ee.gain=0.5:4, ee.p=0.05:0.3");
		in.put("population", 4);
		in.put("generations", 2);
		in.put("firstwindow", 100.0);
		in.put("backend", "cpu");
		in.put("output", dir.resolve("fit").toFile());
		final CommandModule m = commands.run(FitNetworkCommand.class, true, in).get();
		assertFalse(m.isCanceled(), m.getCancelReason());
		assertTrue(String.valueOf(m.getOutput("best")).contains("ee.p="));
		// windows up to 100 and 200 ms narrow the space; the history is the whole window's run
		assertEquals(2, ((ResultsTable) m.getOutput("history")).size());
		assertEquals(((Img<?>) m.getOutput("dataraster")).dimension(1), ((Img<?>) m.getOutput("modelraster"))
			.dimension(1));
		assertTrue(java.nio.file.Files.exists(dir.resolve("fit").resolve("summary.json")));
	}

	@Test
	void fitNetworkResumesItsLastWindowForMoreGenerations() throws Exception {
		final Map<String, Object> in = new LinkedHashMap<>();
		in.put("data", groundTruth(dir, 200).toFile());
		in.put("tune", "ee.gain=0.5:4, ee.p=0.05:0.3");
		in.put("population", 4);
		in.put("generations", 1);
		in.put("firstwindow", 100.0);
		in.put("backend", "cpu");
		in.put("output", dir.resolve("fit-resume").toFile());
		final CommandModule first = commands.run(FitNetworkCommand.class, true, in).get();
		assertFalse(first.isCanceled(), first.getCancelReason());
		// more generations would change the window stages: the resumed run takes their ranges from the checkpoint
		in.put("generations", 4);
		in.put("resume", true);
		final CommandModule resumed = commands.run(FitNetworkCommand.class, true, in).get();
		assertFalse(resumed.isCanceled(), resumed.getCancelReason());
		final ResultsTable history = (ResultsTable) resumed.getOutput("history");
		assertEquals(4, history.size(), "the first run's generation and three more");
	}

	@Test
	void fitNetworkNamesABadFirstWindow() throws Exception {
		final Map<String, Object> in = new LinkedHashMap<>();
		in.put("data", groundTruth(dir, 100).toFile());
		in.put("firstwindow", -50.0);
		final CommandModule m = commands.run(FitNetworkCommand.class, true, in).get();
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("first window"), m.getCancelReason());
	}

	/** The ground truth of the network study, written as CSV: hidden ee.gain 2 and ee.p 0.15. */
	static Path groundTruth(final Path folder, final double durationMs) throws Exception {
		final TuningConfig config = NetworkFit.config(Presets.get(Presets.IZHIKEVICH_2003_RANDOM), SpikeTrains.of(
			new double[250][0], 0, durationMs), ParameterSpace.parse("ee.gain=0.5:4"), SpikeTrainMatch.Loss.SPIKE,
			Algorithm.Ga.defaults(), Termination.generations(1), 1);
		final SpikeTrains truth = NetworkFit.simulate(new Simulator(new CpuBackend()), config, Map.of("ee.gain", 2.0,
			"ee.p", 0.15));
		final int n = (int) truth.totalCount();
		final int[] neurons = new int[n];
		final double[] times = new double[n];
		int k = 0;
		for (int i = 0; i < truth.size(); i++) {
			for (final double t : truth.times(i)) {
				neurons[k] = i;
				times[k++] = t;
			}
		}
		final Path csv = folder.resolve("truth.csv");
		SpikeCsv.write(csv, neurons, times);
		return csv;
	}
}
