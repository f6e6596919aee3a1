package org.spiketune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spiketune.sim.opencl.OpenClBackend;
import org.spiketune.sim.opencl.OpenClPlatforms;

/** The headless command line, as a batch machine runs it (the README's main job at a shorter duration). */
class MainIT {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int run(final String... args) {
		return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
			StandardCharsets.UTF_8));
	}

	@Test
	void runsTheMainJobAndWritesItsFiles(@TempDir final Path dir) throws Exception {
		final Path results = dir.resolve("results");
		final int status = run("--headless", "--run", "Simulate Network", "preset='izhikevich2003',duration=500," +
			"parameters='exc.bias=-1',seed=7,output='" + results + "'");
		assertEquals(0, status, err.toString());
		assertTrue(out.toString().contains("rate = "), out.toString());
		assertTrue(Files.readString(results.resolve("run.json")).contains("\"exc.bias\": -1.0"));
		assertTrue(Files.readAllLines(results.resolve("spikes.csv")).size() > 100);
		assertTrue(Files.exists(results.resolve("raster.tif")));
	}

	/** The backend and device chosen on the command line are recorded in the results' metadata. */
	@Test
	void tunesOnTheChosenBackendAndRecordsIt(@TempDir final Path dir) throws Exception {
		final boolean opencl = OpenClBackend.available();
		final Path results = dir.resolve("tuned");
		final int status = run("--headless", "--run", "Tune Network", "tune='exc.bias=-5:5',population=4," +
			"generations=2,duration=100,confirm=0,backend='opencl',device='0',output='" + results + "'");
		assertEquals(0, status, err.toString());
		final String summary = Files.readString(results.resolve("summary.json"));
		assertTrue(summary.contains("\"backend\": \"" + (opencl ? "opencl" : "cpu") + "\""), summary);
		if (opencl) {
			assertTrue(summary.contains(OpenClPlatforms.devices().get(0).describe().replace("\"", "")), summary);
		}
	}

	@Test
	void aDeviceNeedsTheOpenClBackend() {
		assertEquals(2, run("--headless", "--run", "Simulate Network", "duration=50,backend='cpu',device='gpu'"));
		assertTrue(err.toString().contains("an OpenCL device ('gpu') needs backend opencl"), err.toString());
		err.reset();
		if (OpenClBackend.available()) {
			assertEquals(2, run("--headless", "--run", "Simulate Network", "duration=50,backend='opencl',device='nope'"));
			assertTrue(err.toString().contains("no OpenCL device matches 'nope'"), err.toString());
		}
	}

	@Test
	void findsCommandsByClassName() {
		assertEquals(0, run("--headless", "--run", "org.spiketune.fiji.SimulateNetworkCommand", "duration=50"), err
			.toString());
	}

	@Test
	void badInputExitsWithStatusTwoAndSaysWhy() {
		assertEquals(2, run("--headless", "--run", "Simulate Network", "duration=-3"));
		assertTrue(err.toString().contains("canceled") && err.toString().contains("-3"), err.toString());
		err.reset();
		assertEquals(2, run("--headless", "--run", "Simulate Network", "durration=100"));
		assertTrue(err.toString().contains("unknown option(s) [durration]") && err.toString().contains("duration"),
			err.toString());
		err.reset();
		assertEquals(2, run("--headless", "--run", "Simulate Networks"));
		assertTrue(err.toString().contains("no command 'Simulate Networks'"), err.toString());
		err.reset();
		assertEquals(2, run("--frobnicate"));
		assertTrue(err.toString().contains("usage"), err.toString());
	}

	@Test
	void listsCommandsAndTheirParameters() {
		assertEquals(0, run("--list"));
		assertTrue(out.toString().contains("Simulate Network") && out.toString().contains("duration"), out
			.toString());
		assertTrue(out.toString().contains("Pool V1 Stability Runs") && out.toString().contains("analyses"), out
			.toString());
		assertFalse(out.toString().contains("context ") || out.toString().contains("LogService"), "only what a user " +
			"sets: " + out);
	}
}
