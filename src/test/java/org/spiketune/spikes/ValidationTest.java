package org.spiketune.spikes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ValidationTest {

	@Test
	void studentTAndKolmogorovSmirnovByHand() {
		final double[] a = { 1, 2, 3, 4 }, b = { 3, 4, 5, 6, 7 };
		final Validation.Row r = Validation.row("x", a, b, 0, 0);
		// pooled variance: (3·1.6667 + 4·2.5) / 7 = 2.142857; t = (2.5 − 5) / sqrt(2.142857 (1/4 + 1/5))
		final double pooled = (3 * (5.0 / 3) + 4 * 2.5) / 7;
		assertEquals((2.5 - 5) / Math.sqrt(pooled * (0.25 + 0.2)), r.t(), 1e-12);
		assertTrue(r.tP() > 0.02 && r.tP() < 0.05, "p = " + r.tP()); // scipy: 0.0361
		// empirical CDFs differ most at x = 2: 2/4 − 0/5
		assertEquals(0.6, r.ks(), 1e-12);
		assertEquals(2.5, r.modelMean(), 1e-12);
		assertEquals(Math.sqrt(2.5), r.dataSd(), 1e-12);
	}

	@Test
	void sameProcessPassesDifferentRateFails() {
		final SplittableRandom random = new SplittableRandom(9);
		final SpikeTrains data = trains(random, 60, 10), same = trains(random, 60, 10), faster = trains(random, 60, 20);
		final Validation.Report ok = Validation.compare(same, data);
		assertEquals("rate_hz", ok.rows().get(0).statistic());
		assertTrue(ok.rows().get(0).tP() > 0.01 && ok.rows().get(0).ksP() > 0.01, ok.rows().get(0).toString());
		final Validation.Report bad = Validation.compare(faster, data);
		assertTrue(bad.rows().get(0).tP() < 1e-6 && bad.rows().get(0).ksP() < 1e-6, bad.rows().get(0).toString());
		assertEquals(1.0, bad.rows().get(1).modelMean(), 0.15, "Poisson trains have LV near 1");
	}

	@Test
	void undefinedValuesAreCountedNotUsed() {
		final SpikeTrains t = SpikeTrains.of(new double[][] { { 1, 5, 7 }, { 2 }, {} }, 0, 100);
		final Validation.Report r = Validation.compare(t, t);
		assertEquals(3, r.rows().get(0).modelCount());
		assertEquals(1, r.rows().get(1).modelCount());
		assertEquals(2, r.rows().get(1).modelUndefined());
		assertTrue(Double.isNaN(r.rows().get(1).t()), "one LV value is too few to test");
	}

	static SpikeTrains trains(final SplittableRandom random, final int count, final double rateHz) {
		final double[][] t = new double[count][];
		for (int i = 0; i < count; i++) t[i] = ElephantDistancesTest.poisson(random, rateHz * (0.8 + 0.4 * random
			.nextDouble()), 10000);
		return SpikeTrains.of(t, 0, 10000);
	}
}
