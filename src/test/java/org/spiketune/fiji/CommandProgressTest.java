package org.spiketune.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

	@Test
	void timeLeftWeighsLaterRunsByTheirCost() {
		final CommandProgress progress = new CommandProgress("Fit", 2, null, null, null);
		progress.expectRuns(2, 250, 500, 1000); // growing windows: each generation of the next costs twice
		progress.generation(stats(1)); // 10 ms a generation of the first
		assertEquals((10 + 2 * 20 + 2 * 40) / 1000.0, progress.secondsLeft(), 1e-12);
		progress.generation(stats(2));
		assertEquals((2 * 20 + 2 * 40) / 1000.0, progress.secondsLeft(), 1e-12);
		progress.generation(stats(1, 20)); // the second run, at its own pace
		assertEquals((20 + 2 * 40) / 1000.0, progress.secondsLeft(), 1e-12);
		progress.generation(stats(2, 40));
		progress.generation(stats(1, 40));
		assertEquals(0.04, progress.secondsLeft(), 1e-12);
		progress.generation(stats(2, 80));
		assertEquals(0, progress.secondsLeft());
		assertEquals(6, progress.generationsDone());
	}

	@Test
	void runsOfOneCostCountEveryGenerationAlike() {
		final CommandProgress progress = new CommandProgress("Fit", 6, null, null, null);
		progress.generation(stats(1));
		assertEquals(0.05, progress.secondsLeft(), 1e-12);
		final CommandProgress refined = new CommandProgress("Fit", 6, null, null, null);
		refined.expectRuns(3, 40, 40);
		refined.generation(stats(1));
		assertEquals(0.05, refined.secondsLeft(), 1e-12);
	}

	@Test
	void runsWithoutGenerationsOrCostAreRefused() {
		final CommandProgress progress = new CommandProgress("Fit", 2, null, null, null);
		for (final double[] work : new double[][] { {}, { 1, 0 }, { Double.NaN }, { -1 },
			{ Double.POSITIVE_INFINITY } })
		{
			assertThrows(IllegalArgumentException.class, () -> progress.expectRuns(2, work));
		}
		assertThrows(IllegalArgumentException.class, () -> progress.expectRuns(0, 1));
	}

	private static GenerationStats stats(final int generation) {
		return stats(generation, 10);
	}

	private static GenerationStats stats(final int generation, final double msPerGeneration) {
		return new GenerationStats(generation, 4, 4L * generation, 1, 1, 0, 0, new double[0], 1, 1, msPerGeneration *
			generation);
	}
}
