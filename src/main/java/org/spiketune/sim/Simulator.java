package org.spiketune.sim;

import java.util.Objects;

import org.spiketune.model.Checks;

/**
 * Runs batches on a {@link Backend}: checks the memory a request needs, builds (or reuses) the compiled
 * network, and simulates every member.
 *
 * @implNote Thread-safe; the last compiled structure is cached, so the generations of a tuning run, which
 *           share their structure, build it once.
 */
public final class Simulator {

	private final Backend backend;
	private CompiledNetwork cached;

	public Simulator(final Backend backend) {
		this.backend = Checks.notNull("backend", backend);
	}

	public Backend backend() {
		return backend;
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
		final BatchResult result = backend.simulate(network, request);
		final RunInfo info = result.info();
		return new BatchResult(request, result.members(), new RunInfo(info.backend(), info.device(), info
			.threads(), compileMs, info.simulateMs()));
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
