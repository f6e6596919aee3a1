package org.spiketune.random;

/** Uniform, exponential and Poisson variates from random words. */
public final class Samplers {

	private static final double TWO_POW_M53 = 0x1.0p-53;
	private static final float TWO_POW_M24 = 0x1.0p-24f;
	private static final int LOG_FACTORIAL_TABLE = 256;
	private static final double[] LOG_FACTORIAL = new double[LOG_FACTORIAL_TABLE];

	static {
		for (int k = 1; k < LOG_FACTORIAL_TABLE; k++) {
			LOG_FACTORIAL[k] = LOG_FACTORIAL[k - 1] + Math.log(k);
		}
	}

	private Samplers() {}

	/** A double in [0, 1) from the top 27 and 26 bits of two words. */
	public static double uniform53(final int a, final int b) {
		return ((a >>> 5) * 67108864.0 + (b >>> 6)) * TWO_POW_M53;
	}

	/** A float in [0, 1) from the top 24 bits of a word: what the kernels use for Bernoulli draws. */
	public static float uniform24(final int word) {
		return (word >>> 8) * TWO_POW_M24;
	}

	/** An exponential variate with rate 1. */
	public static double exponential(final WordSource source) {
		return -Math.log(source.nextUniformPositive());
	}

	/**
	 * A Poisson variate with mean {@code lambda}: inversion by sequential search below 10, Hormann's (1993)
	 * transformed rejection with squeeze (PTRS) above.
	 */
	public static int poisson(final double lambda, final WordSource source) {
		if (!(lambda >= 0) || Double.isInfinite(lambda)) {
			throw new IllegalArgumentException("Poisson mean must be finite and >= 0, got " + lambda);
		}
		if (lambda == 0) return 0;
		return lambda < 10 ? poissonInversion(lambda, source) : poissonPtrs(lambda, source);
	}

	private static int poissonInversion(final double lambda, final WordSource source) {
		final double u = source.nextUniform();
		double p = Math.exp(-lambda);
		double cumulative = p;
		int k = 0;
		while (u >= cumulative && k < 1000) {
			k++;
			p *= lambda / k;
			cumulative += p;
		}
		return k;
	}

	private static int poissonPtrs(final double lambda, final WordSource source) {
		final double sqrtLambda = Math.sqrt(lambda);
		final double logLambda = Math.log(lambda);
		final double b = 0.931 + 2.53 * sqrtLambda;
		final double a = -0.059 + 0.02483 * b;
		final double inverseAlpha = 1.1239 + 1.1328 / (b - 3.4);
		final double vr = 0.9277 - 3.6224 / (b - 2);
		while (true) {
			final double u = source.nextUniform() - 0.5;
			final double v = source.nextUniform();
			final double us = 0.5 - Math.abs(u);
			final long k = (long) Math.floor((2 * a / us + b) * u + lambda + 0.43);
			if (us >= 0.07 && v <= vr) return (int) k;
			if (k < 0 || us < 0.013 && v > us) continue;
			if (Math.log(v) + Math.log(inverseAlpha) - Math.log(a / (us * us) + b) <= -lambda + k * logLambda -
				logFactorial(k))
			{
				return (int) k;
			}
		}
	}

	/** ln(k!) from a table below 256, Stirling's series above (error below 1e-12). */
	public static double logFactorial(final long k) {
		if (k < 0) throw new IllegalArgumentException("k must be >= 0, got " + k);
		if (k < LOG_FACTORIAL_TABLE) return LOG_FACTORIAL[(int) k];
		final double n = k + 1.0; // ln Gamma(n)
		final double inverse = 1 / n;
		final double inverse2 = inverse * inverse;
		return (n - 0.5) * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI) + inverse * (1.0 / 12 - inverse2 *
			(1.0 / 360 - inverse2 / 1260));
	}
}
