package org.spiketune.spikes;

/**
 * Firing-rate and inter-spike-interval statistics of one spike train (times in ms, sorted), with the
 * definitions Elephant uses: CV with the population standard deviation, CV2 after Holt et al. (1996), LV
 * after Shinomoto et al. (2003), LvR after Shinomoto et al. (2009). A statistic that needs more intervals than
 * the train has is NaN.
 */
public final class IntervalStatistics {

	/** Refractoriness constant of LvR used by Shinomoto et al. (2009) and Elephant, in ms. */
	public static final double DEFAULT_LVR_REFRACTORY_MS = 5;

	private IntervalStatistics() {}

	/** Intervals between consecutive spikes, in ms. */
	public static double[] intervals(final double[] sortedTimes) {
		if (sortedTimes.length < 2) return new double[0];
		final double[] isi = new double[sortedTimes.length - 1];
		for (int i = 0; i < isi.length; i++) isi[i] = sortedTimes[i + 1] - sortedTimes[i];
		return isi;
	}

	/** Spikes in [start, stop] (both edges included) per second of that window. */
	public static double rateHz(final double[] times, final double startMs, final double stopMs) {
		if (!(stopMs > startMs)) throw new IllegalArgumentException("rate window must have stop > start, got [" +
			startMs + ", " + stopMs + "]");
		int count = 0;
		for (final double t : times) if (t >= startMs && t <= stopMs) count++;
		return count * 1000.0 / (stopMs - startMs);
	}

	/** Coefficient of variation SD/mean of the intervals (population SD); NaN with fewer than 1 interval. */
	public static double cv(final double[] intervals) {
		if (intervals.length < 1) return Double.NaN;
		double mean = 0;
		for (final double v : intervals) mean += v;
		mean /= intervals.length;
		double ss = 0;
		for (final double v : intervals) ss += (v - mean) * (v - mean);
		return Math.sqrt(ss / intervals.length) / mean;
	}

	/** CV2 = mean of 2|I(i+1) − I(i)| / (I(i+1) + I(i)); NaN with fewer than 2 intervals. */
	public static double cv2(final double[] intervals) {
		if (intervals.length < 2) return Double.NaN;
		double sum = 0;
		for (int i = 0; i + 1 < intervals.length; i++) {
			sum += 2 * Math.abs(intervals[i + 1] - intervals[i]) / (intervals[i + 1] + intervals[i]);
		}
		return sum / (intervals.length - 1);
	}

	/** Local variation LV = 3/(n−1) Σ ((I(i) − I(i+1)) / (I(i) + I(i+1)))²; NaN with fewer than 2 intervals. */
	public static double lv(final double[] intervals) {
		if (intervals.length < 2) return Double.NaN;
		double sum = 0;
		for (int i = 0; i + 1 < intervals.length; i++) {
			final double r = (intervals[i] - intervals[i + 1]) / (intervals[i] + intervals[i + 1]);
			sum += r * r;
		}
		return 3 * sum / (intervals.length - 1);
	}

	/**
	 * Revised local variation LvR = 3/(n−1) Σ (1 − 4 I(i) I(i+1) / (I(i) + I(i+1))²) (1 + 4R / (I(i) + I(i+1)))
	 * with refractoriness {@code refractoryMs}; NaN with fewer than 2 intervals.
	 */
	public static double lvr(final double[] intervals, final double refractoryMs) {
		if (!(refractoryMs >= 0)) throw new IllegalArgumentException("LvR refractoriness must be >= 0 ms, got " +
			refractoryMs);
		if (intervals.length < 2) return Double.NaN;
		double sum = 0;
		for (int i = 0; i + 1 < intervals.length; i++) {
			final double s = intervals[i] + intervals[i + 1];
			sum += (1 - 4 * intervals[i] * intervals[i + 1] / (s * s)) * (1 + 4 * refractoryMs / s);
		}
		return 3 * sum / (intervals.length - 1);
	}

	/**
	 * Fano factor of spike counts across trains (trials or neurons): variance / mean, population variance as
	 * Elephant; NaN when no train spikes.
	 */
	public static double fanoFactor(final int[] counts) {
		if (counts.length == 0) return Double.NaN;
		double mean = 0;
		for (final int c : counts) mean += c;
		mean /= counts.length;
		if (mean == 0) return Double.NaN;
		double ss = 0;
		for (final int c : counts) ss += (c - mean) * (c - mean);
		return ss / counts.length / mean;
	}

	/** Fano factor of the spike counts of all trains over their common window. */
	public static double fanoFactor(final SpikeTrains trains) {
		final int[] counts = new int[trains.size()];
		for (int i = 0; i < counts.length; i++) counts[i] = trains.count(i);
		return fanoFactor(counts);
	}
}
