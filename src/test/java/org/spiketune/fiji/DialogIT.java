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
}
