package org.spiketune.spikes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class CoincidenceFactorTest {

	@Test
	void handComputedGamma() {
		final double[] data = { 10, 50, 90, 130 };
		final double[] model = { 11, 48, 100, 131, 170 };
		// Δ = 2 ms: 10↔11, 50↔48, 130↔131 coincide, 90 does not: N_coinc = 3
		assertEquals(3, CoincidenceFactor.coincidences(data, model, 2));
		final double nu = 5 / 200.0; // model spikes per ms over 200 ms
		final double expected = (3 - 2 * nu * 2 * 4) / (0.5 * (4 + 5)) / (1 - 2 * nu * 2);
		assertEquals(expected, CoincidenceFactor.gamma(data, model, 2, 200), 1e-15);
		assertEquals(1 - expected, CoincidenceFactor.loss(data, model, 2, 200, false), 1e-15);
		assertEquals(1 - expected + 2 * 1.0 / 4, CoincidenceFactor.loss(data, model, 2, 200, true), 1e-15);
	}

	@Test
	void eachModelSpikeMatchesOnce() {
		assertEquals(1, CoincidenceFactor.coincidences(new double[] { 10, 11 }, new double[] { 10.5 }, 2));
		assertEquals(2, CoincidenceFactor.coincidences(new double[] { 10, 11 }, new double[] { 9.5, 10.5 }, 2));
	}

	@Test
	void perfectAndChanceLevel() {
		final double[] train = ElephantDistancesTest.poisson(new SplittableRandom(3), 10, 100000);
		final double perfect = CoincidenceFactor.gamma(train, train, 2, 100000);
		assertEquals(1, perfect, 1e-12, "identical trains");
		double mean = 0;
		final SplittableRandom random = new SplittableRandom(5);
		for (int k = 0; k < 20; k++) {
			mean += CoincidenceFactor.gamma(train, ElephantDistancesTest.poisson(random, 10, 100000), 2, 100000) / 20;
		}
		assertEquals(0, mean, 0.02, "independent Poisson trains score chance level on average");
		assertEquals(1, CoincidenceFactor.gamma(new double[0], new double[0], 2, 100), 0);
		assertEquals(0, CoincidenceFactor.gamma(new double[] { 1 }, new double[0], 2, 100), 0);
		assertTrue(Double.isNaN(CoincidenceFactor.gamma(new double[] { 1 }, new double[] { 1, 2, 3 }, 2, 10)));
		assertThrows(IllegalArgumentException.class, () -> CoincidenceFactor.gamma(new double[0], new double[0], 0,
			10));
	}

	@Test
	void measuresParseAndRejectNonsense() {
		assertEquals(Measure.Kind.VAN_ROSSUM, Measure.parse("van-rossum:5").kind());
		assertEquals(5, Measure.parse(" Van-Rossum : 5 ").parameter(), 0);
		assertEquals(10, Measure.parse("van-rossum").parameter(), 0);
		assertTrue(Measure.parse("spike-sync").isSimilarity());
		assertTrue(assertThrows(IllegalArgumentException.class, () -> Measure.parse("spikey")).getMessage().contains(
			"known: isi, spike"));
		assertThrows(IllegalArgumentException.class, () -> Measure.parse("spike:3"));
		assertThrows(IllegalArgumentException.class, () -> Measure.parse("victor-purpura:-1"));
		assertThrows(IllegalArgumentException.class, () -> Measure.parse("gamma:0"));
		assertThrows(IllegalArgumentException.class, () -> Measure.parse("gamma:x"));
	}
}
