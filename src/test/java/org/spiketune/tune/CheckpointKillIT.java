package org.spiketune.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.spiketune.Reliability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tuning run in its own JVM, killed with SIGKILL at random moments and resumed each time from its
 * checkpoint, ends exactly as the same run never interrupted.
 */
class CheckpointKillIT {

	private static final String END = "\u0000end";

	@TempDir
	Path dir;

	@Test
	void aRunKilledAtRandomMomentsAndResumedEndsAsTheRunNeverKilled() throws Exception {
		final String expected = TuningProcessMain.describe(TuningFixtures.tuner(2).run(TuningProcessMain.CONFIG));
		final long seed = System.nanoTime();
		final Random random = new Random(seed);
		final Path checkpoint = dir.resolve("checkpoint.json");
		final List<String> story = new ArrayList<>();
		String result = null;
		int resumedFrom = -1;
		for (int run = 0; result == null; run++) {
			if (run > 30) fail("the run never finished (random seed " + seed + "): " + story);
			final Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), TuningProcessMain.class.getName(), checkpoint.toString())
					.redirectErrorStream(true).start();
			final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
			final Thread reader = Thread.ofVirtual().start(() -> {
				try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
					StandardCharsets.UTF_8)))
				{
					for (String line; (line = in.readLine()) != null;) lines.add(line);
				}
				catch (final IOException e) {
					// the child was killed
				}
				lines.add(END);
			});
			// the first runs are killed after 1-3 generations and 0-80 ms more; later ones may finish
			final int generations = run < 3 ? 1 + random.nextInt(3) : Integer.MAX_VALUE;
			int seen = 0;
			for (String line; (line = lines.poll(120, TimeUnit.SECONDS)) != null && !line.equals(END);) {
				if (line.startsWith("result ")) result = line;
				else if (line.startsWith("start ")) {
					resumedFrom = Integer.parseInt(line.substring(6));
					story.add("run " + run + " started from generation " + resumedFrom);
				}
				else if (line.startsWith("generation ")) {
					if (++seen == generations) {
						Thread.sleep(random.nextInt(80));
						child.destroyForcibly(); // SIGKILL
						story.add("run " + run + " killed after " + line);
						break;
					}
				}
				else story.add("run " + run + ": " + line);
			}
			assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child ended");
			reader.join();
		}
		assertTrue(story.stream().filter(s -> s.contains("killed")).count() >= 3, story.toString());
		assertTrue(resumedFrom > 0, "the last run went on from a checkpoint: " + story);
		System.out.println(String.join("\n", story));
		assertEquals(expected, result, "random seed " + seed + "; " + story);
		Reliability.record("Cancel and resume", "SIGKILL of a tuning run in its own JVM, 3 times at random moments",
			"each new JVM resumed from the last whole checkpoint; the final result equals the run never killed, bit for " +
				"bit");
	}
}
