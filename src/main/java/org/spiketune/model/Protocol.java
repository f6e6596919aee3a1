package org.spiketune.model;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A sequence of stimulus presentations in phases (for instance training, then testing). Each phase shows
 * its presentations {@code repeats} times, in random order when it shuffles, each followed by a gap of
 * background noise. The order comes from the batch member's seed, so every member can train on its own
 * order and the same seed gives the same order again.
 */
public record Protocol(List<Phase> phases) {

	public Protocol {
		phases = List.copyOf(Checks.noNulls("protocol phases", phases));
		if (phases.isEmpty()) throw new IllegalArgumentException("a protocol needs at least one phase");
	}

	public static Protocol of(final Phase... phases) {
		return new Protocol(List.of(phases));
	}

	/** Total length in ms. */
	public double durationMs() {
		double total = 0;
		for (final Phase p : phases) total += p.durationMs();
		return total;
	}

	/** Start of phase {@code index} in ms. */
	public double phaseStartMs(final int index) {
		double start = 0;
		for (int k = 0; k < index; k++) start += phases.get(k).durationMs();
		return start;
	}

	/** The presentations of a member in time order: its seed shuffles the phases that shuffle. */
	public List<Shown> schedule(final long seed) {
		final List<Shown> shown = new ArrayList<>();
		double t = 0;
		for (int p = 0; p < phases.size(); p++) {
			final Phase phase = phases.get(p);
			final List<Presentation> order = phase.order(new SplittableRandom(seed * 0x9E3779B97F4A7C15L + p));
			for (final Presentation presentation : order) {
				shown.add(new Shown(p, t, t + presentation.durationMs(), presentation));
				t += presentation.durationMs() + phase.gapMs();
			}
		}
		return shown;
	}

	/** One presentation as scheduled: phase, start and end in ms. */
	public record Shown(int phase, double startMs, double endMs, Presentation presentation) {}

	/**
	 * One stimulus: an image (by index into the drive's frames), shown for {@code durationMs}, its contrast
	 * modulated by {@code cos(2π·temporalHz·t)} from its start when {@code temporalHz > 0} (a counterphase
	 * grating), constant otherwise.
	 */
	public record Presentation(int frame, double durationMs, double temporalHz) {

		public Presentation {
			Checks.atLeast("presentation frame", frame, 0);
			Checks.positive("presentation durationMs", durationMs);
			Checks.nonNegative("presentation temporalHz", temporalHz);
		}
	}

	/**
	 * Presentations shown {@code repeats} times each, shuffled or in the given order, each followed by
	 * {@code gapMs} of background noise.
	 */
	public record Phase(String name, List<Presentation> presentations, int repeats, boolean shuffled,
		double gapMs)
	{

		public Phase {
			Checks.name("phase name", name);
			presentations = List.copyOf(Checks.noNulls("phase presentations", presentations));
			if (presentations.isEmpty()) throw new IllegalArgumentException("phase '" + name + "' has no presentations");
			Checks.atLeast("phase '" + name + "' repeats", repeats, 1);
			Checks.nonNegative("phase '" + name + "' gapMs", gapMs);
		}

		public double durationMs() {
			double once = 0;
			for (final Presentation p : presentations) once += p.durationMs() + gapMs;
			return once * repeats;
		}

		/** A copy with {@code value} repeats. */
		public Phase withRepeats(final int value) {
			return new Phase(name, presentations, value, shuffled, gapMs);
		}

		List<Presentation> order(final SplittableRandom random) {
			final List<Presentation> all = new ArrayList<>();
			for (int r = 0; r < repeats; r++) all.addAll(presentations);
			if (shuffled) {
				for (int i = all.size() - 1; i > 0; i--) {
					final int j = random.nextInt(i + 1);
					all.set(i, all.set(j, all.get(i)));
				}
			}
			return all;
		}
	}
}
