package org.spiketune.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Frozen noise (common random numbers) and zooming a space onto a previous best. */
class FrozenNoiseAndZoomTest {

	@Test
	void frozenNoiseGivesEveryEvaluationTheSameSeedAndEqualGenesEqualFitness() {
		final TuningConfig config = TuningFixtures.rateProblem(new Algorithm.Ga(6, 1, 0.8, 1, 0.1), 3, 4).withNoise(
			NoiseHandling.frozenNoise());
		final TuningFixtures.Recorder recorder = new TuningFixtures.Recorder();
		TuningFixtures.tuner(2).run(config, recorder);
		final Map<Double, Double> fitnessByGene = new HashMap<>();
		for (final Evaluation e : recorder.evaluations) {
			assertEquals(config.frozenNoiseSeed(), e.seeds()[0]);
			final Double earlier = fitnessByGene.putIfAbsent(e.values()[0], e.score().value());
			if (earlier != null) assertEquals(earlier, e.score().value(), "deterministic for " + e.values()[0]);
		}
		assertTrue(recorder.evaluations.size() >= 6);
	}

	@Test
	void frozenNoiseRefusesOptionsThatNeedFreshNoise() {
		assertThrows(IllegalArgumentException.class, () -> new NoiseHandling(2, false, false, 0, true));
		assertThrows(IllegalArgumentException.class, () -> new NoiseHandling(1, true, false, 0, true));
		assertThrows(IllegalArgumentException.class, () -> new NoiseHandling(1, false, true, 0, true));
		assertThrows(IllegalArgumentException.class, () -> new NoiseHandling(1, false, false, 3, true));
	}

	@Test
	void narrowingKeepsAFractionOfEachRangeAroundTheCenterWithinTheOldBounds() {
		final ParameterSpace space = ParameterSpace.parse("x=0:10, y=0.01:100:log");
		final ParameterSpace zoomed = space.narrowedAround(Map.of("x", 5.0, "y", 1.0), 0.2);
		assertEquals(4, zoomed.ranges().get(0).min(), 1e-12);
		assertEquals(6, zoomed.ranges().get(0).max(), 1e-12);
		// log range: 4 decades, a fifth of it around 1 is 10^-0.4 .. 10^0.4
		assertEquals(Math.pow(10, -0.4), zoomed.ranges().get(1).min(), 1e-12);
		assertEquals(Math.pow(10, 0.4), zoomed.ranges().get(1).max(), 1e-12);
		assertEquals(ParameterRange.Scale.LOG, zoomed.ranges().get(1).scale());
		final ParameterSpace edge = space.narrowedAround(Map.of("x", 9.9, "y", 0.01), 0.5);
		assertEquals(List.of(5.0, 10.0), List.of(edge.ranges().get(0).min(), edge.ranges().get(0).max()));
		assertEquals(0.01, edge.ranges().get(1).min(), 1e-15);
		assertThrows(IllegalArgumentException.class, () -> space.narrowedAround(Map.of("x", 1.0), 0.5));
		assertThrows(IllegalArgumentException.class, () -> space.narrowedAround(Map.of("x", 1.0, "y", 1.0), 0));
	}
}
