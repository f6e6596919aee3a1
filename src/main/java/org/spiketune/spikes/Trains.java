package org.spiketune.spikes;

/** Checks shared by the distance measures: a train is sorted and lies in its window. */
final class Trains {

	private Trains() {}

	static void checkWindow(final double startMs, final double stopMs) {
		if (!Double.isFinite(startMs) || !Double.isFinite(stopMs) || !(stopMs > startMs)) {
			throw new IllegalArgumentException("window must be finite with stop > start, got [" + startMs + ", " +
				stopMs + "]");
		}
	}

	static void checkTrain(final double[] train, final double startMs, final double stopMs) {
		for (int i = 0; i < train.length; i++) {
			if (!(train[i] >= startMs && train[i] <= stopMs)) {
				throw new IllegalArgumentException("spike time " + train[i] + " lies outside the window [" + startMs +
					", " + stopMs + "]");
			}
			if (i > 0 && train[i] < train[i - 1]) {
				throw new IllegalArgumentException("spike times must be sorted, found " + train[i - 1] + " before " +
					train[i]);
			}
		}
	}

	/** Number of spikes at or before {@code t}. */
	static int countUpTo(final double[] train, final double t) {
		int lo = 0, hi = train.length;
		while (lo < hi) {
			final int mid = (lo + hi) >>> 1;
			if (train[mid] <= t) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}
}
