package org.spiketune.spikes;

import java.util.Arrays;

/**
 * ISI-distance (Kreuz et al. 2007) with PySpike's edge rules: at each moment each train has a current
 * inter-spike interval ν; the profile is |ν1 − ν2| / max(ν1, ν2). Before the first and after the last spike
 * the interval to the window edge is used, but not shorter than the first or last real interval; an empty
 * train's interval is the whole window.
 */
public final class IsiDistance {

	private IsiDistance() {}

	public static double distance(final double[] a, final double[] b, final double startMs, final double stopMs) {
		return profile(a, b, startMs, stopMs).average();
	}

	/** The piecewise-constant profile over [start, stop]. */
	public static Profile profile(final double[] a, final double[] b, final double startMs, final double stopMs) {
		Trains.checkWindow(startMs, stopMs);
		Trains.checkTrain(a, startMs, stopMs);
		Trains.checkTrain(b, startMs, stopMs);
		final double[] x = new double[a.length + b.length + 2];
		final double[] y = new double[x.length - 1];
		int pa = Trains.countUpTo(a, startMs) - 1; // last spike at or before the current time, -1 for none
		int pb = Trains.countUpTo(b, startMs) - 1;
		double t = startMs;
		int n = 0;
		x[0] = startMs;
		while (t < stopMs) {
			final double next = Math.min(Math.min(nextSpike(a, pa, stopMs), nextSpike(b, pb, stopMs)), stopMs);
			final double nuA = currentInterval(a, pa, startMs, stopMs);
			final double nuB = currentInterval(b, pb, startMs, stopMs);
			final double larger = Math.max(nuA, nuB);
			y[n] = larger > 0 ? Math.abs(nuA - nuB) / larger : 0;
			x[++n] = next;
			while (pa + 1 < a.length && a[pa + 1] <= next) pa++;
			while (pb + 1 < b.length && b[pb + 1] <= next) pb++;
			t = next;
		}
		final double[] yn = Arrays.copyOf(y, n);
		return new Profile(Arrays.copyOf(x, n + 1), yn, yn);
	}

	private static double nextSpike(final double[] s, final int p, final double stopMs) {
		return p + 1 < s.length ? s[p + 1] : stopMs;
	}

	/** The interval of train {@code s} that contains the moment after its spike {@code p} (-1: before the first). */
	static double currentInterval(final double[] s, final int p, final double startMs, final double stopMs) {
		final int n = s.length;
		if (n == 0) return stopMs - startMs;
		if (p < 0) return n == 1 ? s[0] - startMs : Math.max(s[0] - startMs, s[1] - s[0]);
		if (p == n - 1) return n == 1 ? stopMs - s[0] : Math.max(stopMs - s[n - 1], s[n - 1] - s[n - 2]);
		return s[p + 1] - s[p];
	}
}
