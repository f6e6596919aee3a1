package org.spiketune.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A neuron model: its parameters, in the fixed order the simulation kernels read them, each a
 * {@link ParameterValue} so a group can be heterogeneous. Parameter names are short lower-case words; a
 * network exposes them as {@code <group>.<name>}.
 */
public sealed interface NeuronModel permits Izhikevich, AdEx, Lif, PoissonSource, SpikeReplay {

	/** A short lower-case name of the model, e.g. {@code izhikevich}. */
	String kind();

	/** Parameter names, in kernel order. */
	List<String> parameterNames();

	/** Allowed range of each parameter, in the order of {@link #parameterNames()}. */
	List<Range> parameterRanges();

	/** Parameter values, in the order of {@link #parameterNames()}. */
	List<ParameterValue> parameters();

	/** A model of the same kind with these parameter values, in the order of {@link #parameterNames()}. */
	NeuronModel withParameters(List<ParameterValue> values);

	/** True for spike sources, which have no membrane and cannot receive synapses. */
	default boolean isSource() {
		return false;
	}

	/** Unit of the input current this model integrates (bias, noise, current synapse weights). */
	String currentUnit();

	default int parameterIndex(final String name) {
		final int index = parameterNames().indexOf(name);
		if (index < 0) {
			throw new IllegalArgumentException("unknown " + kind() + " parameter '" + name + "'; known: " + String
				.join(", ", parameterNames()));
		}
		return index;
	}

	default ParameterValue parameter(final String name) {
		return parameters().get(parameterIndex(name));
	}

	default NeuronModel withParameter(final String name, final ParameterValue value) {
		final List<ParameterValue> values = new ArrayList<>(parameters());
		values.set(parameterIndex(name), Checks.notNull(name, value));
		return withParameters(values);
	}

	/**
	 * Checks one realized value of parameter {@code index}; {@code where} names the group or neuron for the
	 * message.
	 */
	default double checkValue(final int index, final double value, final String where) {
		final String field = where + kind() + " parameter " + parameterNames().get(index);
		return switch (parameterRanges().get(index)) {
			case ANY -> Checks.finite(field, value);
			case POSITIVE -> Checks.positive(field, value);
			case NON_NEGATIVE -> Checks.nonNegative(field, value);
		};
	}

	/**
	 * Checks the list has one value per parameter and that constant values lie in range; for the models'
	 * compact constructors.
	 */
	static List<ParameterValue> checkedValues(final NeuronModel model, final List<ParameterValue> values) {
		Checks.noNulls(model.kind() + " parameters", values);
		if (values.size() != model.parameterNames().size()) {
			throw new IllegalArgumentException(model.kind() + " needs " + model.parameterNames().size() +
				" parameters, got " + values.size());
		}
		for (int i = 0; i < values.size(); i++) {
			if (values.get(i) instanceof ParameterValue.Constant(final double v)) model.checkValue(i, v, "");
		}
		return values;
	}

	/**
	 * Constant parameter values from plain numbers, each checked (finite, in range) under its name before it
	 * is wrapped; for the models' {@code of} factories.
	 */
	static List<ParameterValue> constants(final String kind, final List<String> names, final List<Range> ranges,
		final double... values)
	{
		final List<ParameterValue> result = new ArrayList<>();
		for (int i = 0; i < values.length; i++) {
			final String field = kind + " parameter " + names.get(i);
			result.add(ParameterValue.of(switch (ranges.get(i)) {
				case ANY -> Checks.finite(field, values[i]);
				case POSITIVE -> Checks.positive(field, values[i]);
				case NON_NEGATIVE -> Checks.nonNegative(field, values[i]);
			}));
		}
		return result;
	}

	/** What values a parameter accepts. */
	enum Range {
			ANY, POSITIVE, NON_NEGATIVE
	}
}
