package org.spiketune.spikes;

import java.util.Arrays;

/**
 * SPIKE-synchronization (Kreuz et al. 2015) as PySpike computes it: a spike is coincident when the nearest
 * earlier spike of the other train lies closer than the adaptive window τ (half the shortest of the two
 * spikes' neighbouring intervals, capped by {@code maxTau} when that is &gt; 0); spikes at the same time are
 * both coincident. The value is coincident spikes over all spikes: 1 perfectly synchronous, 0 none; two
 * empty trains count as synchronous.
 */
public final class SpikeSynchronization {

	private SpikeSynchronization() {}

	/**
	 * The coincidence profile of two trains: one event per spike (one for two spikes at the same time),
	 * {@code coincidences} 0, 1 or 2 and {@code multiplicity} 1 or 2 per event.
	 */
	public record Events(double[] times, int[] coincidences, int[] multiplicity) {

		/** Coincident spikes among the events in [from, to]. */
		public long coincidentIn(final double from, final double to) {
			long sum = 0;
			for (int k = 0; k < times.length; k++) if (times[k] >= from && times[k] <= to) sum += coincidences[k];
			return sum;
		}

		/** Spikes among the events in [from, to]. */
		public long spikesIn(final double from, final double to) {
			long sum = 0;
			for (int k = 0; k < times.length; k++) if (times[k] >= from && times[k] <= to) sum += multiplicity[k];
			return sum;
		}

		/** SPIKE-synchronization over [from, to]; 1 when no spike falls inside. */
		public double synchronizationIn(final double from, final double to) {
			final long spikes = spikesIn(from, to);
			return spikes == 0 ? 1 : (double) coincidentIn(from, to) / spikes;
		}
	}

	/** Bivariate SPIKE-synchronization over the whole window. */
	public static double synchronization(final double[] a, final double[] b, final double startMs,
		final double stopMs, final double maxTau)
	{
		return events(a, b, startMs, stopMs, maxTau).synchronizationIn(startMs, stopMs);
	}

	public static Events events(final double[] a, final double[] b, final double startMs, final double stopMs,
		final double maxTau)
	{
		Trains.checkWindow(startMs, stopMs);
		Trains.checkTrain(a, startMs, stopMs);
		Trains.checkTrain(b, startMs, stopMs);
		final double window = stopMs - startMs;
		final double[] times = new double[a.length + b.length];
		final int[] c = new int[times.length];
		final int[] mp = new int[times.length];
		int i = -1, j = -1, n = -1;
		while (i + j < a.length + b.length - 2) {
			final boolean aNext = i + 1 < a.length && (j + 1 >= b.length || a[i + 1] < b[j + 1]);
			final boolean bNext = j + 1 < b.length && (i + 1 >= a.length || b[j + 1] < a[i + 1]);
			n++;
			mp[n] = 1;
			if (aNext) {
				times[n] = a[++i];
				if (j >= 0 && a[i] - b[j] < tau(a, i, b, j, window, maxTau)) markWithPrevious(c, n);
			}
			else if (bNext) {
				times[n] = b[++j];
				if (i >= 0 && b[j] - a[i] < tau(b, j, a, i, window, maxTau)) markWithPrevious(c, n);
			}
			else { // the same time in both trains
				times[n] = a[++i];
				j++;
				c[n] = 2;
				mp[n] = 2;
			}
		}
		return new Events(Arrays.copyOf(times, n + 1), Arrays.copyOf(c, n + 1), Arrays.copyOf(mp, n + 1));
	}

	/** The current spike and the event before it (the other train's spike it is compared with) coincide. */
	private static void markWithPrevious(final int[] c, final int n) {
		c[n] = Math.max(c[n], 1);
		c[n - 1] = Math.max(c[n - 1], 1);
	}

	/** Half the shortest interval next to spike i of x and spike j of y, at most the window and maxTau. */
	private static double tau(final double[] x, final int i, final double[] y, final int j, final double window,
		final double maxTau)
	{
		double m = window;
		if (i + 1 < x.length) m = Math.min(m, x[i + 1] - x[i]);
		if (j >= 0 && j + 1 < y.length) m = Math.min(m, y[j + 1] - y[j]);
		if (i > 0) m = Math.min(m, x[i] - x[i - 1]);
		if (j > 0) m = Math.min(m, y[j] - y[j - 1]);
		m *= 0.5;
		return maxTau > 0 ? Math.min(m, maxTau) : m;
	}
}
