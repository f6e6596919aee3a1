package org.spiketune.sim;

/**
 * What one member of a batch produced; {@code learnedWeights} maps each plastic projection's name to its
 * weights at the end of the run, {@code [source][target]} (empty without plasticity). {@code fault} says why
 * the member was stopped early ({@link NumericalFaults}), null when it ran to the end; its spikes and rates
 * are then those up to the stop.
 */
public record MemberResult(int index, Member member, SpikeRecord spikes, PopulationRates rates,
	StateTraces traces, java.util.Map<String, float[][]> learnedWeights, String fault) implements java.io.Serializable
{

	public MemberResult {
		learnedWeights = learnedWeights == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(
			new java.util.LinkedHashMap<>(learnedWeights));
	}

	public MemberResult(final int index, final Member member, final SpikeRecord spikes, final PopulationRates rates,
		final StateTraces traces)
	{
		this(index, member, spikes, rates, traces, null, null);
	}

	public MemberResult(final int index, final Member member, final SpikeRecord spikes, final PopulationRates rates,
		final StateTraces traces, final java.util.Map<String, float[][]> learnedWeights)
	{
		this(index, member, spikes, rates, traces, learnedWeights, null);
	}

	/** Whether the member was stopped for a numerical fault. */
	public boolean faulted() {
		return fault != null;
	}

	/** A copy with another index (a batch's members renumbered). */
	public MemberResult withIndex(final int value) {
		return new MemberResult(value, member, spikes, rates, traces, learnedWeights, fault);
	}

	/** The learned weights of a plastic projection, {@code [source][target]}. */
	public float[][] learnedWeights(final String projection) {
		final float[][] w = learnedWeights.get(projection);
		if (w == null) {
			throw new IllegalArgumentException("no learned weights for projection '" + projection + "'; plastic " +
				"projections: " + learnedWeights.keySet());
		}
		return w;
	}
}
