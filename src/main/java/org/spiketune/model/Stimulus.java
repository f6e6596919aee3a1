package org.spiketune.model;

/** A time-dependent input to a group. */
public sealed interface Stimulus {

	/** The group the stimulus drives. */
	String group();

	/**
	 * A current step of {@code amplitude} (in the group model's current unit) added to every neuron of
	 * {@code group} for steps whose start time t satisfies {@code startMs <= t < endMs}.
	 */
	record CurrentStep(String group, double startMs, double endMs, double amplitude) implements Stimulus {

		public CurrentStep {
			Checks.name("current step group", group);
			Checks.nonNegative("current step startMs", startMs);
			Checks.finite("current step endMs", endMs);
			if (endMs <= startMs) {
				throw new IllegalArgumentException("current step endMs must be > startMs, got startMs=" + startMs +
					", endMs=" + endMs);
			}
			Checks.finite("current step amplitude", amplitude);
		}
	}

	static Stimulus step(final String group, final double startMs, final double endMs, final double amplitude) {
		return new CurrentStep(group, startMs, endMs, amplitude);
	}
}
