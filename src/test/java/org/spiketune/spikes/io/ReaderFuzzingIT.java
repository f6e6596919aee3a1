package org.spiketune.spikes.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.code_intelligence.jazzer.junit.FuzzTest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.spiketune.Reliability;

/**
 * Fuzzes every reader of {@link ReaderFuzzTest} for its bounded {@code maxDuration} (coverage-guided, Jazzer),
 * each in its own JVM since Jazzer fuzzes one test per run. A finding fails this test with Jazzer's report;
 * the input that caused it is kept in {@code ReaderFuzzTestInputs} for the regression run.
 */
class ReaderFuzzingIT {

	/**
	 * Library stacks no reader loads (Spark's, Jython, Groovy, JMH), left off the child's class path: at start
	 * Jazzer scans every class on it for the targets of its hooks, about 10 s per reader with them. A reader
	 * that comes to need one fails here with a NoClassDefFoundError instead of being fuzzed without it.
	 */
	private static final List<String> NOT_FOR_READERS = List.of("/org/apache/spark/", "/org/scala-lang/",
		"/io/netty/", "/org/apache/hadoop/", "/org/glassfish/", "/org/rocksdb/", "/org/json4s/", "/io/dropwizard/",
		"/org/apache/zookeeper/", "/org/apache/curator/", "/org/apache/avro/", "/com/fasterxml/", "/org/python/",
		"/org/apache/groovy/", "/org/openjdk/jmh/");

	static String readerClassPath() {
		return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).filter(entry -> {
			final String path = entry.replace(File.separatorChar, '/');
			return NOT_FOR_READERS.stream().noneMatch(path::contains);
		}).collect(Collectors.joining(File.pathSeparator));
	}

	static Stream<String> fuzzTests() {
		return Arrays.stream(ReaderFuzzTest.class.getDeclaredMethods()).filter(m -> m.isAnnotationPresent(
			FuzzTest.class)).map(Method::getName).sorted();
	}

	@ParameterizedTest
	@MethodSource("fuzzTests")
	void fuzzes(final String test) throws IOException, InterruptedException {
		final ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
			.toString(), "-Xmx512m", "-cp", readerClassPath(), FuzzOne.class.getName(), ReaderFuzzTest.class
				.getName() + "#" + test + "(byte[])").redirectErrorStream(true);
		builder.environment().put("JAZZER_FUZZ", "1");
		final Process child = builder.start();
		final java.io.ByteArrayOutputStream output = new java.io.ByteArrayOutputStream();
		final Thread reader = Thread.ofVirtual().start(() -> {
			try {
				child.getInputStream().transferTo(output);
			}
			catch (final IOException e) {
				// the child was killed
			}
		});
		// 10 s of fuzzing plus the JVM's start: an input that hangs keeps it far longer
		final boolean finished = child.waitFor(2, TimeUnit.MINUTES);
		if (!finished) child.destroyForcibly().waitFor();
		reader.join();
		final String log = output.toString(StandardCharsets.UTF_8);
		assertTrue(finished, test + ": an input hung the reader:\n" + log.substring(Math.max(0, log.length() - 8000)));
		final String runs = log.lines().filter(l -> l.startsWith("Done ") && l.contains(" runs in ")).findFirst().orElse(
			"(no run count)");
		assertEquals(0, child.exitValue(), test + ": a finding or no fuzzing:\n" + log.substring(Math.max(0, log.length() -
			8000)));
		Reliability.record("File readers (fuzzed)", test + ": Jazzer, coverage-guided, bounded time", "only declared " +
			"exceptions with a message; no out-of-memory in a 512 MiB heap; the 10 s run ended within 2 min");
		System.out.println(test + ": " + runs);
	}
}
