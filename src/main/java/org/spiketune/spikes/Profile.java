package org.spiketune.spikes;

/**
 * A piecewise-linear time profile of a spike-train dissimilarity: on the interval [x(k), x(k+1)] it runs
 * linearly from {@code start(k)} to {@code end(k)} (equal for piecewise-constant profiles such as the ISI
 * distance). Its time average is the distance.
 */
public record Profile(double[] x, double[] start, double[] end) {

	public Profile {
		if (x.length < 2 || start.length != x.length - 1 || end.length != x.length - 1) {
			throw new IllegalArgumentException("a profile needs n + 1 breakpoints for n interval values, got " +
				x.length + " and " + start.length + "/" + end.length);
		}
		x = x.clone();
		start = start.clone();
		end = end.clone();
	}

	@Override
	public double[] x() {
		return x.clone();
	}

	@Override
	public double[] start() {
		return start.clone();
	}

	@Override
	public double[] end() {
		return end.clone();
	}

	/** Number of intervals. */
	public int intervals() {
		return start.length;
	}

	/** The time average over the whole profile. */
	public double average() {
		double integral = 0;
		for (int k = 0; k < start.length; k++) integral += 0.5 * (start[k] + end[k]) * (x[k + 1] - x[k]);
		return integral / (x[x.length - 1] - x[0]);
	}
}
