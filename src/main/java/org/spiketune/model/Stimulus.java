package org.spiketune.model;

import java.util.List;

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

	/**
	 * Images drive Poisson groups over time (Carlson et al. 2014, eqs. 7-9): while a presentation of the
	 * protocol shows frame f, neuron i of the On group fires at {@code max(p, 0)} times its group's rate (the
	 * maximum rate, tunable as {@code <group>.rate}) and neuron i of the Off group at {@code max(−p, 0)} times
	 * its own, with {@code p = f[i]·m(t)} and m the presentation's temporal modulation; in the gaps and after
	 * the protocol both fire at {@code gapRateHz}. Frames hold one value per neuron (images flattened x
	 * fastest), normally in [−1, 1].
	 *
	 * @param group the On group
	 * @param offGroup the Off group, or {@code null} for On only
	 */
	record ImageDrive(String group, String offGroup, List<float[]> frames, Protocol protocol, double gapRateHz)
		implements Stimulus
	{

		public ImageDrive {
			Checks.name("image drive group", group);
			if (offGroup != null) Checks.name("image drive offGroup", offGroup);
			frames = List.copyOf(Checks.noNulls("image drive frames", frames));
			if (frames.isEmpty()) throw new IllegalArgumentException("image drive has no frames");
			for (int f = 0; f < frames.size(); f++) {
				if (frames.get(f).length != frames.get(0).length) {
					throw new IllegalArgumentException("image drive frame " + f + " has " + frames.get(f).length +
						" values, frame 0 has " + frames.get(0).length);
				}
				for (final float v : frames.get(f)) {
					if (!Float.isFinite(v)) throw new IllegalArgumentException("image drive frame " + f + " holds " + v);
				}
			}
			Checks.notNull("image drive protocol", protocol);
			for (final Protocol.Phase phase : protocol.phases()) {
				for (final Protocol.Presentation p : phase.presentations()) {
					if (p.frame() >= frames.size()) {
						throw new IllegalArgumentException("phase '" + phase.name() + "' shows frame " + p.frame() + " of " +
							frames.size());
					}
				}
			}
			Checks.nonNegative("image drive gapRateHz", gapRateHz);
		}

		/** Values per frame (the driven groups' size). */
		public int frameSize() {
			return frames.get(0).length;
		}
	}

	static Stimulus step(final String group, final double startMs, final double endMs, final double amplitude) {
		return new CurrentStep(group, startMs, endMs, amplitude);
	}
}
