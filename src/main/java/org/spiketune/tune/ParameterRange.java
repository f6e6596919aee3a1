package org.spiketune.tune;

import java.util.Locale;

import org.spiketune.model.Checks;

/**
 * One tuned parameter: a named parameter of the network and the interval searched, linear or logarithmic
 * (then searched uniformly in log space; both bounds must be > 0). The optimizer works in [0, 1) per gene.
 */
public record ParameterRange(String name, double min, double max, Scale scale) {

	public enum Scale {
			LINEAR, LOG
	}

	public ParameterRange {
		Checks.notNull("tuned parameter name", name);
		Checks.finite(name + " lower bound", min);
		Checks.finite(name + " upper bound", max);
		Checks.notNull(name + " scale", scale);
		if (!(max > min)) {
			throw new IllegalArgumentException("range of " + name + " is empty or inverted: [" + min + ", " + max +
				"]; the upper bound must exceed the lower");
		}
		if (scale == Scale.LOG && min <= 0) {
			throw new IllegalArgumentException("log range of " + name + " needs bounds > 0, got [" + min + ", " + max +
				"]");
		}
	}

	public static ParameterRange linear(final String name, final double min, final double max) {
		return new ParameterRange(name, min, max, Scale.LINEAR);
	}

	public static ParameterRange log(final String name, final double min, final double max) {
		return new ParameterRange(name, min, max, Scale.LOG);
	}

	/** The parameter value at position {@code unit} in [0, 1] of the range. */
	public double value(final double unit) {
		return switch (scale) {
			case LINEAR -> min + (max - min) * unit;
			case LOG -> Math.exp(Math.log(min) + (Math.log(max) - Math.log(min)) * unit);
		};
	}

	/** The position of {@code value} in the range, in [0, 1]. */
	public double unit(final double value) {
		final double u = switch (scale) {
			case LINEAR -> (value - min) / (max - min);
			case LOG -> (Math.log(value) - Math.log(min)) / (Math.log(max) - Math.log(min));
		};
		return Math.min(1, Math.max(0, u));
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "%s=%s:%s%s", name, min, max, scale == Scale.LOG ? ":log" : "");
	}
}
