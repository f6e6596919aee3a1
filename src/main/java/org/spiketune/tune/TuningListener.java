package org.spiketune.tune;

/** Follows a tuning run: every evaluation, every generation; can ask the run to stop. */
public interface TuningListener {

	TuningListener NONE = new TuningListener() {};

	default void evaluated(final Evaluation evaluation) {}

	/** A generation is done; with a checkpoint store, its checkpoint is already kept. */
	default void generation(final GenerationStats stats) {}

	/** Checked between generations; true ends the run with what it has. */
	default boolean cancelled() {
		return false;
	}

	/** A listener that forwards to all of {@code listeners} and is cancelled when any of them is. */
	static TuningListener all(final TuningListener... listeners) {
		return new TuningListener() {

			@Override
			public void evaluated(final Evaluation evaluation) {
				for (final TuningListener l : listeners) l.evaluated(evaluation);
			}

			@Override
			public void generation(final GenerationStats stats) {
				for (final TuningListener l : listeners) l.generation(stats);
			}

			@Override
			public boolean cancelled() {
				for (final TuningListener l : listeners) {
					if (l.cancelled()) return true;
				}
				return false;
			}
		};
	}
}
