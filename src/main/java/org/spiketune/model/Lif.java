package org.spiketune.model;

import java.util.Arrays;
import java.util.List;

/**
 * The leaky integrate-and-fire neuron: {@code tau v' = vRest - v + R I}; when {@code v >= vThreshold}:
 * {@code v <- vReset}, held there for the refractory time. Integrated exactly for input constant over a
 * step. Units: ms, mV, MOhm, pA (so {@code R I} is in uV and scaled to mV).
 */
public record Lif(ParameterValue tauMs, ParameterValue restMv, ParameterValue resetMv,
	ParameterValue thresholdMv, ParameterValue resistanceMOhm, ParameterValue refractoryMs) implements
	NeuronModel
{

	private static final List<String> NAMES = List.of("taum", "vrest", "vreset", "vth", "rm", "tref");
	private static final List<Range> RANGES = List.of(Range.POSITIVE, Range.ANY, Range.ANY, Range.ANY, Range.NON_NEGATIVE,
		Range.NON_NEGATIVE);

	public Lif {
		NeuronModel.checkedValues(this, Arrays.asList(tauMs, restMv, resetMv, thresholdMv, resistanceMOhm,
			refractoryMs));
	}

	public static Lif of(final double tauMs, final double restMv, final double resetMv, final double thresholdMv,
		final double resistanceMOhm, final double refractoryMs)
	{
		final List<ParameterValue> p = NeuronModel.constants("lif", NAMES, RANGES, tauMs, restMv, resetMv,
			thresholdMv, resistanceMOhm, refractoryMs);
		return new Lif(p.get(0), p.get(1), p.get(2), p.get(3), p.get(4), p.get(5));
	}

	/** tau = 20 ms, rest and reset -70 mV, threshold -50 mV, R = 100 MOhm, 2 ms refractory. */
	public static Lif standard() {
		return of(20, -70, -70, -50, 100, 2);
	}

	@Override
	public String kind() {
		return "lif";
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
		return List.of(tauMs, restMv, resetMv, thresholdMv, resistanceMOhm, refractoryMs);
	}

	@Override
	public Lif withParameters(final List<ParameterValue> values) {
		final List<ParameterValue> p = NeuronModel.checkedValues(this, values);
		return new Lif(p.get(0), p.get(1), p.get(2), p.get(3), p.get(4), p.get(5));
	}

	@Override
	public String currentUnit() {
		return "pA";
	}
}
