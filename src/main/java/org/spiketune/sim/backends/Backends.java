package org.spiketune.sim.backends;

import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

import org.spiketune.sim.Backend;
import org.spiketune.sim.SimulationException;
import org.spiketune.sim.Simulator;
import org.spiketune.sim.cpu.CpuBackend;

/**
 * The one place that chooses a backend by name; callers at the edge (commands, scripts, tests) use it.
 * OpenCL classes are touched only when an OpenCL backend is asked for, so a CPU run never loads JOCL.
 * <ul>
 * <li>{@code cpu}: the CPU backend;</li>
 * <li>{@code opencl}, {@code opencl:gpu}, {@code opencl:cpu}, {@code opencl:all}, {@code opencl:<index>},
 * {@code opencl:<part of a device name>}: OpenCL devices; without OpenCL, the CPU backend, the reason
 * logged once;</li>
 * <li>{@code auto}: an OpenCL GPU if there is one and it builds and passes the probe kernel, else the CPU
 * backend.</li>
 * </ul>
 */
public final class Backends {

	private static final Logger LOG = Logger.getLogger(Backends.class.getName());
	/** Reasons already logged: each once per JVM, however often a backend is asked for. */
	private static final java.util.Set<String> LOGGED = new java.util.HashSet<>();

	/** The choices a user picks from; a device is named apart (see {@link #named}). */
	public static final String AUTO = "auto", CPU = "cpu", OPENCL = "opencl", SPARK = "spark";

	private Backends() {}

	/** Names accepted by {@link #byName} (besides opencl:&lt;device&gt;). */
	public static List<String> names() {
		return List.of(CPU, OPENCL, "opencl:gpu", "opencl:cpu", "opencl:all", AUTO, SPARK);
	}

	/**
	 * The backend name for a choice and an optional OpenCL device ({@code gpu}, {@code cpu}, {@code all}, an
	 * index or part of a name): {@code opencl} with device {@code 1} is {@code opencl:1}.
	 *
	 * @throws IllegalArgumentException for a device with a backend other than opencl
	 */
	public static String named(final String backend, final String device) {
		final String key = backend == null ? "" : backend.trim().toLowerCase(Locale.ROOT);
		if (device == null || device.isBlank()) return key;
		if (!key.equals(OPENCL)) {
			throw new IllegalArgumentException("an OpenCL device ('" + device.trim() + "') needs backend opencl, not '" +
				backend + "'");
		}
		return OPENCL + ":" + device.trim();
	}

	/** The CPU backend on every available processor. */
	public static Backend cpu() {
		return new CpuBackend();
	}

	public static Backend cpu(final int threads) {
		return new CpuBackend(threads);
	}

	/** A backend by name; {@code threads <= 0} means all processors (for the CPU backend). */
	public static Backend byName(final String name, final int threads) {
		final String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
		if (key.equals("cpu")) return threads > 0 ? cpu(threads) : cpu();
		if (key.equals("auto")) {
			final Backend gpu = OpenCl.gpuOrNull();
			return gpu != null ? gpu : threads > 0 ? cpu(threads) : cpu();
		}
		if (key.equals(SPARK)) return Spark.backend();
		if (key.equals("opencl") || key.startsWith("opencl:")) {
			final String selector = key.equals("opencl") ? "" : key.substring("opencl:".length());
			final Backend opencl = OpenCl.openOrNull(selector);
			if (opencl != null) return opencl;
			return threads > 0 ? cpu(threads) : cpu();
		}
		throw new IllegalArgumentException("unknown backend '" + name + "'; known: " + String.join(", ", names()) +
			", opencl:<device>");
	}

	/** The usable OpenCL devices, in the order {@code opencl:<index>} counts them; empty without OpenCL. */
	public static List<org.spiketune.sim.opencl.DeviceInfo> openClDevices() {
		return org.spiketune.sim.opencl.OpenClPlatforms.devices();
	}

	/** Why there are no OpenCL devices, when there are none. */
	public static java.util.Optional<String> openClUnavailableReason() {
		return org.spiketune.sim.opencl.OpenClPlatforms.unavailableReason();
	}

	/**
	 * A simulator on the named backend; an OpenCL one falls back to the CPU backend if its device fails, and
	 * is closed then.
	 */
	public static Simulator simulator(final String name, final int threads) {
		final Backend backend = byName(name, threads);
		if (backend.name().equals(CPU)) return new Simulator(backend);
		return Simulator.owning(backend, threads > 0 ? cpu(threads) : cpu());
	}

	/**
	 * Reaches the Spark backend by name only: Spark is a provided dependency, there in a {@code spark-submit}
	 * job and in tests, absent in Fiji.
	 */
	private static final class Spark {

		static Backend backend() {
			final Class<?> type;
			try {
				Class.forName("org.apache.spark.SparkContext", false, Backends.class.getClassLoader());
				type = Class.forName("org.spiketune.spark.SparkBackend");
			}
			catch (final ClassNotFoundException | LinkageError e) {
				throw new IllegalArgumentException("backend 'spark' needs Apache Spark on the class path: submit the " +
					"job with spark-submit (see the README, 'On a Spark cluster')");
			}
			try {
				return (Backend) type.getMethod("getOrCreate", int.class).invoke(null, 0);
			}
			catch (final java.lang.reflect.InvocationTargetException e) {
				throw new IllegalArgumentException("could not start Spark: " + e.getCause(), e.getCause());
			}
			catch (final ReflectiveOperationException e) {
				throw new IllegalStateException(e);
			}
		}
	}

	/** Isolates the OpenCL classes, which load JOCL (and the native OpenCL library) on first touch. */
	private static final class OpenCl {

		static Backend openOrNull(final String selector) {
			if (!org.spiketune.sim.opencl.OpenClBackend.available()) {
				logFallback(org.spiketune.sim.opencl.OpenClPlatforms.unavailableReason().orElse("no device"));
				return null;
			}
			return org.spiketune.sim.opencl.OpenClBackend.open(selector);
		}

		/** An OpenCL GPU, or null (logged) when there is none or it cannot run the kernels. */
		static Backend gpuOrNull() {
			if (!org.spiketune.sim.opencl.OpenClBackend.available() || org.spiketune.sim.opencl.OpenClPlatforms
				.devices().stream().noneMatch(org.spiketune.sim.opencl.DeviceInfo::gpu))
			{
				logFallback("no OpenCL GPU");
				return null;
			}
			try {
				return org.spiketune.sim.opencl.OpenClBackend.open("gpu");
			}
			catch (final SimulationException e) {
				logFallback(e.getMessage());
				return null;
			}
		}
	}

	private static synchronized void logFallback(final String reason) {
		if (!LOGGED.add(reason)) return;
		LOG.info("OpenCL backend not used (" + reason + "); simulating on the CPU backend");
	}
}
