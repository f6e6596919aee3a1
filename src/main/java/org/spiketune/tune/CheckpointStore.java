package org.spiketune.tune;

import java.util.Optional;

/**
 * Where a tuning run keeps its checkpoints ({@code io.CheckpointFile} writes them to disk). The run loads
 * one at its start, to go on from it, and saves one after every completed generation.
 */
public interface CheckpointStore {

	/** No checkpoints: the run starts fresh and keeps none. */
	CheckpointStore NONE = new CheckpointStore() {

		@Override
		public Optional<Checkpoint> load() {
			return Optional.empty();
		}

		@Override
		public void save(final Checkpoint checkpoint) {}

		@Override
		public boolean keeps() {
			return false;
		}
	};

	/** The checkpoint to continue from, if any. */
	Optional<Checkpoint> load();

	/** Keeps {@code checkpoint} in place of the last one, so that a crash at any moment leaves a whole one. */
	void save(Checkpoint checkpoint);

	/** Whether this store keeps anything. */
	default boolean keeps() {
		return true;
	}
}
