package org.spiketune.spikes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.spiketune.Reliability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spiketune.spikes.io.SpikeCsv;

class SpikeTrainsAndCsvTest {

	@Test
	void eventsBecomeSortedTrains() {
		final SpikeTrains t = SpikeTrains.fromEvents(3, new int[] { 2, 0, 2, 0 }, new double[] { 5, 9, 1, 3 }, 0,
			10);
		assertArrayEquals(new double[] { 3, 9 }, t.times(0));
		assertArrayEquals(new double[0], t.times(1));
		assertArrayEquals(new double[] { 1, 5 }, t.times(2));
		assertEquals(4, t.totalCount());
		assertEquals(200, t.rateHz(0), 1e-12); // 2 spikes in 10 ms
		assertEquals(4 * 1000.0 / (10 * 3), t.meanRateHz(), 1e-12);
		t.times(0)[0] = 99;
		assertEquals(3, t.times(0)[0], "copies out");
	}

	@Test
	void rejectsSpikesOutsideTheWindow() {
		assertThrows(IllegalArgumentException.class, () -> SpikeTrains.fromEvents(1, new int[] { 0 }, new double[] {
			10.5 }, 0, 10));
		assertEquals(1, SpikeTrains.fromEvents(1, new int[] { 0 }, new double[] { 10 }, 0, 10).count(0),
			"the window includes its stop edge");
		assertThrows(IllegalArgumentException.class, () -> SpikeTrains.fromEvents(1, new int[] { 1 }, new double[] {
			1 }, 0, 10));
		assertThrows(IllegalArgumentException.class, () -> SpikeTrains.of(new double[0][], 5, 5));
	}

	@Test
	void windowKeepsSpikesInsideAndLabels() {
		final SpikeTrains t = SpikeTrains.of(new double[][] { { 1, 5, 9 }, { 4 } }, 0, 10).withLabels(java.util.List.of(
			"a", "b"));
		final SpikeTrains w = t.window(4, 8);
		assertArrayEquals(new double[] { 5 }, w.times(0));
		assertArrayEquals(new double[] { 4 }, w.times(1), "the start edge is inside");
		assertEquals("b", w.label(1));
		assertEquals(4, w.durationMs(), 0);
	}

	@Test
	void beforeLeavesOutTheSpikeAtItsStop() {
		final SpikeTrains t = SpikeTrains.of(new double[][] { { 1, 5, 9 }, { 2, 4 } }, 1, 10).withLabels(java.util
			.List.of("a", "b"));
		final SpikeTrains b = t.before(5);
		assertArrayEquals(new double[] { 1 }, b.times(0), "5 is the stop: outside");
		assertArrayEquals(new double[] { 2, 4 }, b.times(1));
		assertEquals(1, b.startMs(), 0);
		assertEquals(5, b.stopMs(), 0);
		assertEquals("a", b.label(0));
		assertArrayEquals(new double[] { 1, 5 }, t.window(1, 5).times(0), "window keeps its stop");
	}

	@Test
	void tooManyTrainsForPairsIsAClearError() {
		final SpikeTrains many = SpikeTrains.of(new double[70_000][0], 0, 10);
		assertTrue(assertThrows(IllegalArgumentException.class, () -> PairwiseComparison.multivariate(many, Measure
			.parse("isi"))).getMessage().contains("select fewer trains"));
	}

	@Test
	void csvRoundTrip(@TempDir final Path dir) throws IOException {
		final Path file = dir.resolve("s.csv");
		SpikeCsv.write(file, new int[] { 4, 1, 4 }, new double[] { 0.5, 2, 7.25 });
		assertEquals("neuron,time_ms", Files.readAllLines(file).get(0));
		assertEquals("1,2", Files.readAllLines(file).get(2));
		final SpikeTrains t = SpikeCsv.read(file, 0, 0, 10);
		assertEquals(5, t.size());
		assertArrayEquals(new double[] { 0.5, 7.25 }, t.times(4));
		assertArrayEquals(new double[] { 2 }, t.times(1));
	}

	/** Found by fuzzing: one line "21211217,0" made the reader allocate 21 million empty trains. */
	@Test
	void aStrayHugeNeuronIndexIsAnErrorNotAnAllocation(@TempDir final Path dir) throws IOException {
		final Path file = dir.resolve("huge.csv");
		Files.writeString(file, "0,1.5\n21211217,0\n");
		final IOException e = assertThrows(IOException.class, () -> SpikeCsv.read(file, 0, 0, 10));
		assertTrue(e.getMessage().contains("neuron index 21211217 implies 21211218 neurons"), e.getMessage());
		Reliability.record("File readers", "a spike CSV whose neuron index implies 21 million neurons (found by " +
			"fuzzing)", "IOException before allocating: " + e.getMessage());
	}

	@Test
	void malformedCsvNamesFileAndLine(@TempDir final Path dir) throws IOException {
		final Path file = dir.resolve("bad.csv");
		Files.writeString(file, "neuron,time_ms\n1,2.5\n3,abc\n");
		final IOException e = assertThrows(IOException.class, () -> SpikeCsv.read(file, 0, 0, 10));
		assertTrue(e.getMessage().contains("bad.csv") && e.getMessage().contains("line 3"), e.getMessage());
		Reliability.record("File readers", "a spike CSV with a malformed line", "IOException: " + e.getMessage());
		Files.writeString(file, "1,2.5\n-1,3\n");
		assertTrue(assertThrows(IOException.class, () -> SpikeCsv.read(file, 0, 0, 10)).getMessage().contains(
			"negative neuron index"));
		Files.writeString(file, "1,2.5\n2\n");
		assertTrue(assertThrows(IOException.class, () -> SpikeCsv.read(file, 0, 0, 10)).getMessage().contains(
			"expected 2 columns"));
		Files.writeString(file, "1,20\n");
		assertTrue(assertThrows(IOException.class, () -> SpikeCsv.read(file, 0, 0, 10)).getMessage().contains(
			"outside the window"));
	}
}
