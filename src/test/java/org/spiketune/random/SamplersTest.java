package org.spiketune.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Moments and shape of the samplers. Tolerances are about 5 standard errors: the seeded tests cannot fail by
 * chance, while a wrong table or formula misses by far.
 */
class SamplersTest {

	private static final int N = 1_000_000;

	/** Normal numbers the way the simulator draws them: one word each, slow path on rejection. */
	private static float[] normals(final long seed, final int n) {
		final float[] out = new float[n];
		final int[] block = new int[4];
		final PhiloxStream slow = new PhiloxStream(0, 0, 0, 0);
		for (int i = 0; i < n; i++) {
			Philox4x32.block(i >>> 2, 0, Keys.STREAM_NOISE, 0, Keys.key0(seed), Keys.key1(seed), block);
			out[i] = Ziggurat.normal(block[i & 3], slow.reset(Keys.key0(seed), Keys.key1(seed), i, 0,
				Keys.STREAM_NOISE | Keys.SLOW_PATH_BIT));
		}
		return out;
	}

	@Test
	void normalMoments() {
		final float[] x = normals(1, N);
		double m1 = 0, m2 = 0, m3 = 0, m4 = 0;
		for (final float v : x) {
			m1 += v;
			m2 += v * (double) v;
			m3 += Math.pow(v, 3);
			m4 += Math.pow(v, 4);
		}
		m1 /= N;
		m2 /= N;
		m3 /= N;
		m4 /= N;
		assertEquals(0, m1, 5 / Math.sqrt(N), "mean");
		assertEquals(1, m2, 5 * Math.sqrt(2.0 / N), "variance");
		assertEquals(0, m3, 5 * Math.sqrt(15.0 / N), "third moment");
		assertEquals(3, m4, 5 * Math.sqrt(96.0 / N), "fourth moment");
	}

	@Test
	void normalDistributionFunction() {
		final float[] x = normals(2, N);
		Arrays.sort(x);
		double d = 0;
		for (int i = 0; i < N; i++) {
			final double f = phi(x[i]);
			d = Math.max(d, Math.max(Math.abs(f - i / (double) N), Math.abs(f - (i + 1) / (double) N)));
		}
		// Kolmogorov-Smirnov: P(sqrt(N) D > 1.95) ~ 0.001
		assertTrue(Math.sqrt(N) * d < 1.95, "KS statistic sqrt(N) D = " + Math.sqrt(N) * d);
	}

	@Test
	void normalTailsHaveTheRightMass() {
		final float[] x = normals(3, 4 * N);
		int beyond3 = 0, beyondR = 0;
		for (final float v : x) {
			if (Math.abs(v) > 3) beyond3++;
			if (Math.abs(v) > Ziggurat.R) beyondR++;
		}
		final double p3 = 2 * (1 - phi(3)), pR = 2 * (1 - phi(Ziggurat.R));
		assertEquals(p3 * x.length, beyond3, 5 * Math.sqrt(p3 * x.length), "|x| > 3");
		assertEquals(pR * x.length, beyondR, 5 * Math.sqrt(pR * x.length) + 1, "|x| > R (the tail method)");
	}

	@Test
	void tablesCloseTheZiggurat() {
		// the last strip's top edge must meet the density's peak: f(x_255) + v / x_255 = 1
		final double top = Ziggurat.DENSITY[255] + Ziggurat.AREA / (Ziggurat.WIDTH[255] * 0x1.0p23);
		assertEquals(1.0, top, 1e-6);
	}

	@Test
	void exponentialMoments() {
		final PhiloxStream s = new PhiloxStream(4, 0, 0, 0);
		double m1 = 0, m2 = 0;
		for (int i = 0; i < N; i++) {
			final double e = Samplers.exponential(s);
			m1 += e;
			m2 += e * e;
		}
		m1 /= N;
		m2 /= N;
		assertEquals(1, m1, 5 / Math.sqrt(N));
		assertEquals(1, m2 - m1 * m1, 5 * Math.sqrt(8.0 / N));
	}

	@ParameterizedTest
	@ValueSource(doubles = { 0.3, 4, 9.9, 10, 37.5, 1000 })
	void poissonMoments(final double lambda) {
		final PhiloxStream s = new PhiloxStream(5, 0, 0, 0);
		final int n = 200_000;
		double m1 = 0, m2 = 0;
		for (int i = 0; i < n; i++) {
			final int k = Samplers.poisson(lambda, s);
			m1 += k;
			m2 += (double) k * k;
		}
		m1 /= n;
		m2 /= n;
		assertEquals(lambda, m1, 5 * Math.sqrt(lambda / n), "mean");
		assertEquals(lambda, m2 - m1 * m1, 5 * lambda * Math.sqrt(2.0 / n) + 5 * Math.sqrt(lambda / n), "variance");
	}

	@Test
	void poissonProbabilitiesForSmallMean() {
		final PhiloxStream s = new PhiloxStream(6, 0, 0, 0);
		final int n = 200_000;
		final int[] counts = new int[20];
		for (int i = 0; i < n; i++) counts[Math.min(19, Samplers.poisson(2.5, s))]++;
		for (int k = 0; k < 8; k++) {
			final double p = Math.exp(-2.5 + k * Math.log(2.5) - Samplers.logFactorial(k));
			assertEquals(p * n, counts[k], 5 * Math.sqrt(p * n), "P(K = " + k + ")");
		}
	}

	@Test
	void logFactorialMatchesTheTableAcrossTheSeam() {
		double exact = 0;
		for (int k = 1; k <= 300; k++) {
			exact += Math.log(k);
			assertEquals(exact, Samplers.logFactorial(k), 1e-9 * exact, "ln " + k + "!");
		}
	}

	@Test
	void rejectsBadPoissonMean() {
		final PhiloxStream s = new PhiloxStream(7, 0, 0, 0);
		assertThrows(IllegalArgumentException.class, () -> Samplers.poisson(-1, s));
		assertThrows(IllegalArgumentException.class, () -> Samplers.poisson(Double.NaN, s));
	}

	/** The standard normal distribution function. */
	static double phi(final double x) {
		return 0.5 * erfc(-x / Math.sqrt(2));
	}

	/** Complementary error function (Chebyshev fit with fractional error below 1.2e-7: ample here). */
	static double erfc(final double x) {
		final double z = Math.abs(x);
		final double t = 1 / (1 + 0.5 * z);
		final double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 +
			t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t *
				0.17087277)))))))));
		return x >= 0 ? r : 2 - r;
	}
}
