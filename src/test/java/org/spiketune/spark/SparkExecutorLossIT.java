package org.spiketune.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spiketune.Reliability;

/**
 * Executor loss mid-generation with real executor JVMs: {@link ExecutorLossCheck} in its own JVM, on
 * Spark's {@code local-cluster} mode. Its workers start executors from {@code $SPARK_HOME/jars}, which
 * Maven Central does not have, so the test makes one: every class-path jar linked in, the class folders
 * packed as jars.
 */
class SparkExecutorLossIT {

	@Test
	void anExecutorLostMidGenerationChangesNothing(@TempDir final Path dir) throws Exception {
		final Path home = dir.resolve("spark-home"), jars = home.resolve("jars");
		Files.createDirectories(jars);
		Files.createFile(home.resolve("RELEASE")); // a distribution: its jars are in jars/
		int n = 0;
		for (final String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			final Path path = Path.of(entry);
			final Path link = jars.resolve(n++ + "-" + path.getFileName() + (Files.isDirectory(path) ? ".jar" : ""));
			if (Files.isDirectory(path)) {
				final int status = ToolProvider.findFirst("jar").orElseThrow().run(System.out, System.err, "cf", link
					.toString(), "-C", path.toString(), ".");
				assertEquals(0, status, "packing " + path);
			}
			else if (entry.endsWith(".jar")) Files.createSymbolicLink(link, path.toAbsolutePath());
		}
		final ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
			.toString(), "-cp", System.getProperty("java.class.path"), ExecutorLossCheck.class.getName())
				.redirectErrorStream(true);
		builder.environment().put("SPARK_HOME", home.toString());
		builder.environment().put("SPARK_SCALA_VERSION", "2.13");
		final Process p = builder.start();
		final java.io.ByteArrayOutputStream output = new java.io.ByteArrayOutputStream();
		final Thread reader = Thread.ofVirtual().start(() -> {
			try {
				p.getInputStream().transferTo(output);
			}
			catch (final java.io.IOException e) {
				// the process was killed
			}
		});
		final boolean finished = p.waitFor(4, TimeUnit.MINUTES);
		if (!finished) p.destroyForcibly().waitFor();
		reader.join();
		final String log = output.toString();
		final String tail = log.substring(Math.max(0, log.length() - 6000));
		assertTrue(finished, "timed out:\n" + tail);
		assertEquals(0, p.exitValue(), tail);
		assertTrue(log.contains("results equal: true"), tail);
		assertTrue(log.matches("(?s).*executors lost: [1-9].*"), "an executor was lost:\n" + tail);
		Reliability.record("Device faults", "Spark: the executor JVM running one partition halts mid-generation " +
			"(local-cluster mode, two executor JVMs)", "Spark re-ran the lost partition on another executor; all " +
				"members' spikes equal the CPU backend's, bit for bit");
	}
}
