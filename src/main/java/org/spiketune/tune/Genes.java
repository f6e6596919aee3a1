package org.spiketune.tune;

import java.util.random.RandomGenerator;

import io.jenetics.DoubleChromosome;
import io.jenetics.DoubleGene;
import io.jenetics.Genotype;

/** Individuals as points in [0, 1)^n: one {@link DoubleChromosome}; variation operators on such points. */
final class Genes {

	private Genes() {}

	static double[] of(final Genotype<DoubleGene> genotype) {
		final DoubleChromosome c = genotype.chromosome().as(DoubleChromosome.class);
		return c.toArray();
	}

	static Genotype<DoubleGene> genotype(final double[] unit) {
		final DoubleGene[] genes = new DoubleGene[unit.length];
		for (int i = 0; i < unit.length; i++) genes[i] = DoubleGene.of(unit[i], 0, 1);
		return Genotype.of(DoubleChromosome.of(genes));
	}

	/** Folds x back into [0, 1) by reflection at the bounds. */
	static double reflect(final double x) {
		double r = x % 2;
		if (r < 0) r += 2;
		if (r >= 1) r = 2 - r;
		return r >= 1 ? Math.nextDown(1.0) : r;
	}

	/** Gaussian mutation: each gene with probability {@code rate} moves by {@code sigma * N(0,1)}. */
	static double[] mutate(final double[] x, final double rate, final double sigma, final RandomGenerator random) {
		final double[] y = x.clone();
		for (int i = 0; i < y.length; i++) {
			if (rate >= 1 || random.nextDouble() < rate) y[i] = reflect(y[i] + sigma * random.nextGaussian());
		}
		return y;
	}

	/**
	 * Single-point crossover: children swap the tails after a cut in [1, n-1]; with one gene there is no
	 * cut and the children are copies of the parents.
	 */
	static double[][] singlePoint(final double[] a, final double[] b, final RandomGenerator random) {
		final double[] c = a.clone(), d = b.clone();
		if (a.length > 1) {
			final int cut = 1 + random.nextInt(a.length - 1);
			for (int i = cut; i < a.length; i++) {
				c[i] = b[i];
				d[i] = a[i];
			}
		}
		return new double[][] { c, d };
	}

	/** Mean Euclidean distance over all pairs. */
	static double meanDistance(final double[][] points) {
		if (points.length < 2) return 0;
		double sum = 0;
		long pairs = 0;
		for (int i = 0; i < points.length; i++) {
			for (int j = i + 1; j < points.length; j++) {
				double d2 = 0;
				for (int k = 0; k < points[i].length; k++) {
					final double d = points[i][k] - points[j][k];
					d2 += d * d;
				}
				sum += Math.sqrt(d2);
				pairs++;
			}
		}
		return sum / pairs;
	}
}
