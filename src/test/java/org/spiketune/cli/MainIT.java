package org.spiketune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
	}
}
