package org.spiketune.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.spiketune.model.Checks;
import org.spiketune.model.NetworkSpec;

/**
 * Runs batches on a {@link Backend}: checks the memory a request needs, builds (or reuses) the compiled
 * network, and simulates every member.
 *
 * @implNote Thread-safe; the last compiled structure is cached, so the generations of a tuning run, which
 *           share their structure, build it once.
 */
public final class Simulator {

	private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(Simulator.class
		.getName());

	private volatile Backend backend;
	private final Backend primary, fallback;
	private final boolean ownsPrimary;
	private final List<String> switches = new java.util.concurrent.CopyOnWriteArrayList<>();
	private CompiledNetwork cached;
	/** Guards the batches running on the primary backend, so a failed one is closed only once they end. */
	private final Object lease = new Object();
	private int primaryBatches;
	private boolean primaryClosed;

	public Simulator(final Backend backend) {
		this(backend, null);
	}

	/**
	 * A simulator that, when {@code backend}'s device fails mid-run ({@link DeviceFailure}), simulates that
	 * batch again on {@code fallback} and stays there, logging and recording the switch ({@link #switches}).
	 * Backends compute the same spikes, so a run goes on as if nothing had happened. Null: no fallback.
	 */
	public Simulator(final Backend backend, final Backend fallback) {
		this(backend, fallback, false);
	}

	private Simulator(final Backend backend, final Backend fallback, final boolean ownsPrimary) {
		this.backend = Checks.notNull("backend", backend);
		this.primary = backend;
		this.fallback = fallback;
		this.ownsPrimary = ownsPrimary;
	}

	/**
	 * Like {@link #Simulator(Backend, Backend)} for a backend made for this simulator alone: once its device
	 * has failed and the batches still running on it have ended, it is closed (if {@link AutoCloseable}), so a
	 * long session does not keep a failed device's context and memory.
	 */
	public static Simulator owning(final Backend backend, final Backend fallback) {
		return new Simulator(backend, fallback, true);
	}

	/** The backend in use (the fallback after a switch). */
	public Backend backend() {
		return backend;
	}

	/** Each switch to the fallback backend, with the failure that caused it; empty when none. */
	public List<String> switches() {
		return List.copyOf(switches);
	}

	public BatchResult run(final SimulationRequest request) {
		Checks.notNull("request", request);
		final MemoryEstimate estimate = MemoryEstimate.of(request, backend.concurrentMembers(request));
		estimate.check(availableHeap(estimate.totalBytes()), "network '" + request.network().name() + "' (" +
			request.network().neuronCount() + " neurons, " + request.size() + " members, " + request.durationMs() +
			" ms)");
		final long start = System.nanoTime();
		final CompiledNetwork network = compiled(request);
		final double compileMs = (System.nanoTime() - start) / 1e6;
		final Backend used = acquire();
		BatchResult result = null;
		try {
			result = used.simulate(network, request);
		}
		catch (final DeviceFailure e) {
			if (fallback == null || used == fallback) throw e;
			final String note = "the " + used.name() + " backend failed (" + e.getMessage() + "); this batch of " +
				request.size() + " member(s) and all later ones run on the " + fallback.name() + " backend (" + fallback
					.device() + ")";
			LOG.warning(note);
			switches.add(note);
			synchronized (lease) {
				backend = fallback;
			}
		}
		finally {
			release(used);
		}
		if (result == null) result = fallback.simulate(network, request);
		return withCompileTime(request, result, compileMs);
	}

	private static BatchResult withCompileTime(final SimulationRequest request, final BatchResult result,
		final double compileMs)
	{
		final RunInfo info = result.info();
		return new BatchResult(request, result.members(), new RunInfo(info.backend(), info.device(), info
			.threads(), compileMs, info.simulateMs()));
	}

	/** The backend for a batch; one on the primary backend is counted until {@link #release}. */
	private Backend acquire() {
		synchronized (lease) {
			final Backend current = backend;
			if (current == primary) primaryBatches++;
			return current;
		}
	}

	/** A batch has left {@code used}: closes an owned primary that failed once no batch runs on it. */
	private void release(final Backend used) {
		if (used != primary) return;
		final boolean close;
		synchronized (lease) {
			primaryBatches--;
			close = ownsPrimary && backend != primary && primaryBatches == 0 && !primaryClosed;
			if (close) primaryClosed = true;
		}
		if (close && primary instanceof final AutoCloseable closeable) {
			try {
				closeable.close();
			}
			catch (final Exception e) {
				LOG.fine("closing the failed " + primary.name() + " backend: " + e);
			}
		}
	}

	/**
	 * Simulates {@code members} that may also set structural parameters (see
	 * {@link org.spiketune.model.NetworkSpec#isStructural}): one batch per distinct structure, in order of
	 * first appearance. Results come back in member order, each with its index in {@code members}.
	 */
	public List<MemberResult> runAll(final NetworkSpec network, final double durationMs, final long structureSeed,
		final List<Member> members, final Recording recording)
	{
		final Map<Map<String, Double>, List<Integer>> byStructure = new LinkedHashMap<>();
		final List<Map<String, Double>> rest = new ArrayList<>();
		for (int i = 0; i < members.size(); i++) {
			final Map<String, Double> structural = new LinkedHashMap<>(), other = new LinkedHashMap<>();
			for (final Map.Entry<String, Double> e : members.get(i).parameters().entrySet()) {
				(network.isStructural(e.getKey()) ? structural : other).put(e.getKey(), e.getValue());
			}
			byStructure.computeIfAbsent(structural, k -> new ArrayList<>()).add(i);
			rest.add(other);
		}
		final MemberResult[] out = new MemberResult[members.size()];
		for (final Map.Entry<Map<String, Double>, List<Integer>> e : byStructure.entrySet()) {
			final List<Member> batch = new ArrayList<>();
			for (final int i : e.getValue()) batch.add(Member.of(members.get(i).seed(), rest.get(i)));
			final BatchResult result = run(new SimulationRequest(network.withParameters(e.getKey()), durationMs,
				structureSeed, batch, recording));
			for (int k = 0; k < batch.size(); k++) {
				final int i = e.getValue().get(k);
				final MemberResult r = result.member(k);
				out[i] = new MemberResult(i, members.get(i), r.spikes(), r.rates(), r.traces(), r.learnedWeights(), r
					.fault());
			}
		}
		return List.of(out);
	}

	/** The compiled structure of the request's network: everything but its named parameters. */
	public synchronized CompiledNetwork compiled(final SimulationRequest request) {
		final CompiledNetwork last = cached;
		if (last != null && last.structureSeed() == request.structureSeed() && sameStructure(last, request)) {
			return last;
		}
		cached = null; // let the old structure go before building a new one
		cached = NetworkCompiler.compile(request.network(), request.structureSeed());
		return cached;
	}

	/** True when the networks differ at most in named parameters other than model parameters. */
	private static boolean sameStructure(final CompiledNetwork compiled, final SimulationRequest request) {
		return Objects.equals(StructureKey.of(compiled.spec()), StructureKey.of(request.network()));
	}

	/** Free heap, after one collection if the first look says too little. */
	private static long availableHeap(final long needed) {
		final Runtime rt = Runtime.getRuntime();
		long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
		if (free < needed) {
			System.gc();
			free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
		}
		return free;
	}
}
