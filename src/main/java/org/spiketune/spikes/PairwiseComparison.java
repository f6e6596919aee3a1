package org.spiketune.spikes;

import java.util.stream.IntStream;

/**
 * A measure over all pairs of a set of trains: the matrix and the multivariate value (the mean over pairs,
 * as PySpike; SPIKE-synchronization pools the coincidences of all pairs instead). Pairs are computed in
 * parallel on the common fork-join pool; each pair's value does not depend on the thread that computed it.
 */
public final class PairwiseComparison {

	private PairwiseComparison() {}

	/** The symmetric matrix of the measure; the diagonal holds each train against itself. */
	public static double[][] matrix(final SpikeTrains trains, final Measure measure) {
		final double[][] t = arrays(trains);
		final int n = t.length;
		final double[][] m = new double[n][n];
		final long pairs = (long) n * (n + 1) / 2;
		IntStream.range(0, Math.toIntExact(pairs)).parallel().forEach(k -> {
			final int i = rowOf(k);
			final int j = k - i * (i + 1) / 2;
			final double value = measure.between(t[i], t[j], trains.startMs(), trains.stopMs());
			m[i][j] = value;
			m[j][i] = value;
		});
		return m;
	}

	/** The multivariate value over all pairs i &lt; j (the single train's value is NaN). */
	public static double multivariate(final SpikeTrains trains, final Measure measure) {
		if (trains.size() < 2) return Double.NaN;
		final double[][] t = arrays(trains);
		final long pairs = (long) t.length * (t.length - 1) / 2;
		if (measure.kind() == Measure.Kind.SPIKE_SYNC) return pooledSynchronization(trains, t, measure.parameter());
		final double[] values = new double[Math.toIntExact(pairs)];
		IntStream.range(0, values.length).parallel().forEach(k -> {
			final int i = rowOf(k) + 1; // strictly lower triangle: row i holds pairs (i, 0..i-1)
			final int j = k - i * (i - 1) / 2;
			values[k] = measure.between(t[i], t[j], trains.startMs(), trains.stopMs());
		});
		double sum = 0; // in a fixed order, so the value does not depend on the number of threads
		for (final double v : values) sum += v;
		return sum / pairs;
	}

	/** Σ coincidences / Σ spikes over all pairs (PySpike's spike_sync_multi); 1 when no train spikes. */
	private static double pooledSynchronization(final SpikeTrains trains, final double[][] t, final double maxTau) {
		final long pairs = (long) t.length * (t.length - 1) / 2;
		final long[] totals = IntStream.range(0, Math.toIntExact(pairs)).parallel().mapToObj(k -> {
			final int i = rowOf(k) + 1;
			final int j = k - i * (i - 1) / 2;
			final SpikeSynchronization.Events e = SpikeSynchronization.events(t[i], t[j], trains.startMs(), trains
				.stopMs(), maxTau);
			return new long[] { e.coincidentIn(trains.startMs(), trains.stopMs()), e.spikesIn(trains.startMs(), trains
				.stopMs()) };
		}).reduce(new long[2], (x, y) -> new long[] { x[0] + y[0], x[1] + y[1] });
		return totals[1] == 0 ? 1 : (double) totals[0] / totals[1];
	}

	/** Row i of the lower triangle (with diagonal) that holds linear index k, i.e. i(i+1)/2 ≤ k &lt; (i+1)(i+2)/2. */
	private static int rowOf(final int k) {
		int i = (int) ((Math.sqrt(8.0 * k + 1) - 1) / 2);
		while ((long) i * (i + 1) / 2 > k) i--;
		while ((long) (i + 1) * (i + 2) / 2 <= k) i++;
		return i;
	}

	/** The pairs are indexed by int; 65,535 trains (2.1·10⁹ pairs) is beyond any sensible comparison anyway. */
	private static void checkSize(final int trains) {
		if ((long) trains * (trains + 1) / 2 > Integer.MAX_VALUE) throw new IllegalArgumentException(trains +
			" trains make " + (long) trains * (trains - 1) / 2 + " pairs, more than one comparison can hold; " +
			"select fewer trains");
	}

	private static double[][] arrays(final SpikeTrains trains) {
		checkSize(trains.size());
		final double[][] t = new double[trains.size()][];
		for (int i = 0; i < t.length; i++) t[i] = trains.times(i);
		return t;
	}
}
