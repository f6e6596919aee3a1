package org.spiketune.tune;

import org.spiketune.objective.Score;

/**
 * One evaluated individual: in which generation (0 is the initial population; after the last generation
 * come the confirmations) and at which position of that generation's batch, its parameter values, its
 * genes in [0, 1), its (sample-averaged) score, and the seeds of its samples.
 */
public record Evaluation(int generation, int index, double[] values, double[] genes, Score score,
	long[] seeds, Kind kind)
{

	/** Why the individual was simulated. */
	public enum Kind {
			/** A new individual. */
			NEW,
			/** A survivor simulated again (re-evaluation). */
			REEVALUATED,
			/** A member of the final population simulated again to pick the best (confirmation). */
			CONFIRMATION
	}


	public Evaluation {
		values = values.clone();
		genes = genes.clone();
		seeds = seeds.clone();
	}

	@Override
	public double[] values() {
		return values.clone();
	}

	@Override
	public double[] genes() {
		return genes.clone();
	}

	@Override
	public long[] seeds() {
		return seeds.clone();
	}
}
