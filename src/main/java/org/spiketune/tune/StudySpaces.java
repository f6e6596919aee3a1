package org.spiketune.tune;

import java.util.ArrayList;
import java.util.List;

import org.spiketune.model.CarlsonV1;

/** The parameter spaces of the source studies' presets. */
public final class StudySpaces {

	private StudySpaces() {}

	/** The 14 tuned parameters of the V1 network of Carlson et al. (2014) at {@code side} × {@code side}. */
	public static ParameterSpace carlsonV1(final int side) {
		final List<ParameterRange> ranges = new ArrayList<>();
		for (final CarlsonV1.Tuned t : CarlsonV1.tuned(side)) {
			ranges.add(t.logScale() ? ParameterRange.log(t.name(), t.min(), t.max()) : ParameterRange.linear(t.name(), t
				.min(), t.max()));
		}
		return new ParameterSpace(ranges);
	}
}
