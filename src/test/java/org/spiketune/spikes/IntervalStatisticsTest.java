package org.spiketune.spikes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Against the Elephant oracles in test-data/elephant-oracles/ORACLES.md §3. */
class IntervalStatisticsTest {

	static final double[] ELEPHANT_INTERVALS = { 1, 28, 4, 47, 5, 16, 2, 5, 21, 12, 4, 12, 59, 2, 4, 18, 33, 25, 2,
		34, 4, 1, 1, 14, 8, 1, 10, 1, 8, 20, 5, 1, 6, 5, 12, 2, 8, 8, 2, 8, 2, 10, 2, 1, 1, 2, 15, 3, 20, 6, 11, 6, 18,
		2, 5, 17, 4, 3, 13, 6, 1, 18, 1, 16, 12, 2, 52, 2, 5, 7, 6, 25, 6, 5, 3, 15, 4, 3, 16, 3, 6, 5, 24, 21, 3, 3, 4,
		8, 4, 11, 5, 7, 5, 6, 8, 11, 33, 10, 7, 4 };

	@Test
	void elephantIntervalStatistics() {
		assertEquals(100, ELEPHANT_INTERVALS.length);
		assertEquals(0.971826029994, IntervalStatistics.lv(ELEPHANT_INTERVALS), 1e-9);
		assertEquals(2.1845363464753134, IntervalStatistics.lvr(ELEPHANT_INTERVALS,
			IntervalStatistics.DEFAULT_LVR_REFRACTORY_MS), 1e-9);
		assertEquals(1.0022235296529176, IntervalStatistics.cv2(ELEPHANT_INTERVALS), 1e-9);
		assertEquals(1.0863308802174931, IntervalStatistics.cv(ELEPHANT_INTERVALS), 1e-12);
	}

	@Test
	void intervalsFromTimes() {
		final double[] times = new double[ELEPHANT_INTERVALS.length + 1];
		for (int i = 0; i < ELEPHANT_INTERVALS.length; i++) times[i + 1] = times[i] + ELEPHANT_INTERVALS[i];
		assertEquals(993, times[100], 1e-12);
		assertEquals(0.971826029994, IntervalStatistics.lv(IntervalStatistics.intervals(times)), 1e-9);
		assertEquals(0, IntervalStatistics.cv(IntervalStatistics.intervals(new double[] { 1, 2, 3, 4, 5 })), 0,
			"a regular train has CV 0");
		assertTrue(Double.isNaN(IntervalStatistics.lv(new double[] { 3 })), "LV of one interval is NaN");
		assertTrue(Double.isNaN(IntervalStatistics.cv(new double[0])));
	}

	@Test
	void elephantMeanFiringRate() {
		final double[] spikes = { 0.3, 0.56, 0.87, 1.23 };
		assertEquals(0.4 * 1000, IntervalStatistics.rateHz(spikes, 0, 10), 1e-9, "4 spikes in 10 ms");
		assertEquals(4 * 1000, IntervalStatistics.rateHz(spikes, 0.4, 0.9), 1e-9, "2 spikes inside 0.5 ms");
		assertEquals(4 / (1.23 - 0.3) * 1000, IntervalStatistics.rateHz(spikes, 0.3, 1.23), 1e-9, "edges counted");
		assertThrows(IllegalArgumentException.class, () -> IntervalStatistics.rateHz(spikes, 1, 1));
	}

	@Test
	void fanoFactorByHand() {
		// counts 2, 4, 6: mean 4, population variance 8/3
		assertEquals(8.0 / 3 / 4, IntervalStatistics.fanoFactor(new int[] { 2, 4, 6 }), 1e-15);
		assertEquals(0, IntervalStatistics.fanoFactor(new int[] { 5, 5 }), 0);
		assertTrue(Double.isNaN(IntervalStatistics.fanoFactor(new int[] { 0, 0 })));
		final SpikeTrains t = SpikeTrains.of(new double[][] { { 1, 2 }, { 1, 2, 3, 4 }, { 1, 2, 3, 4, 5, 6 } }, 0, 10);
		assertEquals(8.0 / 3 / 4, IntervalStatistics.fanoFactor(t), 1e-15);
	}

	@Test
	void lvrRefractorinessMustBeNonNegative() {
		assertThrows(IllegalArgumentException.class, () -> IntervalStatistics.lvr(ELEPHANT_INTERVALS, -1));
	}
}
