package org.spiketune.spikes;

/**
 * van Rossum distance (van Rossum 2001) with Elephant's normalisation: D² = (2/τ) ∫ (f − g)² dt for trains
 * filtered with causal exponentials exp(−t/τ), so one spike against none gives 1. Computed in closed form, D²
 * = Σ e^{−|aᵢ−aⱼ|/τ} + Σ e^{−|bᵢ−bⱼ|/τ} − 2 Σ e^{−|aᵢ−bⱼ|/τ}, with running sums in O(n1 + n2) (Houghton &amp;
 * Kreuz 2012) instead of the O(n1·n2) double sum.
 */
public final class VanRossum {

	private VanRossum() {}

	/**
	 * The distance between two sorted trains (ms) for the time constant {@code tauMs}; τ = 0 counts only exact
	 * coincidences, τ = ∞ gives |n1 − n2|. Round-off below zero is clipped (never NaN).
	 */
	public static double distance(final double[] a, final double[] b, final double tauMs) {
		if (Double.isNaN(tauMs) || tauMs < 0) throw new IllegalArgumentException(
			"van Rossum time constant must be >= 0 ms, got " + tauMs);
		final double squared;
		if (tauMs == Double.POSITIVE_INFINITY) {
			squared = (double) (a.length - b.length) * (a.length - b.length);
		}
		else {
			squared = selfSum(a, tauMs) + selfSum(b, tauMs) - 2 * crossSum(a, b, tauMs);
		}
		return squared > 0 ? Math.sqrt(squared) : 0;
	}

	private static double kernel(final double lag, final double tau) {
		if (tau == 0) return lag == 0 ? 1 : 0;
		return Math.exp(-lag / tau);
	}

	/** Σ_ij e^{−|xᵢ−xⱼ|/τ} = n + 2 Σ_{i&lt;j} e^{−(xⱼ−xᵢ)/τ}. */
	private static double selfSum(final double[] x, final double tau) {
		double pairs = 0, running = 0; // running = Σ_{i<j} e^{-(x_j - x_i)/τ}
		for (int j = 1; j < x.length; j++) {
			running = kernel(x[j] - x[j - 1], tau) * (running + 1);
			pairs += running;
		}
		return x.length + 2 * pairs;
	}

	/** Σ_ij e^{−|xᵢ−yⱼ|/τ}: for each yⱼ the x at or before it (forward pass) and after it (backward pass). */
	private static double crossSum(final double[] x, final double[] y, final double tau) {
		double total = 0;
		double before = 0; // Σ_{x_i <= t} e^{-(t - x_i)/τ} at t = the last x included
		double beforeAt = Double.NaN;
		int i = 0;
		for (final double t : y) {
			while (i < x.length && x[i] <= t) {
				before = (Double.isNaN(beforeAt) ? 0 : before * kernel(x[i] - beforeAt, tau)) + 1;
				beforeAt = x[i++];
			}
			if (!Double.isNaN(beforeAt)) total += before * kernel(t - beforeAt, tau);
		}
		double after = 0; // Σ_{x_i > t} e^{-(x_i - t)/τ} at t = the first x included
		double afterAt = Double.NaN;
		i = x.length - 1;
		for (int j = y.length - 1; j >= 0; j--) {
			final double t = y[j];
			while (i >= 0 && x[i] > t) {
				after = (Double.isNaN(afterAt) ? 0 : after * kernel(afterAt - x[i], tau)) + 1;
				afterAt = x[i--];
			}
			if (!Double.isNaN(afterAt)) total += after * kernel(afterAt - t, tau);
		}
		return total;
	}
}
