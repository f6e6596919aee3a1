package org.spiketune.fit;

import java.util.ArrayList;
import java.util.List;

import org.spiketune.model.Stimulus;

/**
 * A sampled current as the simulator's current steps: each run of equal samples becomes one step (zero runs
 * are left out). Made for command currents of current-clamp protocols, which are piecewise constant; a
 * recorded (noisy) current would give a step per sample and is refused.
 */
public final class CurrentSteps {

	/** More steps than this means the current is not a step protocol. */
	public static final int MAX_STEPS = 10_000;

	private CurrentSteps() {}

	/** The steps of {@code current}, sampled every {@code sampleMs} from 0, driving {@code group}. */
	public static List<Stimulus> of(final String group, final double[] current, final double sampleMs) {
		if (!(sampleMs > 0) || !Double.isFinite(sampleMs)) {
			throw new IllegalArgumentException("sample interval must be > 0 ms, got " + sampleMs);
		}
		final List<Stimulus> steps = new ArrayList<>();
		int start = 0;
		for (int i = 1; i <= current.length; i++) {
			if (i < current.length && Double.compare(current[i], current[start]) == 0) continue;
			if (!Double.isFinite(current[start])) {
				throw new IllegalArgumentException("current of " + group + " is " + current[start] + " at sample " +
					start);
			}
			if (current[start] != 0) steps.add(Stimulus.step(group, start * sampleMs, i * sampleMs, current[start]));
			if (steps.size() > MAX_STEPS) {
				throw new IllegalArgumentException("the current of " + group + " changes more than " + MAX_STEPS +
					" times: it is not a step protocol (a recorded, noisy current cannot drive a fit)");
			}
			start = i;
		}
		return steps;
	}
}
