package org.spiketune.sim;

import java.util.Arrays;

import org.spiketune.model.Checks;

/**
 * What to record besides spikes: the width of the population-rate bins, and the neurons whose state
 * variables (v and the recovery/adaptation variable) are traced every step.
 */
public record Recording(double rateBinMs, int[] tracedNeurons) {

	public Recording {
		Checks.positive("rateBinMs", rateBinMs);
		Checks.notNull("tracedNeurons", tracedNeurons);
		tracedNeurons = tracedNeurons.clone();
		for (final int i : tracedNeurons) Checks.atLeast("traced neuron index", i, 0);
	}

	/** 1 ms rate bins, no traces. */
	public static Recording spikesOnly() {
		return new Recording(1.0, new int[0]);
	}

	public Recording withTraces(final int... neurons) {
		return new Recording(rateBinMs, neurons);
	}

	public Recording withRateBin(final double ms) {
		return new Recording(ms, tracedNeurons);
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
			tracedNeurons);
	}

	@Override
	public int hashCode() {
		return Double.hashCode(rateBinMs) * 31 + Arrays.hashCode(tracedNeurons);
	}

	@Override
	public String toString() {
		return "Recording[rateBinMs=" + rateBinMs + ", tracedNeurons=" + Arrays.toString(tracedNeurons) + "]";
	}
}
