package org.spiketune.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.spiketune.sim.opencl.OpenClBackend;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every macro in macros/, run by plain ImageJ 1 (from the packaged jar, through the bridge) under Xvfb as
 * users run them, at reduced sizes; and the truly headless call() route without a display.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MacrosIT {

	@TempDir
	static Path dir;
	private static ImageJ1Install imagej;

	@BeforeAll
	static void install() throws Exception {
		imagej = ImageJ1Install.create(dir.resolve("ImageJ"));
	}

	private static ImageJ1Install.Result run(final String macro, final String argument) throws Exception {
		assumeTrue(ImageJ1Install.hasXvfb(), "xvfb-run is not installed (Debian: apt-get install xvfb); " +
			"ImageJ 1 needs a display to run() plug-ins");
		final ImageJ1Install.Result r = imagej.batch(Path.of("macros", macro), argument, false);
		assertEquals(0, r.status(), r.output());
		return r;
	}

	private static void assertFiles(final Path folder, final String... names) throws Exception {
		for (final String name : names) {
			assertTrue(Files.exists(folder.resolve(name)) && Files.size(folder.resolve(name)) > 0, folder + "/" + name);
		}
	}

	@Test
	@Order(1)
	void simulateNetwork() throws Exception {
		final Path out = dir.resolve("simulate");
		final ImageJ1Install.Result r = run("simulate_network.ijm", "out=[" + out + "] duration=300 backend=opencl");
		assertTrue(r.output().contains("population rate: "), r.output());
		assertFiles(out, "spikes-member-0.csv", "spikes-member-1.csv", "rates.csv", "run.json", "raster.tif",
			"macro-raster.png");
		// opencl where this machine has it, else the CPU backend it falls back to
		final String backend = OpenClBackend.available() ? "opencl" : "cpu";
		assertTrue(Files.readString(out.resolve("run.json")).contains("\"backend\": \"" + backend + "\""), Files
			.readString(out.resolve("run.json")));
	}

	@Test
	@Order(1)
	void networkFile() throws Exception {
		final Path out = dir.resolve("network-file");
		final ImageJ1Install.Result r = run("network_file.ijm", "out=[" + out + "] duration=200");
		assertTrue(r.output().contains(": 1000 neurons") && r.output().contains("population rate: "), r.output());
		final org.spiketune.model.NetworkSpec written = org.spiketune.io.NetworkFile.read(out.resolve(
			"my-network.json"));
		assertEquals("my-network", written.name());
		assertEquals(-1, written.parameter("exc.bias"));
		assertEquals(written, org.spiketune.io.NetworkFile.read(out.resolve("run").resolve("network.json")));
	}

	@Test
	@Order(2)
	void showSpikeRasterOfTheSimulation() throws Exception {
		final Path out = dir.resolve("raster");
		final ImageJ1Install.Result r = run("show_spike_raster.ijm", "file=[" + dir.resolve("simulate").resolve(
			"spikes-member-0.csv") + "] out=[" + out + "]");
		assertTrue(r.output().contains("mean rate: "), r.output());
		assertFiles(out, "macro-raster.png", "macro-rates.png");
	}

	@Test
	void tuneNetwork() throws Exception {
		final Path out = dir.resolve("tune");
		final ImageJ1Install.Result r = run("tune_network.ijm", "out=[" + out + "] generations=3 duration=200");
		assertTrue(r.output().contains("best: exc.bias="), r.output());
		assertFiles(out, "history.csv", "generations.csv", "summary.json", "convergence.png", "macro-convergence.png");
		assertEquals(1 + 3, Files.readAllLines(out.resolve("generations.csv")).size());
		assertTrue(Files.readString(out.resolve("summary.json")).contains("\"vary_structure\": true"),
			"the macro's flags reach the command");
		final Path split = dir.resolve("tune-split");
		assertTrue(run("tune_network.ijm", "out=[" + split + "] generations=2 duration=200").output().contains("best: "));
		final ImageJ1Install.Result resumed = run("tune_network.ijm", "out=[" + split + "] generations=3 duration=200 " +
			"resume=true");
		assertTrue(resumed.output().contains("best: exc.bias="), resumed.output());
		assertEquals(Files.readAllLines(out.resolve("history.csv")), Files.readAllLines(split.resolve("history.csv")),
			"resumed from its checkpoint, the run ends as the one done at once");
	}

	@Test
	void v1Study() throws Exception {
		final Path out = dir.resolve("v1");
		final ImageJ1Install.Result r = run("v1_study.ijm", "out=[" + out + "] side=16 repeats=1 timescale=0.05 " +
			"generations=1 runs=2 slowreceptors=true blockpenalty=true parameterset=[tuned with NMDA and GABA-B] " +
			"gratingphase=cosine");
		assertTrue(r.output().contains("trained: fitness "), r.output());
		assertTrue(r.output().contains("exc3: prefers"), "the Exc neurons' tuning and fields: " + r.output());
		assertTrue(r.output().contains("best: *buf_exc.ltp="), r.output());
		assertTrue(r.output().contains("best network: fitness "), r.output());
		assertTrue(r.output().contains("(penalized)"), "the macro's blockpenalty reached the command: " + r.output());
		assertTrue(r.output().contains("decoding error: "), r.output());
		assertFiles(out.resolve("train"), "tuning-curves.png", "receptive-fields.tif", "test-raster.png");
		assertTrue(Files.readString(out.resolve("train").resolve("fitness.txt")).contains(
			"network: carlson2014-v1-16-cosine-nmda-gabab"), "the macro's slowreceptors and gratingphase reached the " +
			"command");
		assertTrue(Files.readString(out.resolve("train").resolve("fitness.txt")).contains(
			"parameter set: tuned with NMDA and GABA-B"), "the macro's parameterset reached the command");
		assertFiles(out.resolve("tune"), "history.csv", "generations.csv");
		assertFiles(out.resolve("stability"), "runs.csv", "decoding.png", "summary.txt");
		assertTrue(Files.readString(out.resolve("stability").resolve("summary.txt")).contains(
			"network: carlson2014-v1-16-cosine-nmda-gabab"), "the stability results name their receptors and gratings");
		// the two analyses' runs pooled: 2 + 2 runs, their rates written to pool again
		assertTrue(r.output().contains("pooled decoding error: "), r.output());
		assertFiles(out.resolve("pooled"), "test-rates.csv", "runs.csv", "decoding.png", "summary.txt");
		final String pooled = Files.readString(out.resolve("pooled").resolve("summary.txt"));
		assertTrue(pooled.contains("2 analyses pooled") && pooled.contains(" of 4 runs well tuned"), pooled);
		assertTrue(pooled.contains("settings: 16×16, 1 repeats, time scale 0.05, 8 test angles, still cosine " +
			"gratings, NMDA and GABA-B"), pooled);
		assertEquals(4, org.spiketune.io.V1RatesFile.read(out.resolve("pooled").resolve("test-rates.csv")).runs()
			.size());
	}

	@Test
	void compareAndValidate() throws Exception {
		final Path out = dir.resolve("compare");
		final ImageJ1Install.Result r = run("compare_and_validate.ijm", "file=[" + Path.of("test-data",
			"pyspike-testdata", "PySpike_testdata.txt").toAbsolutePath() + "] data=[" + Path.of("test-data",
				"pyabf-fsi-current-steps", "2019_07_24_0055_fsi.abf").toAbsolutePath() + "] out=[" + out + "]");
		assertTrue(r.output().contains("multivariate SPIKE-distance: 0.2518"), r.output());
		assertFiles(out, "spike-matrix.tif", "validation.csv", "macro-rates.png");
	}

	@Test
	void fitSingleCell() throws Exception {
		final Path out = dir.resolve("fitcell");
		final ImageJ1Install.Result r = run("fit_single_cell.ijm", "abf=[" + Path.of("test-data",
			"pyabf-fsi-current-steps", "2019_07_24_0055_fsi.abf").toAbsolutePath() + "] fit=[14,16] predict=[15] " +
			"population=4 generations=2 out=[" + out + "]");
		assertTrue(r.output().contains("best: *.a="), r.output());
		assertFiles(out, "model-raster.png", "data-raster.png");
	}

	@Test
	void fitSingleCellChecksAKnownCell() throws Exception {
		final Path out = dir.resolve("knowncell");
		final ImageJ1Install.Result r = run("fit_single_cell.ijm", "abf=[" + Path.of("test-data",
			"pyabf-fsi-current-steps", "2019_07_24_0055_fsi.abf").toAbsolutePath() + "] fit=[16] predict=[15] " +
			"algorithm=cma-es restarts=2 refinementrestarts=3 population=4 generations=2 loss=spike " +
			"known=[a=0.1, b=0.2, c=-60, d=2, gain=0.04, bias=0] noise=15 out=[" +
			out + "]");
		assertTrue(r.output().contains("known cell *.gain: true 0.04, fitted "), r.output());
		assertTrue(r.output().contains("known cell *.bias: true 0, fitted "), r.output());
	}

	@Test
	void fitNetwork() throws Exception {
		final Path out = dir.resolve("fitnet");
		Files.createDirectories(out);
		final Path data = FitCommandsIT.groundTruth(out, 200);
		final ImageJ1Install.Result r = run("fit_network.ijm", "data=[" + data + "] stop=200 population=4 " +
			"generations=2 firstwindow=100 out=[" + out + "]");
		assertTrue(r.output().contains("best: ee.gain="), r.output());
		assertFiles(out, "model-raster.png", "summary.json");
	}

	@Test
	void sweepGaSettings() throws Exception {
		final Path out = dir.resolve("sweep");
		run("sweep_ga_settings.ijm", "out=[" + out + "] generations=2 duration=100 repeats=1");
		assertFiles(out, "sweep-crossover.csv", "sweep-population.csv", "macro-crossover.png");
		assertEquals(1 + 4, Files.readAllLines(out.resolve("sweep-crossover.csv")).size(), "4 fractions, 1 repeat");
	}

	@Test
	void aFailedCommandStopsTheMacroWithItsReasonInsteadOfHanging() throws Exception {
		assumeTrue(ImageJ1Install.hasXvfb(), "xvfb-run is not installed (Debian: apt-get install xvfb)");
		final Path macro = dir.resolve("bad.ijm");
		Files.writeString(macro, String.join("\n", "setBatchMode(true);",
			"run(\"Simulate Network\", \"preset=izhikevich2003 duration=-5\");", "print(\"not reached\");",
			"selectImage(\"Population rate\");"));
		final long start = System.nanoTime();
		final ImageJ1Install.Result r = imagej.batch(macro, "", false);
		assertTrue((System.nanoTime() - start) / 1e9 < 60, "finished, did not wait on an error dialog");
		assertTrue(r.output().contains("Simulate Network: durationMs must be a finite number > 0, got -5.0"), r
			.output());
		assertTrue(!r.output().contains("not reached"), r.output());
	}

	@Test
	void headlessCallRouteNeedsNoDisplay() throws Exception {
		final Path out = dir.resolve("headless");
		final ImageJ1Install.Result r = imagej.batch(Path.of("macros", "headless_simulate.ijm"), "out=[" + out + "]",
			true);
		assertEquals(0, r.status(), r.output());
		assertTrue(r.output().contains("rate="), r.output());
		assertFiles(out, "spikes.csv", "rates.csv", "macro-rates.tif");
	}
}
