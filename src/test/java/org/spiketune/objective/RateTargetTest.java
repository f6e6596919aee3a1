package org.spiketune.objective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.spiketune.sim.Member;
import org.spiketune.sim.MemberResult;
import org.spiketune.sim.PopulationRates;
import org.spiketune.sim.SpikeRecord;
import org.spiketune.sim.StateTraces;

class RateTargetTest {

	/** 1000 ms; exc: 80 neurons, 400 spikes (5 Hz); inh: 20 neurons, 300 spikes (15 Hz); a 10-source group. */
	private static MemberResult result() {
		final int[] counts = { 400, 300, 999 };
		final PopulationRates rates = new PopulationRates(List.of("exc", "inh", "src"), new int[] { 80, 20, 10 },
			new boolean[] { false, false, true }, 1000, 1000, counts);
		return new MemberResult(0, Member.of(1), new SpikeRecord(110, 1, 1000, new int[0], new int[0]), rates,
			StateTraces.none(1000));
	}

	@Test
	void wholeNetworkErrorIsTheDistanceOfTheMeanRate() {
		final Score s = RateTarget.of(5).score(result());
		assertEquals(2.0, s.value(), 1e-12); // (400 + 300) / 100 neurons = 7 Hz; sources excluded
		assertArrayEquals(new double[] { 7, 2 }, s.components(), 1e-12);
		assertArrayEquals(new double[] { 2 }, s.objectives(), 1e-12);
		assertEquals(List.of("rate_network_hz", "error_network_hz"), RateTarget.of(5).components());
	}

	@Test
	void perGroupErrorsAddUpAndAreSeparateObjectives() {
		final Map<String, Double> targets = new LinkedHashMap<>();
		targets.put("exc", 6.0);
		targets.put("inh", 10.0);
		final RateTarget objective = RateTarget.perGroup(targets);
		final Score s = objective.score(result());
		assertEquals(1 + 5, s.value(), 1e-12);
		assertArrayEquals(new double[] { 5, 15, 1, 5 }, s.components(), 1e-12);
		assertArrayEquals(new double[] { 1, 5 }, s.objectives(), 1e-12);
		assertEquals(List.of("error_exc_hz", "error_inh_hz"), objective.objectives());
	}

	@Test
	void samplesAverageAndFailuresWin() {
		final Score a = Score.of(1, new double[] { 2 }, new double[] { 1 });
		final Score b = Score.of(3, new double[] { 4 }, new double[] { 3 });
		final Score mean = Score.mean(a, b);
		assertEquals(2, mean.value());
		assertArrayEquals(new double[] { 3 }, mean.components());
		final Score failed = Score.failed("NaN state", Double.MAX_VALUE, 1, 1);
		assertTrue(Score.mean(a, failed).failed());
		assertThrows(IllegalArgumentException.class, () -> RateTarget.of(-1));
		assertThrows(IllegalArgumentException.class, () -> Score.of(Double.NaN, new double[0], new double[0]));
		assertThrows(IllegalArgumentException.class, () -> RateTarget.perGroup(Map.of("nope", 1.0)).score(result()));
	}
}
