package org.spiketune.sim;

import java.util.Arrays;

import org.spiketune.model.Checks;

/**
 * What to record: the width of the population-rate bins (rates always count every spike), the neurons whose
 * state variables (v and the recovery/adaptation variable) are traced every step, and the groups whose spikes
 * are kept as events (empty: all). A long run of a large network keeps only the groups it needs; the others'
 * spikes still count in the rates.
 */
public record Recording(double rateBinMs, int[] tracedNeurons, java.util.List<String> spikeGroups) implements
	java.io.Serializable
{

	public Recording {
		Checks.positive("rateBinMs", rateBinMs);
		Checks.notNull("tracedNeurons", tracedNeurons);
		tracedNeurons = tracedNeurons.clone();
		for (final int i : tracedNeurons) Checks.atLeast("traced neuron index", i, 0);
		spikeGroups = java.util.List.copyOf(Checks.noNulls("spikeGroups", spikeGroups));
	}

	public Recording(final double rateBinMs, final int[] tracedNeurons) {
		this(rateBinMs, tracedNeurons, java.util.List.of());
	}

	/** 1 ms rate bins, no traces, every group's spikes. */
	public static Recording spikesOnly() {
		return new Recording(1.0, new int[0]);
	}

	public Recording withTraces(final int... neurons) {
		return new Recording(rateBinMs, neurons, spikeGroups);
	}

	public Recording withRateBin(final double ms) {
		return new Recording(ms, tracedNeurons, spikeGroups);
	}

	/** Keeps the spikes of these groups only (none given: all). */
	public Recording withSpikeGroups(final String... groups) {
		return new Recording(rateBinMs, tracedNeurons, java.util.List.of(groups));
	}

	@Override
	public int[] tracedNeurons() {
		return tracedNeurons.clone();
	}

	public int tracedCount() {
		return tracedNeurons.length;
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof Recording r && r.rateBinMs == rateBinMs && Arrays.equals(r.tracedNeurons,
			tracedNeurons) && r.spikeGroups.equals(spikeGroups);
	}

	@Override
	public int hashCode() {
		return (Double.hashCode(rateBinMs) * 31 + Arrays.hashCode(tracedNeurons)) * 31 + spikeGroups.hashCode();
	}

	@Override
	public String toString() {
		return "Recording[rateBinMs=" + rateBinMs + ", tracedNeurons=" + Arrays.toString(tracedNeurons) + (spikeGroups
			.isEmpty() ? "" : ", spikeGroups=" + spikeGroups) + "]";
	}
}
