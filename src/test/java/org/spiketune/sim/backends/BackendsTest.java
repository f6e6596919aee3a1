package org.spiketune.sim.backends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.spiketune.Reliability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backends by name, and the fallback to the CPU backend where OpenCL has no platform. */
class BackendsTest {

	@Test
	void cpuByNameWithItsThreads() {
		assertEquals("cpu", Backends.byName("cpu", 3).name());
		assertEquals(3, Backends.byName(" CPU ", 3).threads());
		assertEquals(Runtime.getRuntime().availableProcessors(), Backends.byName("cpu", 0).threads());
	}

	@Test
	void anUnknownBackendIsAnErrorListingTheKnownOnes() {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Backends.byName("cuda",
			1));
		assertTrue(e.getMessage().contains("unknown backend 'cuda'"), e.getMessage());
		for (final String name : Backends.names()) assertTrue(e.getMessage().contains(name), e.getMessage());
	}

	/**
	 * An ICD loader that finds no vendor (an empty OCL_ICD_VENDORS folder) is what a machine with the loader
	 * but no OpenCL driver looks like: asking for OpenCL gives the CPU backend, and the reason is logged once,
	 * however often OpenCL is asked for. Needs a JVM of its own: OpenCL platforms are probed once per JVM.
	 */
	@Test
	void withoutAnOpenClPlatformOpenClFallsBackToTheCpuOnceLogged(@TempDir final Path dir) throws Exception {
		assumeIcdLoader();
		final Path vendors = Files.createDirectories(dir.resolve("vendors"));
		for (final String name : List.of("opencl", "auto")) {
			final String stderr = runFallbackMain(dir, List.of(name), List.of(), vendors.toString());
			if (name.equals("opencl")) assertTrue(stderr.contains("no OpenCL platform"), stderr);
		}
	}

	/** Each distinct reason is logged once: auto's (no GPU), then opencl's (no platform). */
	@Test
	void eachFallbackReasonIsLoggedOnce(@TempDir final Path dir) throws Exception {
		assumeIcdLoader();
		final Path vendors = Files.createDirectories(dir.resolve("vendors"));
		final String stderr = runFallbackMain(dir, List.of("auto", "opencl"), List.of(), vendors.toString());
		assertTrue(stderr.contains("(no OpenCL GPU)") && stderr.contains("no OpenCL platform"), stderr);
	}

	/** An empty vendor folder means "no platform" only to an ICD loader; without one there is no library at all. */
	private static void assumeIcdLoader() throws IOException, InterruptedException {
		final Process ldconfig = new ProcessBuilder("ldconfig", "-p").redirectErrorStream(true).start();
		final String libraries = new String(ldconfig.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		ldconfig.waitFor();
		assumeTrue(libraries.contains("libOpenCL.so"), "needs an OpenCL ICD loader (libOpenCL.so; Debian's " +
			"ocl-icd-libopencl1, which .ci/run installs)");
	}

	/**
	 * No OpenCL library at all: the ICD loader is hidden by binding an empty file over it in a private mount
	 * namespace (needs root and util-linux's unshare, as on CI; skipped elsewhere).
	 */
	@Test
	void withoutAnOpenClLibraryOpenClFallsBackToTheCpuOnceLogged(@TempDir final Path dir) throws Exception {
		assumeTrue(new ProcessBuilder("unshare", "--mount", "true").start().waitFor() == 0,
			"needs root and unshare --mount to hide libOpenCL");
		final String hide = "for f in $(ldconfig -p | grep -o '/[^ ]*libOpenCL[^ ]*'); do mount --bind /dev/null " +
			"\"$(readlink -f \"$f\")\"; done; exec \"$@\"";
		final String stderr = runFallbackMain(dir, List.of("opencl"), List.of("unshare", "--mount", "bash", "-c", hide,
			"hide"), null);
		assertTrue(stderr.contains("no OpenCL library"), stderr);
		Reliability.record("Device faults", "no OpenCL library at all (hidden), backend opencl", "ran on the CPU " +
			"backend; logged once: " + stderr.lines().filter(l -> l.contains("no OpenCL library")).findFirst().orElse(""));
	}

	/**
	 * Runs {@link FallbackMain} in a child JVM; checks it got the CPU backend each time, with one log line per
	 * backend asked for (each has its own reason); returns its stderr.
	 */
	private static String runFallbackMain(final Path dir, final List<String> backends, final List<String> prefix,
		final String vendors) throws Exception
	{
		final String name = String.join("-", backends);
		final Path out = dir.resolve(name + ".out"), err = dir.resolve(name + ".err");
		final List<String> command = new ArrayList<>(prefix);
		command.addAll(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
			"--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), FallbackMain.class
				.getName()));
		command.addAll(backends);
		final ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err
			.toFile());
		if (vendors != null) pb.environment().put("OCL_ICD_VENDORS", vendors);
		final Process p = pb.start();
		assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM finished");
		final String stdout = read(out), stderr = read(err);
		assertEquals(0, p.exitValue(), stdout + stderr);
		// JOCL's native loader also prints to stdout what it could not load
		assertEquals(java.util.Collections.nCopies(2 * backends.size(), "backend=cpu"), stdout.lines().filter(l -> l
			.startsWith("backend=")).toList(), stdout + stderr);
		final long logged = stderr.lines().filter(l -> l.contains("simulating on the CPU backend")).count();
		assertEquals(backends.size(), logged, stderr);
		return stderr;
	}

	private static String read(final Path file) throws IOException {
		return Files.readString(file, StandardCharsets.UTF_8);
	}
}
