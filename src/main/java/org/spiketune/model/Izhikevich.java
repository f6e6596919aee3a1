package org.spiketune.model;

import java.util.Arrays;
import java.util.List;

/**
 * Izhikevich's (2003) simple model: {@code v' = 0.04 v^2 + 5 v + 140 - u + I}, {@code u' = a (b v - u)};
 * when {@code v >= vPeak}: {@code v <- c}, {@code u <- u + d}. Time in ms, v in mV, I in the model's
 * dimensionless current units. Starts at {@code v = vInit}, {@code u = b vInit}.
 */
public record Izhikevich(ParameterValue a, ParameterValue b, ParameterValue c, ParameterValue d,
	ParameterValue vPeakMv, ParameterValue vInitMv) implements NeuronModel
{

	private static final List<String> NAMES = List.of("a", "b", "c", "d", "vpeak", "vinit");
	private static final List<Range> RANGES = List.of(Range.ANY, Range.ANY, Range.ANY, Range.ANY, Range.ANY, Range.ANY);

	public Izhikevich {
		NeuronModel.checkedValues(this, Arrays.asList(a, b, c, d, vPeakMv, vInitMv));
	}

	/** Constant parameters, peak 30 mV, start at -65 mV. */
	public static Izhikevich of(final double a, final double b, final double c, final double d) {
		final List<ParameterValue> p = NeuronModel.constants("izhikevich", NAMES, RANGES, a, b, c, d, 30, -65);
		return new Izhikevich(p.get(0), p.get(1), p.get(2), p.get(3), p.get(4), p.get(5));
	}

	/** One of the named cortical and thalamic classes of Izhikevich (2003), Fig. 2. */
	public static Izhikevich of(final IzhikevichClass type) {
		return of(type.a(), type.b(), type.c(), type.d());
	}

	@Override
	public String kind() {
		return "izhikevich";
	}

	@Override
	public List<String> parameterNames() {
		return NAMES;
	}

	@Override
	public List<Range> parameterRanges() {
		return RANGES;
	}

	@Override
	public List<ParameterValue> parameters() {
		return List.of(a, b, c, d, vPeakMv, vInitMv);
	}

	@Override
	public Izhikevich withParameters(final List<ParameterValue> values) {
		final List<ParameterValue> p = NeuronModel.checkedValues(this, values);
		return new Izhikevich(p.get(0), p.get(1), p.get(2), p.get(3), p.get(4), p.get(5));
	}

	@Override
	public String currentUnit() {
		return "a.u.";
	}
}
