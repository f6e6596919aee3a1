package org.spiketune.sim;

import java.util.Arrays;

import org.spiketune.model.Checks;

/**
 * What to record: the width of the population-rate bins (rates always count every spike), the neurons whose
 * state variables (v and the recovery/adaptation variable) are traced every step from {@code traceFromMs} on
 * (0: the whole run), and the groups whose spikes are kept as events (empty: all). A long run of a large
 * network keeps only the groups it needs, and traces only the part it looks at; the others' spikes still
 * count in the rates.
 */
public record Recording(double rateBinMs, int[] tracedNeurons, java.util.List<String> spikeGroups,
	double traceFromMs) implements java.io.Serializable
{

	public Recording {
		Checks.positive("rateBinMs", rateBinMs);
		Checks.notNull("tracedNeurons", tracedNeurons);
		tracedNeurons = tracedNeurons.clone();
		for (final int i : tracedNeurons) Checks.atLeast("traced neuron index", i, 0);
		spikeGroups = java.util.List.copyOf(Checks.noNulls("spikeGroups", spikeGroups));
		Checks.nonNegative("traceFromMs", traceFromMs);
	}

	public Recording(final double rateBinMs, final int[] tracedNeurons, final java.util.List<String> spikeGroups) {
		this(rateBinMs, tracedNeurons, spikeGroups, 0);
	}

	public Recording(final double rateBinMs, final int[] tracedNeurons) {
		this(rateBinMs, tracedNeurons, java.util.List.of());
	}

	/** 1 ms rate bins, no traces, every group's spikes. */
	public static Recording spikesOnly() {
		return new Recording(1.0, new int[0]);
	}

	public Recording withTraces(final int... neurons) {
		return new Recording(rateBinMs, neurons, spikeGroups, traceFromMs);
	}

	/** Traces only the steps that start at or after {@code ms} (a long run's last part: memory for that only). */
	public Recording withTracesFrom(final double ms) {
		return new Recording(rateBinMs, tracedNeurons, spikeGroups, ms);
	}

	public Recording withRateBin(final double ms) {
		return new Recording(ms, tracedNeurons, spikeGroups, traceFromMs);
	}

	/** Keeps the spikes of these groups only (none given: all). */
	public Recording withSpikeGroups(final String... groups) {
		return new Recording(rateBinMs, tracedNeurons, java.util.List.of(groups), traceFromMs);
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
			tracedNeurons) && r.spikeGroups.equals(spikeGroups) && r.traceFromMs == traceFromMs;
	}

	@Override
	public int hashCode() {
		return ((Double.hashCode(rateBinMs) * 31 + Arrays.hashCode(tracedNeurons)) * 31 + spikeGroups.hashCode()) * 31 +
			Double.hashCode(traceFromMs);
	}

	@Override
	public String toString() {
		return "Recording[rateBinMs=" + rateBinMs + ", tracedNeurons=" + Arrays.toString(tracedNeurons) + (spikeGroups
			.isEmpty() ? "" : ", spikeGroups=" + spikeGroups) + (traceFromMs == 0 ? "" : ", traceFromMs=" + traceFromMs) +
			"]";
	}
}
