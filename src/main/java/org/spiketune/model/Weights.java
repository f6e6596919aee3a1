package org.spiketune.model;

import java.util.Arrays;

/**
 * Synaptic weights of a projection, in the target model's current unit (negative for inhibitory current
 * synapses). Explicit weights are listed in the order synapses are enumerated: by source, then by target.
 */
public sealed interface Weights {

	record Constant(double value) implements Weights {

		public Constant {
			Checks.finite("weight", value);
		}
	}

	/** Independently uniform in [low, high) per synapse. */
	record UniformRange(double low, double high) implements Weights {

		public UniformRange {
			Checks.finite("weight low", low);
			Checks.finite("weight high", high);
			if (high < low) {
				throw new IllegalArgumentException("weight high must be >= low, got low=" + low + ", high=" + high);
			}
		}
	}

	/** One weight per synapse; the array is copied in and out. */
	record Explicit(double[] values) implements Weights {

		public Explicit {
			Checks.notNull("explicit weights", values);
			values = values.clone();
			for (int i = 0; i < values.length; i++) {
				Checks.finite("explicit weight [" + i + "]", values[i]);
			}
		}

		@Override
		public double[] values() {
			return values.clone();
		}

		public int count() {
			return values.length;
		}

		public double get(final int synapse) {
			return values[synapse];
		}

		@Override
		public boolean equals(final Object o) {
			return o instanceof Explicit e && Arrays.equals(values, e.values);
		}

		@Override
		public int hashCode() {
			return Arrays.hashCode(values);
		}

		@Override
		public String toString() {
			return "Explicit[" + values.length + " weights]";
		}
	}

	static Weights constant(final double value) {
		return new Constant(value);
	}

	static Weights uniform(final double low, final double high) {
		return new UniformRange(low, high);
	}
}
