package org.spiketune.model;

import java.util.Arrays;
import java.util.List;

/**
 * The adaptive exponential integrate-and-fire model (Brette and Gerstner 2005):
 * {@code C v' = -gL (v - EL) + gL DeltaT exp((v - VT)/DeltaT) - w + I}, {@code tauW w' = a (v - EL) - w};
 * when {@code v >= vPeak}: {@code v <- vReset}, {@code w <- w + b}, then v is held at vReset for the
 * refractory time. Units: pF, nS, mV, ms, pA.
 */
public record AdEx(ParameterValue capacitancePf, ParameterValue leakNs, ParameterValue restMv,
	ParameterValue thresholdMv, ParameterValue slopeMv, ParameterValue adaptationTauMs,
	ParameterValue adaptationNs, ParameterValue spikeAdaptationPa, ParameterValue resetMv,
	ParameterValue peakMv, ParameterValue refractoryMs) implements NeuronModel
{

	private static final List<String> NAMES = List.of("cm", "gl", "el", "vt", "deltat", "tauw", "a", "b",
		"vreset", "vpeak", "tref");
	private static final List<Range> RANGES = List.of(Range.POSITIVE, Range.NON_NEGATIVE, Range.ANY, Range.ANY, Range.POSITIVE,
		Range.POSITIVE, Range.ANY, Range.ANY, Range.ANY, Range.ANY, Range.NON_NEGATIVE);

	public AdEx {
		NeuronModel.checkedValues(this, Arrays.asList(capacitancePf, leakNs, restMv, thresholdMv, slopeMv,
			adaptationTauMs, adaptationNs, spikeAdaptationPa, resetMv, peakMv, refractoryMs));
	}

	/**
	 * The parameters of Brette and Gerstner (2005), Table 1 (C = 281 pF, gL = 30 nS, EL = -70.6 mV,
	 * VT = -50.4 mV, DeltaT = 2 mV, tauW = 144 ms, a = 4 nS, b = 80.5 pA, vReset = EL), with the spike cut at
	 * VT + 5 DeltaT as in their simulations, and no refractory time.
	 */
	public static AdEx bretteGerstner2005() {
		return of(281, 30, -70.6, -50.4, 2, 144, 4, 80.5, -70.6, -40.4, 0);
	}

	public static AdEx of(final double capacitancePf, final double leakNs, final double restMv,
		final double thresholdMv, final double slopeMv, final double adaptationTauMs, final double adaptationNs,
		final double spikeAdaptationPa, final double resetMv, final double peakMv, final double refractoryMs)
	{
		final List<ParameterValue> p = NeuronModel.constants("adex", NAMES, RANGES, capacitancePf, leakNs, restMv,
			thresholdMv, slopeMv, adaptationTauMs, adaptationNs, spikeAdaptationPa, resetMv, peakMv, refractoryMs);
		return new AdEx(p.get(0), p.get(1), p.get(2), p.get(3), p.get(4), p.get(5), p.get(6), p.get(7), p.get(8),
			p.get(9), p.get(10));
	}

	@Override
	public String kind() {
		return "adex";
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
		return List.of(capacitancePf, leakNs, restMv, thresholdMv, slopeMv, adaptationTauMs, adaptationNs,
			spikeAdaptationPa, resetMv, peakMv, refractoryMs);
	}

	@Override
	public AdEx withParameters(final List<ParameterValue> values) {
		final List<ParameterValue> p = NeuronModel.checkedValues(this, values);
		return new AdEx(p.get(0), p.get(1), p.get(2), p.get(3), p.get(4), p.get(5), p.get(6), p.get(7), p.get(8),
			p.get(9), p.get(10));
	}

	@Override
	public String currentUnit() {
		return "pA";
	}
}
