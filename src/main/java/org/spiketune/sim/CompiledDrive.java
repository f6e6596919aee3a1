package org.spiketune.sim;

import java.util.List;

import org.spiketune.model.Protocol;
import org.spiketune.model.Stimulus;

/**
 * An image drive laid out for the backends: its On and Off groups (-1 for none), its frames, the gap's
 * spike probability per step, and per member a {@link Schedule} from the member's seed. A driven Poisson
 * neuron fires in a step with probability {@code value · p_i}, {@code value = max(±frame[i]·m, 0)} (+ On,
 * − Off) and {@code p_i} its own probability at its rate; in gaps with the gap probability. Both backends
 * take {@code m} from {@link Schedule#modulation}, so the cosine is computed once, in Java.
 */
public record CompiledDrive(int index, int onGroup, int offGroup, float[][] frames, Protocol protocol,
	float gapProbability)
{

	static CompiledDrive of(final int index, final Stimulus.ImageDrive drive, final int onGroup, final int offGroup,
		final double dtMs)
	{
		final List<float[]> frames = drive.frames();
		return new CompiledDrive(index, onGroup, offGroup, frames.toArray(float[][]::new), drive.protocol(),
			(float) Math.min(1.0, drive.gapRateHz() * dtMs / 1000.0));
	}

	/** +1 for the On group, -1 for the Off group, 0 for another group. */
	public int polarity(final int group) {
		return group == onGroup ? 1 : group == offGroup ? -1 : 0;
	}

	public Schedule schedule(final long seed, final double dtMs) {
		return new Schedule(protocol.schedule(seed), dtMs);
	}

	/** A driven neuron's spike probability in a step: the shown value times its own, or the gap's. */
	public static float probability(final int frame, final float frameValue, final float modulation,
		final int polarity, final float ownProbability, final float gapProbability)
	{
		if (frame < 0) return gapProbability;
		final float v = frameValue * modulation;
		final float value = polarity > 0 ? (v > 0f ? v : 0f) : (-v > 0f ? -v : 0f);
		return value * ownProbability;
	}

	/**
	 * One member's presentations in steps: presentation k covers the steps whose start time lies in its
	 * [start, end). Read in step order (a cursor), or at any step.
	 */
	public static final class Schedule {

		private final int[] start, end, frame;
		private final double[] startMs, hz;
		private final double dtMs;
		private int cursor;

		Schedule(final List<Protocol.Shown> shown, final double dtMs) {
			final int n = shown.size();
			this.dtMs = dtMs;
			start = new int[n];
			end = new int[n];
			frame = new int[n];
			startMs = new double[n];
			hz = new double[n];
			for (int k = 0; k < n; k++) {
				final Protocol.Shown s = shown.get(k);
				start[k] = firstStepAtOrAfter(s.startMs(), dtMs);
				end[k] = firstStepAtOrAfter(s.endMs(), dtMs);
				frame[k] = s.presentation().frame();
				startMs[k] = s.startMs();
				hz[k] = s.presentation().temporalHz();
			}
		}

		private static int firstStepAtOrAfter(final double ms, final double dtMs) {
			return (int) Math.min(Integer.MAX_VALUE, Math.ceil(ms / dtMs - 1e-9));
		}

		/** The presentation covering {@code step}, or -1; moves the cursor (fast when steps increase). */
		private int at(final int step) {
			if (cursor > 0 && step < end[cursor - 1]) cursor = 0; // went back: search from the start
			while (cursor < start.length && end[cursor] <= step) cursor++;
			return cursor < start.length && start[cursor] <= step ? cursor : -1;
		}

		/** The frame shown in {@code step}, -1 in a gap or after the protocol. */
		public int frame(final int step) {
			final int k = at(step);
			return k < 0 ? -1 : frame[k];
		}

		/** The contrast factor in {@code step}: cos(2π·f·(t − start)), 1 for a static presentation, 0 in gaps. */
		public float modulation(final int step) {
			final int k = at(step);
			if (k < 0) return 0f;
			if (hz[k] == 0) return 1f;
			return (float) Math.cos(2 * Math.PI * hz[k] * (step * dtMs - startMs[k]) / 1000.0);
		}
	}
}
