package org.spiketune.sim;

/**
 * Where batches run. A backend simulates every member of a compiled network; it must give each member the
 * result it would give that member alone (same seed, same parameters), whatever the batch and thread
 * count.
 */
public interface Backend {

	/** Short name, e.g. {@code cpu} or {@code opencl}. */
	String name();

	/** The device (or processor) the backend computes on, in words. */
	String device();

	/** Threads (or compute units) it uses. */
	int threads();

	/** How many members it holds in memory at once for this request (for the memory estimate). */
	int concurrentMembers(SimulationRequest request);

	/**
	 * Simulates the request's members on the compiled network (built from the request's network and
	 * structure seed).
	 */
	BatchResult simulate(CompiledNetwork network, SimulationRequest request);
}
