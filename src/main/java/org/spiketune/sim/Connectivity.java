package org.spiketune.sim;

/**
 * The synapses of a compiled projection. Weights are float (the simulation's precision); rows are source
 * neurons; target indices are local to the target group and ascending within a row.
 */
public sealed interface Connectivity {

	long synapseCount();

	/** Every source to every target: one weight row per source, indexed by target. */
	record Dense(float[][] rows, int targets) implements Connectivity {

		public int sources() {
			return rows.length;
		}

		@Override
		public long synapseCount() {
			return (long) rows.length * targets;
		}
	}

	/** Source i to target i. */
	record OneToOne(float[] weights) implements Connectivity {

		@Override
		public long synapseCount() {
			return weights.length;
		}
	}

	/**
	 * Compressed rows: row {@code s} holds synapses {@code rowStart[s] .. rowStart[s+1]-1}, with their
	 * targets, weights and (when delays vary) delays in steps.
	 */
	record Sparse(int[] rowStart, int[] targets, float[] weights, short[] delaySteps) implements Connectivity {

		@Override
		public long synapseCount() {
			return targets.length;
		}

		public boolean hasDelays() {
			return delaySteps != null;
		}
	}
}
