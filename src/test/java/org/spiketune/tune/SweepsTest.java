package org.spiketune.tune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SweepsTest {

	@Test
	void valuesParseAsRangesOrLists() {
		assertArrayEquals(new double[] { 0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1 }, Sweeps.parseValues(
			"0:0.1:1"), 1e-12);
		assertArrayEquals(new double[] { 4, 8, 12 }, Sweeps.parseValues("4, 8 12"), 0);
		assertThrows(IllegalArgumentException.class, () -> Sweeps.parseValues("1:0:2"));
		assertThrows(IllegalArgumentException.class, () -> Sweeps.parseValues("a, b"));
		assertThrows(IllegalArgumentException.class, () -> Sweeps.parseValues(""));
	}

	@Test
	void runsEveryRepeatAndValidatesOnFreshNetworks() {
		final TuningConfig base = TuningFixtures.rateProblem(new Algorithm.Ga(6, 1, 0.8, 1, 0.1), 2, 9);
		final int[] runs = { 0 };
		final Sweeps.Result r = Sweeps.run(TuningFixtures.tuner(2), base, Sweeps.Setting.POPULATION, new double[] { 4,
			6 }, 2, 2, new Sweeps.Progress() {

				@Override
				public void finished(final Sweeps.Setting s, final double v, final int repeat, final TuningResult result,
					final double validated)
				{
					runs[0]++;
					assertEquals(v, result.config().algorithm().populationSize());
				}
			});
		assertEquals(4, runs[0]);
		assertEquals(2, r.points().size());
		for (final Sweeps.Point p : r.points()) {
			assertEquals(2, p.finalErrors().length);
			for (final double e : p.validatedErrors()) assertTrue(e >= 0 && Double.isFinite(e));
		}
		assertThrows(IllegalArgumentException.class, () -> Sweeps.run(TuningFixtures.tuner(1), base,
			Sweeps.Setting.POPULATION, new double[] { 4.5 }, 1, 1, Sweeps.Progress.NONE));
		assertThrows(IllegalArgumentException.class, () -> Sweeps.run(TuningFixtures.tuner(1), base.withAlgorithm(
			Algorithm.Es.defaults()), Sweeps.Setting.CROSSOVER, new double[] { 0.5 }, 1, 1, Sweeps.Progress.NONE));
	}
}
