package org.spiketune.spikes;

/**
 * Victor–Purpura spike-time metric D_spike[q] (Victor &amp; Purpura 1996): the cheapest edit of one train
 * into the other, with cost 1 per inserted or deleted spike and q·|Δt| per shifted spike.
 */
public final class VictorPurpura {

	private VictorPurpura() {}

	/**
	 * The distance between two sorted trains (ms) at cost {@code q} per ms of shift; q = 0 gives |n1 − n2|, q
	 * = ∞ gives n1 + n2 minus twice the exactly coincident spikes.
	 */
	public static double distance(final double[] a, final double[] b, final double q) {
		if (Double.isNaN(q) || q < 0) throw new IllegalArgumentException("Victor-Purpura cost q must be >= 0, got " +
			q);
		if (q == 0) return Math.abs(a.length - b.length);
		if (q == Double.POSITIVE_INFINITY) return a.length + b.length - 2 * exactCoincidences(a, b);
		// One row of the edit-distance table at a time: row[j] = cost of a[0..i) versus b[0..j).
		double[] previous = new double[b.length + 1];
		double[] current = new double[b.length + 1];
		for (int j = 0; j <= b.length; j++) previous[j] = j;
		for (int i = 1; i <= a.length; i++) {
			current[0] = i;
			for (int j = 1; j <= b.length; j++) {
				final double shift = previous[j - 1] + q * Math.abs(a[i - 1] - b[j - 1]);
				current[j] = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), shift);
			}
			final double[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length];
	}

	private static int exactCoincidences(final double[] a, final double[] b) {
		int i = 0, j = 0, equal = 0;
		while (i < a.length && j < b.length) {
			if (a[i] < b[j]) i++;
			else if (a[i] > b[j]) j++;
			else {
				equal++;
				i++;
				j++;
			}
		}
		return equal;
	}
}
