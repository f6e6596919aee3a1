package org.spiketune.sim.opencl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.spiketune.sim.Backend;
import org.spiketune.sim.BatchResult;
import org.spiketune.sim.CompiledNetwork;
import org.spiketune.sim.MemberResult;
import org.spiketune.sim.RunInfo;
import org.spiketune.sim.SimulationException;
import org.spiketune.sim.SimulationRequest;

/**
 * Simulates a whole batch on OpenCL devices: each member is a work-group of one launch, so a generation of
 * networks runs concurrently; with several devices the members are split between them. Results equal the
 * CPU backend's, which the contract tests check on every run (on PoCL where no GPU exists).
 *
 * @implNote Close it to release the devices.
 */
public final class OpenClBackend implements Backend, AutoCloseable {

	private final List<OpenClSession> sessions;

	/**
	 * Makes the {@code launch}-th kernel launch from now on the first device fail with OpenCL error
	 * {@code status} (e.g. {@code CL_OUT_OF_RESOURCES}), as a device that breaks mid-run would: for tests of
	 * what a run does then.
	 */
	public void injectFault(final int launch, final int status) {
		sessions.get(0).injectFault(launch, status);
	}

	private OpenClBackend(final List<OpenClSession> sessions) {
		this.sessions = List.copyOf(sessions);
	}

	/** True when at least one usable device exists (probed once). */
	public static boolean available() {
		return !OpenClPlatforms.probe().isEmpty();
	}

	/**
	 * A backend on the devices a selector names: {@code gpu}, {@code cpu}, {@code all} (every device of the
	 * first GPU's platform, or of the first platform), a device index {@code 0, 1, ...}, or part of a device's
	 * name; empty or {@code default} means the first GPU, else the first device.
	 *
	 * @throws IllegalArgumentException when no device matches, naming those there are
	 * @throws SimulationException when OpenCL is not available, with the reason
	 */
	public static OpenClBackend open(final String selector) {
		return open(selector, memoryLimit(System.getProperty(MEMORY_PROPERTY)));
	}

	/** System property capping the device memory used, in bytes (for a shared GPU, say). */
	public static final String MEMORY_PROPERTY = "spiketune.opencl.memory";

	/** The property's value: bytes > 0, or unset (0: 80% of each device). */
	static long memoryLimit(final String text) {
		if (text == null || text.isBlank()) return 0;
		try {
			final long bytes = Long.parseLong(text.trim());
			if (bytes > 0) return bytes;
		}
		catch (final NumberFormatException e) {
			// fall through to the message
		}
		throw new IllegalArgumentException("-D" + MEMORY_PROPERTY + " must be a number of bytes > 0, got '" + text +
			"'");
	}

	/** As {@link #open(String)}, using at most {@code memoryLimit} bytes of each device (0: 80% of it). */
	public static OpenClBackend open(final String selector, final long memoryLimit) {
		final List<OpenClPlatforms.Found> all = OpenClPlatforms.probe();
		if (all.isEmpty()) {
			throw new SimulationException("OpenCL is not available: " + OpenClPlatforms.unavailableReason().orElse(
				"no device"));
		}
		return on(select(all, selector == null ? "" : selector.trim().toLowerCase(Locale.ROOT)), memoryLimit);
	}

	/** A backend with one session per entry (the same device twice gives two queues on it: tests use that). */
	static OpenClBackend on(final List<OpenClPlatforms.Found> chosen, final long memoryLimit) {
		final List<OpenClSession> sessions = new ArrayList<>();
		try {
			for (final OpenClPlatforms.Found f : chosen) sessions.add(OpenClSession.open(f, memoryLimit));
		}
		catch (final RuntimeException e) {
			for (final OpenClSession s : sessions) s.close();
			throw e;
		}
		return new OpenClBackend(sessions);
	}

	private static List<OpenClPlatforms.Found> select(final List<OpenClPlatforms.Found> all, final String key) {
		final Predicate<OpenClPlatforms.Found> gpu = f -> f.info().gpu();
		final OpenClPlatforms.Found preferred = all.stream().filter(gpu).findFirst().orElse(all.get(0));
		final List<OpenClPlatforms.Found> chosen = switch (key) {
			case "", "default" -> List.of(preferred);
			case "gpu" -> all.stream().filter(gpu).limit(1).toList();
			case "cpu" -> all.stream().filter(gpu.negate()).limit(1).toList();
			case "all" -> all.stream().filter(f -> f.info().platformIndex() == preferred.info().platformIndex()).toList();
			default -> key.matches("\\d+") ? (Integer.parseInt(key) < all.size() ? List.of(all.get(Integer.parseInt(
				key))) : List.of()) : all.stream().filter(f -> f.info().name().toLowerCase(Locale.ROOT).contains(key))
					.limit(1).toList();
		};
		if (chosen.isEmpty()) {
			throw new IllegalArgumentException("no OpenCL device matches '" + key + "'; devices: " + all.stream().map(
				f -> all.indexOf(f) + ": " + f.info().describe()).collect(Collectors.joining("; ")));
		}
		return chosen;
	}

	@Override
	public String name() {
		return "opencl";
	}

	@Override
	public String device() {
		return sessions.stream().map(s -> s.info.describe()).collect(Collectors.joining(" + "));
	}

	@Override
	public int threads() {
		return sessions.stream().mapToInt(s -> s.info.computeUnits()).sum();
	}

	/** Host memory holds every member's packed parameters and results while a batch runs. */
	@Override
	public int concurrentMembers(final SimulationRequest request) {
		return request.size();
	}

	public List<DeviceInfo> devices() {
		return sessions.stream().map(s -> s.info).toList();
	}

	/** Launches the last batch needed on the first device, by its memory (1 when it fit at once). */
	public int lastLaunches() {
		return sessions.get(0).lastSplit();
	}

	@Override
	public BatchResult simulate(final CompiledNetwork network, final SimulationRequest request) {
		final long start = System.nanoTime();
		final int members = request.size();
		final List<MemberResult> results;
		if (sessions.size() == 1 || members == 1) {
			results = sessions.get(0).run(network, request, 0, members);
		}
		else {
			results = split(network, request);
		}
		return new BatchResult(request, results, new RunInfo(name(), device(), threads(), 0, (System.nanoTime() -
			start) / 1e6));
	}

	/** Members in contiguous shares, one per device, simulated concurrently. */
	private List<MemberResult> split(final CompiledNetwork network, final SimulationRequest request) {
		final int members = request.size(), devices = Math.min(sessions.size(), members);
		final ExecutorService pool = Executors.newFixedThreadPool(devices);
		try {
			final List<Future<List<MemberResult>>> parts = new ArrayList<>();
			for (int d = 0; d < devices; d++) {
				final int first = (int) ((long) members * d / devices), last = (int) ((long) members * (d + 1) / devices);
				final OpenClSession session = sessions.get(d);
				parts.add(pool.submit(() -> session.run(network, request, first, last - first)));
			}
			final List<MemberResult> results = new ArrayList<>(members);
			for (final Future<List<MemberResult>> part : parts) results.addAll(part.get());
			return results;
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new java.util.concurrent.CancellationException("simulation interrupted");
		}
		catch (final ExecutionException e) {
			if (e.getCause() instanceof RuntimeException r) throw r;
			throw new SimulationException("OpenCL simulation failed: " + e.getCause(), e.getCause());
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Override
	public void close() {
		for (final OpenClSession s : sessions) s.close();
	}
}
