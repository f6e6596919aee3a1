package org.spiketune.spikes;

import java.util.Arrays;

/**
 * SPIKE-distance (Kreuz et al. 2013) with the edge correction of Kreuz et al. (2015) as PySpike computes it.
 * At time t each train has a previous spike t_P and a following spike t_F; Δt_P and Δt_F are their distances
 * to the nearest spike of the other train, interpolated to S(t) = (Δt_P (t_F − t) + Δt_F (t − t_P)) / ISI.
 * The profile is (S1 ISI2 + S2 ISI1) / (½ (ISI1 + ISI2)²). Each train gets an auxiliary spike before its first
 * and after its last one, one real interval away but not inside the window, and these edge spikes inherit the
 * distance of their neighbour; an empty train counts as spikes at both window edges.
 */
public final class SpikeDistance {

	private SpikeDistance() {}

	public static double distance(final double[] a, final double[] b, final double startMs, final double stopMs) {
		final Walk walk = walk(a, b, startMs, stopMs);
		double integral = 0;
		for (int k = 0; k < walk.n; k++) integral += 0.5 * (walk.y1[k] + walk.y2[k]) * (walk.x[k + 1] - walk.x[k]);
		return integral / (stopMs - startMs);
	}

	/** The piecewise-linear profile over [start, stop]. */
	public static Profile profile(final double[] a, final double[] b, final double startMs, final double stopMs) {
		final Walk walk = walk(a, b, startMs, stopMs);
		return new Profile(Arrays.copyOf(walk.x, walk.n + 1), Arrays.copyOf(walk.y1, walk.n), Arrays.copyOf(walk.y2,
			walk.n));
	}

	/** The profile's first {@code n} intervals: breakpoints x, values at the start (y1) and end (y2). */
	private record Walk(double[] x, double[] y1, double[] y2, int n) {}

	private static Walk walk(final double[] a, final double[] b, final double startMs, final double stopMs) {
		Trains.checkWindow(startMs, stopMs);
		Trains.checkTrain(a, startMs, stopMs);
		Trains.checkTrain(b, startMs, stopMs);
		final Side first = new Side(a, startMs, stopMs);
		final Side second = new Side(b, startMs, stopMs);
		first.matchTo(second);
		second.matchTo(first);
		final int capacity = first.s.length + second.s.length + 2;
		final double[] x = new double[capacity];
		final double[] y1 = new double[capacity - 1];
		final double[] y2 = new double[capacity - 1];
		int n = 0;
		double t = startMs;
		x[0] = startMs;
		while (t < stopMs) {
			final double next = Math.min(Math.min(first.following(), second.following()), stopMs);
			y1[n] = value(first, second, t);
			y2[n] = value(first, second, next);
			x[++n] = next;
			first.advanceTo(next);
			second.advanceTo(next);
			t = next;
		}
		return new Walk(x, y1, y2, n);
	}

	private static double value(final Side a, final Side b, final double t) {
		final double isiA = a.following() - a.previous();
		final double isiB = b.following() - b.previous();
		final double sum = isiA + isiB;
		return (a.dissimilarity(t) * isiB + b.dissimilarity(t) * isiA) / (0.5 * sum * sum);
	}

	/** One train with its auxiliary edge spikes and the position of the current interval. */
	private static final class Side {

		final double[] s;
		final double auxBefore, auxAfter, startMs;
		double[] distance; // per spike: to the nearest spike of the other train (0 for a spike on the start edge)
		int p; // index of the last spike at or before the current time, -1 before the first

		Side(final double[] train, final double startMs, final double stopMs) {
			this.startMs = startMs;
			s = train.length > 0 ? train : new double[] { startMs, stopMs };
			final int n = s.length;
			auxBefore = n > 1 ? Math.min(startMs, 2 * s[0] - s[1]) : startMs;
			auxAfter = n > 1 ? Math.max(stopMs, 2 * s[n - 1] - s[n - 2]) : stopMs;
			p = Trains.countUpTo(s, startMs) - 1;
		}

		double previous() {
			return p < 0 ? auxBefore : s[p];
		}

		double following() {
			return p + 1 < s.length ? s[p + 1] : auxAfter;
		}

		void advanceTo(final double t) {
			while (p + 1 < s.length && s[p + 1] <= t) p++;
		}

		/** S(t) of this train in its current interval. */
		double dissimilarity(final double t) {
			final double before = previous(), after = following();
			double distanceBefore = p < 0 ? Double.NaN : distance[p];
			double distanceAfter = p + 1 < s.length ? distance[p + 1] : Double.NaN;
			if (p < 0) distanceBefore = distanceAfter; // the edge spike has its neighbour's distance
			if (p + 1 >= s.length) distanceAfter = distanceBefore;
			return (distanceBefore * (after - t) + distanceAfter * (t - before)) / (after - before);
		}

		void matchTo(final Side other) {
			distance = new double[s.length];
			for (int k = 0; k < s.length; k++) {
				distance[k] = s[k] == startMs ? 0 : other.nearest(s[k]); // PySpike: a spike on the start edge matches
			}
		}

		/** Distance from {@code t} to the nearest spike of this train, its edge spikes included. */
		double nearest(final double t) {
			double best = Math.min(Math.abs(t - auxBefore), Math.abs(auxAfter - t));
			final int k = Trains.countUpTo(s, t);
			if (k > 0) best = Math.min(best, t - s[k - 1]);
			if (k < s.length) best = Math.min(best, s[k] - t);
			return best;
		}
	}
}
