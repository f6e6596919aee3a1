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
		final boolean[] failed = new boolean[values.length];
		for (int i = 0; i < values.length; i++) failed[i] = values[i] == worst;
		return meanSd(values, failed, worst);
	}

	/**
	 * Mean and sample standard deviation of the {@code values} not {@code failed} (a failed member of a run with
	 * several objectives has the worst value in each, and their sum is no value); {@code worst} and 0 when every
	 * member failed.
	 */
	static double[] meanSd(final double[] values, final boolean[] failed, final double worst) {
		int n = 0;
		for (int i = 0; i < values.length; i++) if (!failed[i]) n++;
		if (n == 0) return new double[] { worst, 0 };
		double mean = 0, variance = 0;
		for (int i = 0; i < values.length; i++) if (!failed[i]) mean += values[i] / n;
		for (int i = 0; i < values.length; i++) {
			if (!failed[i]) variance += (values[i] - mean) * (values[i] - mean) / Math.max(1, n - 1);
		}
		return new double[] { mean, Math.sqrt(variance) };
	}
}
