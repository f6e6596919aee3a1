package org.spiketune.sim.opencl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Whether this JVM keeps its own signal handlers when native code installs others.
 * <p>
 * PoCL installs a SIGFPE handler as its devices start, and the LLVM inside it installs handlers for SIGSEGV,
 * SIGBUS, SIGILL, SIGINT, SIGTERM and more (one-shot ones) when it compiles. The JVM relies on SIGSEGV for
 * safepoints and null checks and on SIGFPE for integer division by zero, so in such a JVM a division by zero
 * in compiled Java code can return a wrong number instead of throwing, and two threads faulting at once can
 * kill the process (measured with PoCL 3.1: 145 to 972 of 2000 divisions by zero returned a number; 2
 * crashes in 40 runs of 16 allocating threads). The JDK's remedy is signal chaining: with {@code libjsig} preloaded the JVM's handlers
 * stay first and others are called only for signals that are not the JVM's.
 */
public final class SignalChaining {

	/** System property that allows PoCL without signal chaining (at the risks above). */
	public static final String ALLOW_POCL_PROPERTY = "spiketune.opencl.pocl";

	private SignalChaining() {}

	/** The JDK's signal-chaining library, to preload: {@code $JAVA_HOME/lib/libjsig.so} on Linux. */
	public static Path library() {
		return Path.of(System.getProperty("java.home"), "lib", "libjsig.so");
	}

	/** Whether libjsig is loaded into this process (read from /proc/self/maps; false where there is none). */
	public static boolean active() {
		return loaded(Path.of("/proc/self/maps"));
	}

	static boolean loaded(final Path maps) {
		try (var lines = Files.lines(maps)) {
			return lines.anyMatch(line -> line.contains("/libjsig."));
		}
		catch (final IOException | java.io.UncheckedIOException e) {
			return false;
		}
	}

	/** Whether a platform of this name is PoCL, which replaces the JVM's signal handlers. */
	public static boolean isPocl(final String platformName) {
		return platformName.toLowerCase(Locale.ROOT).contains("portable computing language");
	}

	/** Whether PoCL's devices may be started in this JVM. */
	public static boolean poclAllowed() {
		return active() || Boolean.getBoolean(ALLOW_POCL_PROPERTY);
	}

	/** Why PoCL was left alone, with what to do about it. */
	public static String poclSkippedReason() {
		return "PoCL not started: it replaces the JVM's signal handlers, which can crash Java or hide a " +
			"division by zero; start Java with LD_PRELOAD=" + library() + " (the spiketune launcher and the " +
			"tests do), or set -D" + ALLOW_POCL_PROPERTY + "=true to use it anyway";
	}
}
