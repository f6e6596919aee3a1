package org.spiketune.model;

import java.util.Arrays;
import java.util.List;

/**
 * Independent Poisson spike sources: in each step of length dt a source spikes with probability
 * {@code rate * dt} (at most 1), as Brian2's PoissonGroup does, so the expected rate is the nominal rate up to
 * one spike per step.
 */
public record PoissonSource(ParameterValue rateHz) implements NeuronModel {

	private static final List<String> NAMES = List.of("rate");
	private static final List<Range> RANGES = List.of(Range.NON_NEGATIVE);

	public PoissonSource {
		NeuronModel.checkedValues(this, Arrays.asList(rateHz));
	}

	public static PoissonSource of(final double rateHz) {
		return new PoissonSource(NeuronModel.constants("poisson", NAMES, RANGES, rateHz).get(0));
	}

	@Override
	public String kind() {
		return "poisson";
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
		return List.of(rateHz);
	}

	@Override
	public PoissonSource withParameters(final List<ParameterValue> values) {
		return new PoissonSource(NeuronModel.checkedValues(this, values).get(0));
	}

	@Override
	public boolean isSource() {
		return true;
	}

	@Override
	public String currentUnit() {
		return "none";
	}
}
