package org.spiketune.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spiketune.model.NetworkSpec;
import org.spiketune.model.Stimulus;
import org.spiketune.spikes.RecordedSweeps;
import org.spiketune.spikes.SpikeTrains;
import org.spiketune.spikes.TestData;
import org.spiketune.spikes.io.Abf2;

/** The fitting setup built from the real FSI recording. */
class SingleCellFitTest {

	private static RecordedSweeps fsi;

	@BeforeAll
	static void read() throws Exception {
		fsi = Abf2.read(TestData.file("pyabf-fsi-current-steps", "2019_07_24_0055_fsi.abf"));
	}

	@Test
	void eachSweepBecomesAOneNeuronGroupDrivenByItsCommandCurrent() {
		final NetworkSpec network = SingleCellFit.network(SingleCellFit.CellModel.IZHIKEVICH, fsi, new int[] { 16,
			0 }, 0.1);
		assertEquals(List.of("sweep16", "sweep0"), network.groups().stream().map(g -> g.name()).toList());
		assertEquals(2, network.neuronCount());
		// the provenance's epoch table: sweep 16 steps to +300 pA twice and to -100 pA once (1/64 pre-holding)
		assertEquals(List.of(Stimulus.step("sweep16", 146.85, 646.85, 300), Stimulus.step("sweep16", 1146.85,
			1646.85, -100), Stimulus.step("sweep16", 1646.85, 2146.85, 300)), network.stimuli().subList(0, 3).stream()
				.map(s -> round((Stimulus.CurrentStep) s)).toList());
		assertTrue(network.hasParameter("*.gain") && network.hasParameter("*.a"));
	}

	private static Stimulus round(final Stimulus.CurrentStep s) {
		return Stimulus.step(s.group(), Math.round(s.startMs() * 100) / 100.0, Math.round(s.endMs() * 100) / 100.0, s
			.amplitude());
	}

	@Test
	void recordedSpikesAreTheCrossingsOfEachSweep() {
		final SpikeTrains spikes = SingleCellFit.spikes(fsi, SingleCellFit.DEFAULT_THRESHOLD_MV);
		final int[] counts = new int[spikes.size()];
		for (int k = 0; k < counts.length; k++) counts[k] = spikes.count(k);
		assertArrayEquals(new int[] { 2, 3, 2, 4, 16, 28, 37, 48, 55, 68, 76, 83, 91, 99, 105, 114, 117 }, counts);
		assertEquals(3000, spikes.stopMs(), 1e-9);
		assertEquals("sweep 5", spikes.label(5));
		final SpikeTrains some = SingleCellFit.select(spikes, new int[] { 16, 4 });
		assertEquals(117, some.count(0));
		assertEquals("sweep 4", some.label(1));
	}

	@Test
	void sweepListsParseAndBadSelectionsAreNamed() {
		assertArrayEquals(new int[] { 0, 2, 4, 5, 6 }, SingleCellFit.parseSweeps("0, 2,4-6"));
		assertThrows(IllegalArgumentException.class, () -> SingleCellFit.parseSweeps("6-4"));
		assertThrows(IllegalArgumentException.class, () -> SingleCellFit.parseSweeps("a"));
		assertThrows(IllegalArgumentException.class, () -> SingleCellFit.parseSweeps(" , "));
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SingleCellFit.network(
			SingleCellFit.CellModel.ADEX, fsi, new int[] { 17 }, 0.1));
		assertTrue(e.getMessage().contains("sweeps 0-16"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> SingleCellFit.network(SingleCellFit.CellModel.ADEX, fsi,
			new int[] { 1, 1 }, 0.1));
		assertEquals(SingleCellFit.CellModel.ADEX, SingleCellFit.CellModel.parse(" AdEx"));
		assertThrows(IllegalArgumentException.class, () -> SingleCellFit.CellModel.parse("hh"));
	}

	@Test
	void defaultRangesAreSpikeNetOptsAndNameOnlyExistingParameters() {
		for (final SingleCellFit.CellModel m : SingleCellFit.CellModel.values()) {
			m.defaultSpace().checkAgainst(SingleCellFit.network(m, fsi, new int[] { 0, 1 }, 0.1));
		}
		assertEquals("*.a=0.002:0.3", SingleCellFit.CellModel.IZHIKEVICH.defaultSpace().ranges().get(0).toString());
	}
}
