package org.spiketune.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.spiketune.tune.GenerationStats;

/** Progress over several runs in a row (refinements, growing windows). */
class CommandProgressTest {

	@Test
	void aRunStartingAgainAddsToTheRunsBefore() {
		final CommandProgress progress = new CommandProgress("Fit", 2, null, null, null);
		progress.expectGenerations(6);
		final List<Integer> done = new ArrayList<>();
		for (final int g : new int[] { 1, 2, 1, 2, 1, 2 }) {
			progress.generation(stats(g));
			done.add(progress.generationsDone());
		}
		assertEquals(List.of(1, 2, 3, 4, 5, 6), done);
	}

	@Test
	void aRunCutShortCountsWhatItDid() {
		final CommandProgress progress = new CommandProgress("Fit", 9, null, null, null);
		for (final int g : new int[] { 1, 1, 2, 3 }) progress.generation(stats(g)); // the first run stopped at 1
		assertEquals(4, progress.generationsDone());
		final CommandProgress resumed = new CommandProgress("Fit", 5, null, null, null);
		resumed.generation(stats(3)); // a resumed run starts where its checkpoint was
		resumed.generation(stats(4));
		assertEquals(4, resumed.generationsDone());
	}

	private static GenerationStats stats(final int generation) {
		return new GenerationStats(generation, 4, 4L * generation, 1, 1, 0, 0, new double[0], 1, 1, 10.0 * generation);
	}
}
