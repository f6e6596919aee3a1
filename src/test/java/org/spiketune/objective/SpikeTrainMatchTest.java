package org.spiketune.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.spiketune.sim.Member;
import org.spiketune.sim.MemberResult;
import org.spiketune.sim.SpikeRecord;
import org.spiketune.spikes.CoincidenceFactor;
import org.spiketune.spikes.IsiDistance;
import org.spiketune.spikes.SpikeDistance;
import org.spiketune.spikes.SpikeTrains;

/** The spike-train loss against hand-built model records. */
class SpikeTrainMatchTest {

	/** A result whose neuron n fires at the given steps (dt = 1 ms, 100 steps). */
	private static MemberResult model(final int[] neurons, final int[] steps) {
		final SpikeRecord spikes = new SpikeRecord(3, 1, 100, steps, neurons);
		return new MemberResult(0, Member.of(1), spikes, null, null);
	}

	private static final SpikeTrains TARGET = SpikeTrains.of(new double[][] { { 10, 30, 50 }, { 20, 60 } }, 0, 100);

	@Test
	void identicalTrainsCostNothing() {
		final MemberResult same = model(new int[] { 0, 1, 0, 0, 1 }, new int[] { 10, 20, 30, 50, 60 });
		for (final SpikeTrainMatch.Loss loss : SpikeTrainMatch.Loss.values()) {
			final Score s = SpikeTrainMatch.of(TARGET, loss).score(same);
			assertEquals(0, s.value(), 1e-12, loss.key());
			assertEquals(1, s.component(3), 1e-12, "mean gamma");
		}
	}

	@Test
	void lossesAreTheSumsOverPairs() {
		// neuron 0 fires at 12 and 30 (one spike missing), neuron 1 at 20, 60 and 80 (one extra); neuron 2 ignored
		final MemberResult m = model(new int[] { 0, 1, 0, 1, 2, 1 }, new int[] { 12, 20, 30, 60, 70, 80 });
		final double[] m0 = { 12, 30 }, m1 = { 20, 60, 80 };
		final double d = SpikeDistance.distance(TARGET.times(0), m0, 0, 100) + SpikeDistance.distance(TARGET.times(1),
			m1, 0, 100);
		final double g = CoincidenceFactor.gamma(TARGET.times(0), m0, 4, 100) + CoincidenceFactor.gamma(TARGET.times(1),
			m1, 4, 100);
		assertEquals(d + 2, SpikeTrainMatch.of(TARGET, SpikeTrainMatch.Loss.SPIKE_COUNT).score(m).value(), 1e-12);
		assertEquals(d, SpikeTrainMatch.of(TARGET, SpikeTrainMatch.Loss.SPIKE).score(m).value(), 1e-12);
		final double isi = IsiDistance.distance(TARGET.times(0), m0, 0, 100) + IsiDistance.distance(TARGET.times(1), m1,
			0, 100);
		assertTrue(isi > 0.1, "the trains' interval profiles differ: " + isi);
		assertEquals(isi + 2, SpikeTrainMatch.of(TARGET, SpikeTrainMatch.Loss.ISI_COUNT).score(m).value(), 1e-12);
		assertEquals(2 - g, SpikeTrainMatch.of(TARGET, SpikeTrainMatch.Loss.GAMMA).score(m).value(), 1e-12);
		assertEquals(2 - g + 2.0 / 3 + 2.0 / 2, SpikeTrainMatch.of(TARGET, SpikeTrainMatch.Loss.GAMMA_RATE).score(m)
			.value(), 1e-12);
		final Score s = SpikeTrainMatch.of(TARGET, SpikeTrainMatch.Loss.SPIKE).score(m);
		assertEquals(2, s.component(2), "count error");
		assertEquals(d / 2, s.component(1), 1e-12);
	}

	@Test
	void targetsMapToChosenNeuronsAndOnlyTheirWindowCounts() {
		final SpikeTrains late = SpikeTrains.of(new double[][] { { 50 } }, 40, 100);
		// neuron 2 fires at 5 (before the window) and 50
		final MemberResult m = model(new int[] { 2, 2 }, new int[] { 5, 50 });
		assertEquals(0, SpikeTrainMatch.of(late, new int[] { 2 }, SpikeTrainMatch.Loss.SPIKE_COUNT, 4).score(m)
			.value(), 1e-12);
		assertThrows(IllegalArgumentException.class, () -> SpikeTrainMatch.of(late, new int[] { 3 },
			SpikeTrainMatch.Loss.SPIKE, 4).score(m), "neuron 3 does not exist");
		assertThrows(IllegalArgumentException.class, () -> SpikeTrainMatch.of(late, new int[] { 0, 1 },
			SpikeTrainMatch.Loss.SPIKE, 4));
		assertThrows(IllegalArgumentException.class, () -> SpikeTrainMatch.of(late, new int[] { 0 },
			SpikeTrainMatch.Loss.SPIKE, 0));
	}

	@Test
	void lossesParseByKey() {
		assertEquals(SpikeTrainMatch.Loss.GAMMA_RATE, SpikeTrainMatch.Loss.parse(" Gamma+Rate "));
		assertEquals(SpikeTrainMatch.Loss.SPIKE_COUNT, SpikeTrainMatch.Loss.parse("spike_count"));
		assertEquals(SpikeTrainMatch.Loss.ISI_COUNT, SpikeTrainMatch.Loss.parse("isi+count"));
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SpikeTrainMatch.Loss
			.parse("victor-purpura"));
		assertTrue(e.getMessage().contains("spike+count"), e.getMessage());
		assertEquals(List.of("loss", "mean_spike_distance", "count_error", "mean_gamma"), SpikeTrainMatch.of(TARGET,
			SpikeTrainMatch.Loss.SPIKE).components());
	}

}
