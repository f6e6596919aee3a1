package org.spiketune.sim.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spiketune.Reliability;

/**
 * PoCL and the JVM's signal handlers (see {@link SignalChaining}), each case in its own JVM: without signal
 * chaining PoCL is left alone and Java's arithmetic stays right; with libjsig preloaded PoCL is used and
 * Java's arithmetic still stays right.
 */
class PoclSignalsTest {

	@Test
	void libjsigInTheMapsOfAProcessIsSignalChaining(@TempDir final Path dir) throws Exception {
		final Path maps = dir.resolve("maps");
		Files.writeString(maps, "7f00-7f01 r-xp 0 08:01 1 /usr/lib/jvm/x/lib/server/libjvm.so\n");
		assertEquals(false, SignalChaining.loaded(maps));
		Files.writeString(maps, "7f00-7f01 r-xp 0 08:01 1 /usr/lib/jvm/x/lib/libjsig.so\n",
			java.nio.file.StandardOpenOption.APPEND);
		assertTrue(SignalChaining.loaded(maps));
		assertEquals(false, SignalChaining.loaded(dir.resolve("absent")));
		assertTrue(SignalChaining.isPocl("Portable Computing Language"));
		assertEquals(false, SignalChaining.isPocl("NVIDIA CUDA"));
	}

	/** The build preloads libjsig into test JVMs where PoCL is installed, else the OpenCL tests would skip. */
	@Test
	void testJvmsChainSignalsWherePoclIsInstalled() throws Exception {
		assumeTrue(poclInstalled(), "PoCL is not installed here");
		assumeTrue(Files.exists(SignalChaining.library()), "this JDK has no " + SignalChaining.library());
		assertTrue(SignalChaining.active(), "LD_PRELOAD=" + System.getenv("LD_PRELOAD"));
		assertTrue(OpenClBackend.available(), OpenClPlatforms.unavailableReason().orElse(""));
	}

	@Test
	void withoutSignalChainingPoclIsLeftAloneAndDivisionByZeroThrows(@TempDir final Path dir) throws Exception {
		assumeTrue(poclInstalled(), "PoCL is not installed here");
		final String out = child(dir, false);
		assertTrue(out.contains("opencl: false PoCL not started") && out.contains("LD_PRELOAD="), out);
		assertTrue(out.contains("thrown: 2000 of 2000"), out);
		Reliability.record("Device faults", "PoCL installed, Java started without signal chaining (libjsig)",
			"PoCL left alone (it would take the JVM's signal handlers), reason given; Java's division by zero " +
				"still throws, 2000 of 2000");
	}

	@Test
	void withSignalChainingPoclIsUsedAndDivisionByZeroThrows(@TempDir final Path dir) throws Exception {
		assumeTrue(poclInstalled(), "PoCL is not installed here");
		assumeTrue(Files.exists(SignalChaining.library()), "this JDK has no " + SignalChaining.library());
		final String out = child(dir, true);
		assertTrue(out.contains("opencl: true"), out);
		assertTrue(out.contains("thrown: 2000 of 2000"), out);
		Reliability.record("Device faults", "PoCL used with libjsig preloaded (as the launcher and the tests do)",
			"PoCL's devices used; Java's division by zero still throws, 2000 of 2000");
	}

	/** What the guard prevents, measured rather than asserted: it is PoCL's behaviour, not ours. */
	@Test
	void poclForcedWithoutSignalChainingIsMeasured(@TempDir final Path dir) throws Exception {
		assumeTrue(poclInstalled(), "PoCL is not installed here");
		final String out = child(dir, false, "-D" + SignalChaining.ALLOW_POCL_PROPERTY + "=true");
		assertTrue(out.contains("opencl: true"), out);
		final String thrown = out.lines().filter(l -> l.startsWith("thrown: ")).findFirst().orElseThrow();
		Reliability.record("Device faults", "PoCL forced (-D" + SignalChaining.ALLOW_POCL_PROPERTY + "=true) " +
			"without signal chaining, then 2000 divisions by zero in compiled Java code", "measured: " + thrown
				.replaceAll(" \\(.*", "").replace("thrown: ", "") + " threw (the others returned a number): why PoCL needs libjsig");
	}

	private static boolean poclInstalled() throws Exception {
		final Path vendors = Path.of("/etc/OpenCL/vendors");
		if (!Files.isDirectory(vendors)) return false;
		try (var icds = Files.list(vendors)) {
			return icds.anyMatch(icd -> icd.getFileName().toString().toLowerCase().contains("pocl"));
		}
	}

	private static String child(final Path dir, final boolean chaining, final String... options) throws Exception {
		final Path out = dir.resolve("out.txt");
		final java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(Path.of(System.getProperty(
			"java.home"), "bin", "java").toString(), "--enable-native-access=ALL-UNNAMED"));
		command.addAll(java.util.List.of(options));
		command.addAll(java.util.List.of("-cp", System.getProperty("java.class.path"), DivisionAfterProbe.class
			.getName()));
		final ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
		final Map<String, String> env = pb.environment();
		env.remove("LD_PRELOAD");
		if (chaining) env.put("LD_PRELOAD", SignalChaining.library().toString());
		final Process p = pb.start();
		assertTrue(p.waitFor(2, TimeUnit.MINUTES), "the child JVM did not finish");
		final String text = Files.readString(out, StandardCharsets.UTF_8);
		assertEquals(0, p.exitValue(), text);
		return text;
	}
}
