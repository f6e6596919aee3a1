package org.spiketune.spikes;

import java.util.Arrays;

/**
 * Spikes in a sampled membrane-potential trace: upward threshold crossings (linearly interpolated between
 * samples) and action-potential peaks (the maximum between an upward and the next downward crossing). Peaks
 * can be found on a finer linearly resampled grid, as eFEL does (0.1 ms by default there), so that its peak
 * times are reproduced.
 */
public final class SpikeDetection {

	private SpikeDetection() {}

	/** Times (ms from the first sample) where v rises through {@code threshold}: v[i−1] &lt; θ ≤ v[i]. */
	public static double[] crossings(final double[] v, final double dtMs, final double threshold) {
		check(v, dtMs);
		double[] out = new double[16];
		int n = 0;
		for (int i = 1; i < v.length; i++) {
			if (v[i - 1] < threshold && v[i] >= threshold) {
				if (n == out.length) out = Arrays.copyOf(out, 2 * n);
				out[n++] = (i - 1 + (threshold - v[i - 1]) / (v[i] - v[i - 1])) * dtMs;
			}
		}
		return Arrays.copyOf(out, n);
	}

	/**
	 * Peak times (ms) of the spikes crossing {@code threshold}, searched on the trace resampled linearly every
	 * {@code resampleMs} (0: on the samples themselves). A spike still above threshold when the trace ends
	 * has its peak among the samples it has.
	 */
	public static double[] peaks(final double[] v, final double dtMs, final double threshold,
		final double resampleMs)
	{
		check(v, dtMs);
		if (!(resampleMs >= 0)) throw new IllegalArgumentException("resampling step must be >= 0 ms, got " +
			resampleMs);
		final double step = resampleMs > 0 ? resampleMs : dtMs;
		final double[] w = resampleMs > 0 ? resample(v, dtMs, resampleMs) : v;
		double[] out = new double[16];
		int n = 0;
		int i = 1;
		while (i < w.length) {
			if (w[i - 1] < threshold && w[i] >= threshold) {
				int best = i;
				while (i < w.length && w[i] >= threshold) {
					if (w[i] > w[best]) best = i;
					i++;
				}
				if (n == out.length) out = Arrays.copyOf(out, 2 * n);
				out[n++] = best * step;
			}
			else i++;
		}
		return Arrays.copyOf(out, n);
	}

	/** The trace linearly interpolated at 0, step, 2·step, ... up to its last sample. */
	static double[] resample(final double[] v, final double dtMs, final double stepMs) {
		final double durationMs = (v.length - 1) * dtMs;
		final int count = (int) Math.floor(durationMs / stepMs + 1e-9) + 1;
		final double[] w = new double[count];
		for (int k = 0; k < count; k++) {
			final double position = k * stepMs / dtMs;
			final int i = Math.min((int) Math.floor(position), v.length - 2);
			final double f = position - i;
			w[k] = v[i] + (v[i + 1] - v[i]) * f;
		}
		return w;
	}

	private static void check(final double[] v, final double dtMs) {
		if (!(dtMs > 0) || !Double.isFinite(dtMs)) throw new IllegalArgumentException("sample interval must be > 0 ms, got " +
			dtMs);
		if (v.length < 2) throw new IllegalArgumentException("a trace needs at least 2 samples, got " + v.length);
		for (int i = 0; i < v.length; i++) {
			if (!Double.isFinite(v[i])) throw new IllegalArgumentException("sample " + i + " of the trace is " + v[i]);
		}
	}
}
