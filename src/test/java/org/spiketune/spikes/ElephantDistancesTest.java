package org.spiketune.spikes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Victor-Purpura and van Rossum against test-data/elephant-oracles/ORACLES.md §1–2 (ms, 1/ms). */
class ElephantDistancesTest {

	private static final double[] NONE = {};

	private static double[] t(final double... times) {
		return times;
	}

	@Test
	void victorPurpuraOracles() {
		assertEquals(0.0, VictorPurpura.distance(NONE, NONE, 1), 1e-12);
		assertEquals(1.0, VictorPurpura.distance(NONE, t(1), 1), 1e-12);
		assertEquals(0.0, VictorPurpura.distance(t(1), t(1), 1), 1e-12);
		assertEquals(1.0, VictorPurpura.distance(t(1), t(2), 1), 1e-12);
		assertEquals(1.9, VictorPurpura.distance(t(1), t(2.9), 1), 1e-12);
		assertEquals(2.0, VictorPurpura.distance(t(1), t(3.1), 1), 1e-12);
		assertEquals(2.0, VictorPurpura.distance(t(1), t(5), 1), 1e-12);
		assertEquals(2.0, VictorPurpura.distance(NONE, t(12, 32), 1), 1e-12);
		assertEquals(0.4, VictorPurpura.distance(t(12, 32), t(32, 52), 0.01), 1e-7);
		assertEquals(2.6, VictorPurpura.distance(t(12, 32), t(18, 60), 0.1), 1e-12);
		assertEquals(1, VictorPurpura.distance(t(10, 20, 30, 40), t(10, 20, 30, 40, 50), 1), 1e-12);
		assertEquals(6.0, VictorPurpura.distance(t(12, 32), t(10, 20, 30, 40), Double.POSITIVE_INFINITY), 0);
		assertEquals(6.0, VictorPurpura.distance(t(12, 32), t(10, 20, 30, 40), 1e9), 1e-12);
		assertEquals(2.0, VictorPurpura.distance(t(12, 32), t(10, 20, 30, 40), 1e-9), 1e-5);
		assertEquals(2.0, VictorPurpura.distance(t(12, 32), t(10, 20, 30, 40), 0), 0);
		assertEquals(1.8, VictorPurpura.distance(t(12), t(20, 20), 0.1), 1e-12);
		assertEquals(1.8, VictorPurpura.distance(t(12, 12), t(20), 0.1), 1e-12);
		assertEquals(0.8, VictorPurpura.distance(t(12), t(20), 0.1), 1e-12);
		assertEquals(1.6, VictorPurpura.distance(t(12, 12), t(20, 20), 0.1), 1e-12);
		assertThrows(IllegalArgumentException.class, () -> VictorPurpura.distance(NONE, NONE, -1));
	}

	@Test
	void vanRossumOracles() {
		assertEquals(0.0, VanRossum.distance(NONE, NONE, 1), 1e-12);
		assertEquals(1.0, VanRossum.distance(NONE, t(1), 1), 1e-12);
		assertEquals(0.0, VanRossum.distance(t(1), t(1), 1), 1e-12);
		assertEquals(1.1243847729568004, VanRossum.distance(t(1), t(2), 1), 1e-12);
		assertEquals(1.401202598564009, VanRossum.distance(t(1), t(5), 1), 1e-12);
		assertEquals(Math.sqrt(2), VanRossum.distance(t(1), t(500), 1), 1e-12);
		assertEquals(Math.sqrt(2), VanRossum.distance(NONE, t(12, 32), 1e-9), 1e-12);
		assertEquals(0.8120097954635286, VanRossum.distance(t(12, 32), t(32, 52), 100), 1e-12);
		assertEquals(1.3413250172077815, VanRossum.distance(t(32, 52), t(42), 10), 1e-12);
		assertEquals(1, VanRossum.distance(t(10, 20, 30, 40), t(10, 20, 30, 40, 50), 1), 1e-12);
		assertEquals(1, VanRossum.distance(t(10, 20, 30, 40), t(10, 20, 30, 40, 50), 77), 1e-12);
		assertEquals(2.449489742783178, VanRossum.distance(t(12, 32), t(10, 20, 30, 40), 0), 1e-12);
		assertEquals(2.449489742783178, VanRossum.distance(t(12, 32), t(10, 20, 30, 40), 1e-9), 1e-12);
		assertEquals(2.6457513110645907, VanRossum.distance(t(12, 32), t(10, 20, 30, 40, 50), 1e-9), 1e-12);
		assertEquals(2, VanRossum.distance(t(12, 32), t(10, 20, 30, 40), Double.POSITIVE_INFINITY), 0);
		assertEquals(2, VanRossum.distance(t(12, 32), t(10, 20, 30, 40), 1e9), 1e-6);
		assertEquals(3, VanRossum.distance(t(12, 32), t(10, 20, 30, 40, 50), 1e9), 1e-6);
		assertEquals(1.7896044656658392, VanRossum.distance(t(12), t(20, 20), 10), 1e-12);
		assertEquals(1.7896044656658392, VanRossum.distance(t(12, 12), t(20), 10), 1e-12);
		assertEquals(1.0494484607476238, VanRossum.distance(t(12), t(20), 10), 1e-12);
		assertEquals(2.0988969214952475, VanRossum.distance(t(12, 12), t(20, 20), 10), 1e-12);
		assertEquals(0.8120097954635286, VanRossum.distance(t(1), t(5), 10), 1e-12);
		final double[] issue679 = t(178.2, 228.6, 280.4, 497.2, 550.4);
		assertEquals(0.0, VanRossum.distance(issue679, issue679, 100), 0, "round-off clipped, never NaN");
	}

	@Test
	void vanRossumRunningSumsEqualTheDoubleSum() {
		final SplittableRandom random = new SplittableRandom(7);
		for (int trial = 0; trial < 20; trial++) {
			final double[] a = poisson(random, 40, 1000);
			final double[] b = poisson(random, 30, 1000);
			final double tau = 0.5 + random.nextDouble() * 50;
			double sq = 0;
			for (final double x : a) for (final double y : a) sq += Math.exp(-Math.abs(x - y) / tau);
			for (final double x : b) for (final double y : b) sq += Math.exp(-Math.abs(x - y) / tau);
			for (final double x : a) for (final double y : b) sq -= 2 * Math.exp(-Math.abs(x - y) / tau);
			assertEquals(Math.sqrt(Math.max(0, sq)), VanRossum.distance(a, b, tau), 1e-9);
		}
	}

	@Test
	void victorPurpuraIsAMetricOnPoissonTrains() {
		final SplittableRandom random = new SplittableRandom(11);
		for (int trial = 0; trial < 20; trial++) {
			final double[] a = poisson(random, 50, 1000), b = poisson(random, 40, 1000), c = poisson(random, 30, 1000);
			final double q = 0.01 + random.nextDouble();
			final double ab = VictorPurpura.distance(a, b, q), ba = VictorPurpura.distance(b, a, q);
			assertEquals(ab, ba, 1e-9, "symmetric");
			assertTrue(ab > 0, "positive for different trains");
			assertEquals(0, VictorPurpura.distance(a, a, q), 0);
			assertTrue(ab <= VictorPurpura.distance(a, c, q) + VictorPurpura.distance(c, b, q) + 1e-9, "triangle");
		}
	}

	static double[] poisson(final SplittableRandom random, final double rateHz, final double durationMs) {
		final java.util.List<Double> times = new java.util.ArrayList<>();
		double t = 0;
		while (true) {
			t += -Math.log(1 - random.nextDouble()) * 1000 / rateHz;
			if (t >= durationMs) break;
			times.add(t);
		}
		return times.stream().mapToDouble(Double::doubleValue).toArray();
	}
}
