package org.spiketune.model;

/**
 * How a neuron parameter is set across a group: one value for all neurons, or a per-neuron draw.
 * {@link SharedRandom} reproduces Izhikevich's (2003) heterogeneity, e.g. {@code c = -65 + 15 r^2} and
 * {@code d = 8 - 6 r^2} with the same {@code r} for both parameters of a neuron.
 */
public sealed interface ParameterValue {

	/** The value for one neuron, from its shared draw {@code r}, an independent uniform {@code u} and a
	 * standard normal {@code z}, each fixed per neuron by the structure seed. */
	double valueFor(double r, double u, double z);

	/** The value when it is the same for every neuron, else NaN. */
	double constantValue();

	static ParameterValue of(final double value) {
		return new Constant(value);
	}

	static ParameterValue sharedRandom(final double base, final double scale, final double power) {
		return new SharedRandom(base, scale, power);
	}

	static ParameterValue uniform(final double low, final double high) {
		return new Uniform(low, high);
	}

	static ParameterValue normal(final double mean, final double sd) {
		return new Normal(mean, sd);
	}

	record Constant(double value) implements ParameterValue {

		public Constant {
			Checks.finite("value", value);
		}

		@Override
		public double valueFor(final double r, final double u, final double z) {
			return value;
		}

		@Override
		public double constantValue() {
			return value;
		}

		@Override
		public String toString() {
			return Double.toString(value);
		}
	}

	/** {@code base + scale * r^power}, with {@code r} uniform in [0, 1) and shared by a neuron's parameters. */
	record SharedRandom(double base, double scale, double power) implements ParameterValue {

		public SharedRandom {
			Checks.finite("base", base);
			Checks.finite("scale", scale);
			Checks.positive("power", power);
		}

		@Override
		public double valueFor(final double r, final double u, final double z) {
			return base + scale * Math.pow(r, power);
		}

		@Override
		public double constantValue() {
			return scale == 0 ? base : Double.NaN;
		}

		@Override
		public String toString() {
			return base + (scale < 0 ? " - " : " + ") + Math.abs(scale) + "*r^" + power;
		}
	}

	/** Uniform in [low, high), drawn independently of the neuron's other parameters. */
	record Uniform(double low, double high) implements ParameterValue {

		public Uniform {
			Checks.finite("low", low);
			Checks.finite("high", high);
			if (high < low) throw new IllegalArgumentException("high must be >= low, got low=" + low + ", high=" +
				high);
		}

		@Override
		public double valueFor(final double r, final double u, final double z) {
			return low + (high - low) * u;
		}

		@Override
		public double constantValue() {
			return low == high ? low : Double.NaN;
		}
	}

	record Normal(double mean, double sd) implements ParameterValue {

		public Normal {
			Checks.finite("mean", mean);
			Checks.nonNegative("sd", sd);
		}

		@Override
		public double valueFor(final double r, final double u, final double z) {
			return mean + sd * z;
		}

		@Override
		public double constantValue() {
			return sd == 0 ? mean : Double.NaN;
		}
	}
}
