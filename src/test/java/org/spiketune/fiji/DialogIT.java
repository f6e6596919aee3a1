package org.spiketune.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Tune Network dialog for real: {@link DialogDriver} in ImageJ 1 under Xvfb. The screenshots stay in
 * target/dialog-screenshots/ to be looked at.
 */
class DialogIT {

	@Test
	void tuneNetworkDialogOpensRunsAndShowsItsResults(@TempDir final Path dir) throws Exception {
		assumeTrue(ImageJ1Install.hasXvfb(), "xvfb-run is not installed (Debian: apt-get install xvfb)");
		final ImageJ1Install imagej = ImageJ1Install.create(dir.resolve("ImageJ"));
		final Path out = dir.resolve("driver");
		final ImageJ1Install.Result r = ImageJ1Install.Result.of(List.of("xvfb-run", "-a", "-s",
			"-screen 0 1600x1200x24", ImageJ1Install.java(), "--enable-native-access=ALL-UNNAMED", "-Dplugins.dir=" +
				imagej.root.toAbsolutePath(), "-cp", Path.of("target", "test-classes") + ":" + imagej.root.resolve(
					"ij.jar"), DialogDriver.class.getName(), out.toString()), 300);
		final Path kept = Path.of("target", "dialog-screenshots");
		Files.createDirectories(kept);
		for (final String name : List.of("report.txt", "dialog.png", "results.png")) {
			if (Files.exists(out.resolve(name))) Files.copy(out.resolve(name), kept.resolve(name),
				StandardCopyOption.REPLACE_EXISTING);
		}
		final String report = Files.exists(out.resolve("report.txt")) ? Files.readString(out.resolve("report.txt"))
			: "(no report)\n" + r.output();
		assertEquals(0, r.status(), report + "\n" + r.output());
		assertTrue(report.contains("menu entry 'Tune Network': true"), report);
		for (final String field : List.of("preset", "tune", "target", "algorithm", "population", "generations",
			"crossover", "mutation", "steady", "stopat", "minutes", "duration", "samples", "reevaluate", "vary",
			"confirm", "seed", "backend", "device", "threads", "output"))
		{
			assertTrue(report.matches("(?s).*dialog fields: [^\\n]*\\b" + field + "\\b.*"), "field " + field + ": " +
				report);
		}
		assertTrue(report.contains("Convergence") && report.contains("Best parameters per generation") && report
			.contains("table: Generations"), report);
		assertTrue(Files.size(out.resolve("dialog.png")) > 5_000 && Files.size(out.resolve("results.png")) > 5_000);
		assertTrue(Files.exists(out.resolve("tuning").resolve("summary.json")), "the run wrote its files");
		// the values typed into the dialog reached the right parameters
		final String summary = Files.readString(out.resolve("tuning").resolve("summary.json"));
		for (final String entry : List.of("\"duration_ms\": 200.0", "\"confirm\": 2", "\"generations\": 5",
			"\"exc.bias\""))
		{
			assertTrue(summary.contains(entry), entry + " in " + summary);
		}
	}

	/**
	 * Esc in ImageJ while a macro's tuning run goes on (point 2 of the reliability issue, from a macro): the run
	 * stops after the generation in flight and keeps the best so far, the history and its checkpoint.
	 */
	@Test
	void escStopsAMacrosTuningRunAndKeepsWhatItFound(@TempDir final Path dir) throws Exception {
		assumeTrue(ImageJ1Install.hasXvfb(), "xvfb-run is not installed (Debian: apt-get install xvfb)");
		final ImageJ1Install imagej = ImageJ1Install.create(dir.resolve("ImageJ"));
		final Path out = dir.resolve("cancel");
		final ImageJ1Install.Result r = ImageJ1Install.Result.of(List.of("xvfb-run", "-a", ImageJ1Install.java(),
			"--enable-native-access=ALL-UNNAMED", "-Dplugins.dir=" + imagej.root.toAbsolutePath(), "-cp", Path.of(
				"target", "test-classes") + ":" + imagej.root.resolve("ij.jar"), MacroCancelDriver.class.getName(), out
					.toString(), Path.of("macros", "tune_network.ijm").toAbsolutePath().toString()), 300);
		final String report = Files.exists(out.resolve("report.txt")) ? Files.readString(out.resolve("report.txt"))
			: "(no report)\n" + r.output();
		assertEquals(0, r.status(), report + "\n" + r.output());
		assertTrue(report.contains("macro ended: true"), report);
		// SciJava's log goes to the process output, ImageJ's Log window into the report
		assertTrue((report + r.output()).contains("Tune Network: stopped by Esc; keeping the best so far"), report +
			"\n" + r.output());
		assertTrue(report.contains("Best parameters = exc.bias="), "the macro showed the best so far: " + report);
		final int pressedAt = Integer.parseInt(report.replaceAll("(?s).*generations when Esc was pressed: (\\d+).*",
			"$1"));
		final int written = Integer.parseInt(report.replaceAll("(?s).*generations written: (\\d+).*", "$1"));
		assertTrue(written >= pressedAt && written < 1000, "stopped at generation " + written + " of 1000");
		final Path tuning = out.resolve("tuning");
		final String summary = Files.readString(tuning.resolve("summary.json"));
		assertTrue(summary.contains("\"termination\": \"cancelled\"") && summary.contains("\"exc.bias\""), summary);
		assertTrue(Files.readAllLines(tuning.resolve("history.csv")).size() > 20, "the history is kept");
		assertEquals(written, org.spiketune.io.CheckpointFile.read(tuning.resolve("checkpoint.json")).generation(),
			"the checkpoint holds the last generation");
		org.spiketune.Reliability.record("Cancel and resume", "Esc pressed in ImageJ while a macro's Tune Network " +
			"ran (at generation " + pressedAt + " of 1000)", "stopped after generation " + written + "; summary.json " +
				"says cancelled with the best so far; history.csv and the checkpoint kept; the macro ended");
	}
}
