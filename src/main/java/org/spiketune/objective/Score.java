package org.spiketune.objective;

import java.util.Arrays;

/**
 * How one simulated member scored: the single fitness {@code value} an optimizer ranks by, named
 * {@code components} recorded in the history (e.g. measured rates), and the {@code objectives} vector a
 * multi-objective optimizer ranks by. A member that cannot be scored (NaN state, no spikes where a rate is
 * needed...) carries a {@code failure} reason and the worst value.
 *
 * @implNote Immutable: arrays are copied in and out.
 */
public final class Score {

	private final double value;
	private final double[] components;
	private final double[] objectives;
	private final String failure;

	private Score(final double value, final double[] components, final double[] objectives,
		final String failure)
	{
		this.value = value;
		this.components = components.clone();
		this.objectives = objectives.clone();
		this.failure = failure;
	}

	public static Score of(final double value, final double[] components, final double[] objectives) {
		if (Double.isNaN(value)) throw new IllegalArgumentException("a score's value must not be NaN");
		return new Score(value, components, objectives, null);
	}

	/** A failed evaluation: {@code worst} as value and every objective, NaN components. */
	public static Score failed(final String reason, final double worst, final int components,
		final int objectives)
	{
		final double[] c = new double[components];
		Arrays.fill(c, Double.NaN);
		final double[] o = new double[objectives];
		Arrays.fill(o, worst);
		return new Score(worst, c, o, reason);
	}

	/** The mean of several scores of one individual (its samples); failed if any sample failed. */
	public static Score mean(final Score... samples) {
		if (samples.length == 0) throw new IllegalArgumentException("no samples to average");
		if (samples.length == 1) return samples[0];
		for (final Score s : samples) {
			if (s.failed()) return s;
		}
		final double[] c = new double[samples[0].components.length];
		final double[] o = new double[samples[0].objectives.length];
		double v = 0;
		for (final Score s : samples) {
			v += s.value / samples.length;
			for (int i = 0; i < c.length; i++) c[i] += s.components[i] / samples.length;
			for (int i = 0; i < o.length; i++) o[i] += s.objectives[i] / samples.length;
		}
		return new Score(v, c, o, null);
	}

	public double value() {
		return value;
	}

	public double[] components() {
		return components.clone();
	}

	public double component(final int i) {
		return components[i];
	}

	public double[] objectives() {
		return objectives.clone();
	}

	public boolean failed() {
		return failure != null;
	}

	/** Why the evaluation failed, or null. */
	public String failure() {
		return failure;
	}

	@Override
	public String toString() {
		return failed() ? "Score[failed: " + failure + "]" : "Score[" + value + ", components=" + Arrays.toString(
			components) + "]";
	}
}
