package org.spiketune.tune;

/**
 * The population after one generation: best, mean and standard deviation of its fitness, its diversity
 * (mean Euclidean distance between individuals, genes in [0, 1)), the best individual's parameter values,
 * how many simulations the generation cost, and where the time went.
 */
public record GenerationStats(int generation, int evaluations, long totalEvaluations, double best,
	double mean, double sd, double diversity, double[] bestValues, double simulateMs, double evolveMs,
	double elapsedMs)
{

	public GenerationStats {
		bestValues = bestValues.clone();
	}

	@Override
	public double[] bestValues() {
		return bestValues.clone();
	}
}
