package org.spiketune.model;

/**
 * Synapses from one group to another. {@code gain} multiplies every weight of the projection; it is the
 * handle an optimizer turns ({@code <projection>.gain}) without changing the network's structure.
 * {@code plasticity} is {@code null} for fixed weights.
 */
public record Projection(String name, String source, String target, Topology topology, Weights weights,
	Delay delay, Synapse synapse, double gain, Plasticity plasticity)
{

	public Projection {
		Checks.name("projection name", name);
		final String where = "projection '" + name + "' ";
		Checks.name(where + "source", source);
		Checks.name(where + "target", target);
		Checks.notNull(where + "topology", topology);
		Checks.notNull(where + "weights", weights);
		Checks.notNull(where + "delay", delay);
		Checks.notNull(where + "synapse", synapse);
		Checks.finite(where + "gain", gain);
	}

	public Projection(final String name, final String source, final String target, final Topology topology,
		final Weights weights, final Delay delay, final Synapse synapse, final double gain)
	{
		this(name, source, target, topology, weights, delay, synapse, gain, null);
	}

	public boolean isPlastic() {
		return plasticity != null;
	}

	/** A projection with a 1 ms delay, pulse synapses and gain 1. */
	public static Projection of(final String name, final String source, final String target,
		final Topology topology, final Weights weights)
	{
		return new Projection(name, source, target, topology, weights, Delay.of(1), Synapse.pulse(), 1);
	}

	public Projection withDelay(final Delay value) {
		return new Projection(name, source, target, topology, weights, value, synapse, gain, plasticity);
	}

	public Projection withSynapse(final Synapse value) {
		return new Projection(name, source, target, topology, weights, delay, value, gain, plasticity);
	}

	public Projection withGain(final double value) {
		return new Projection(name, source, target, topology, weights, delay, synapse, value, plasticity);
	}

	public Projection withTopology(final Topology value) {
		return new Projection(name, source, target, value, weights, delay, synapse, gain, plasticity);
	}

	public Projection withWeights(final Weights value) {
		return new Projection(name, source, target, topology, value, delay, synapse, gain, plasticity);
	}

	/** A copy that learns with {@code value} ({@code null}: fixed weights). */
	public Projection withPlasticity(final Plasticity value) {
		return new Projection(name, source, target, topology, weights, delay, synapse, gain, value);
	}
}
