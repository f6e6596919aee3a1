package org.spiketune.tune;

/**
 * The population after one generation: best, mean and standard deviation of its fitness (of the members that
 * were scored: one that failed, given the objective's worst value, would make the mean about 1e307), its diversity
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

	/**
	 * Mean and sample standard deviation of {@code values}, leaving out those equal to {@code worst} (failed
	 * members); {@code worst} and 0 when every member failed.
	 */
	static double[] meanSd(final double[] values, final double worst) {
		int n = 0;
		for (final double v : values) if (v != worst) n++;
		if (n == 0) return new double[] { worst, 0 };
		double mean = 0, variance = 0;
		for (final double v : values) if (v != worst) mean += v / n;
		for (final double v : values) if (v != worst) variance += (v - mean) * (v - mean) / Math.max(1, n - 1);
		return new double[] { mean, Math.sqrt(variance) };
	}
}
