package org.spiketune.spikes.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.spiketune.Reliability;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spiketune.spikes.SpikeDetection;
import org.spiketune.spikes.RecordedSweeps;
import org.spiketune.spikes.TestData;

/** The fast-spiking interneuron ABF against the CSVs made with neo's AxonIO (test-data/pyabf-fsi-current-steps). */
class Abf2Test {

	private static final Path ABF = TestData.file("pyabf-fsi-current-steps", "2019_07_24_0055_fsi.abf");
	private static RecordedSweeps sweeps;

	@BeforeAll
	static void read() throws IOException {
		sweeps = Abf2.read(ABF);
	}

	@Test
	void headerFacts() {
		assertEquals(17, sweeps.count());
		assertEquals(60000, sweeps.samples(0));
		assertEquals(0.05, sweeps.dtMs(), 1e-12);
		assertEquals("mV", sweeps.voltageUnit());
		assertEquals("pA", sweeps.currentUnit());
		assertEquals(-53.92456, sweeps.voltage()[0][0], 1e-4, "pyABF's first sample of sweep 0");
	}

	@Test
	void voltageAndCommandMatchTheCsv() throws IOException {
		final TraceText.Columns csv = TraceText.read(TestData.file("pyabf-fsi-current-steps",
			"fsi_sweeps_00-04-06-08-16.csv"));
		assertEquals(60000, csv.rows());
		final int[] which = { 0, 4, 6, 8, 16 };
		for (int c = 0; c < which.length; c++) {
			final double[] v = sweeps.voltage()[which[c]], i = sweeps.current()[which[c]];
			for (int k = 0; k < 60000; k++) {
				assertEquals(csv.values()[1 + c][k], v[k], 0.0005 + 2e-5, "V of sweep " + which[c] + " sample " + k); // 3 decimals, float32
				assertEquals(csv.values()[6 + c][k], i[k], 1e-9, "I of sweep " + which[c] + " sample " + k);
			}
		}
	}

	@Test
	void commandMatchesTheSegmentTableOfAllSweeps() throws IOException {
		final List<String> rows = Files.readAllLines(TestData.file("pyabf-fsi-current-steps",
			"fsi_stimulus_segments.csv"));
		int checked = 0;
		for (final String row : rows.subList(1, rows.size())) {
			final String[] f = row.split(",");
			final int sweep = Integer.parseInt(f[0]), from = Integer.parseInt(f[1]), to = Integer.parseInt(f[2]);
			final double pA = Double.parseDouble(f[5]);
			for (int k = from; k < to; k++) assertEquals(pA, sweeps.current()[sweep][k], 1e-9, "sweep " + sweep + " sample " + k);
			checked++;
		}
		assertTrue(checked >= 17 * 4, checked + " segments");
	}

	@Test
	void spikeTimesMatchTheCrossingTable() throws IOException {
		final List<String> lines = Files.readAllLines(TestData.file("pyabf-fsi-current-steps", "fsi_spike_times_ms.txt"))
			.stream().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
		assertEquals(17, lines.size());
		final int[] counts = { 2, 3, 2, 4, 16, 28, 37, 48, 55, 68, 76, 83, 91, 99, 105, 114, 117 };
		for (final String line : lines) {
			final String[] f = line.trim().split("\\s+");
			final int sweep = Integer.parseInt(f[0]);
			final double[] found = SpikeDetection.crossings(sweeps.voltage()[sweep], sweeps.dtMs(), -20);
			assertEquals(counts[sweep], found.length, "spikes in sweep " + sweep);
			assertEquals(f.length - 1, found.length);
			for (int k = 0; k < found.length; k++) {
				assertEquals(Double.parseDouble(f[k + 1]), found[k], 0.0005 + 1e-3, "sweep " + sweep + " spike " + k);
			}
		}
	}

	@Test
	void openedAsSpikeTrainsOnePerSweepWithinAWindow() throws IOException {
		final org.spiketune.spikes.SpikeTrains all = SpikeFiles.read(ABF, 0, 0, 0);
		assertEquals(17, all.size());
		assertEquals(117, all.count(16));
		assertEquals(3000, all.stopMs(), 1e-9);
		final org.spiketune.spikes.SpikeTrains step = SpikeFiles.read(ABF, 0, 146.85, 646.85);
		assertTrue(step.count(16) < 117 && step.count(16) > 10, "spikes during the first step: " + step.count(16));
		for (final double t : step.times(16)) assertTrue(t >= 146.85 && t <= 646.85);
	}

	@Test
	void truncatedCorruptedAndForeignFilesGiveClearErrors(@TempDir final Path dir) throws IOException {
		final byte[] bytes = Files.readAllBytes(ABF);
		for (final int length : new int[] { 0, 4, 100, 600, 5000, bytes.length - 1000 }) {
			final Path file = dir.resolve("cut" + length + ".abf");
			Files.write(file, Arrays.copyOf(bytes, length));
			final IOException e = assertThrows(IOException.class, () -> Abf2.read(file), "cut at " + length);
			assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
			Reliability.record("File readers", "ABF 2 file cut at " + length + " bytes", "IOException: " + e.getMessage());
		}
		final Path abf1 = dir.resolve("old.abf");
		final byte[] old = bytes.clone();
		old[3] = ' ';
		Files.write(abf1, old);
		final String old1 = assertThrows(IOException.class, () -> Abf2.read(abf1)).getMessage();
		assertTrue(old1.contains("ABF 1"));
		Reliability.record("File readers", "an ABF 1 file given to the ABF 2 reader", "IOException: " + old1);
		final java.util.SplittableRandom random = new java.util.SplittableRandom(4);
		for (int trial = 0; trial < 40; trial++) {
			final byte[] corrupted = bytes.clone();
			for (int k = 0; k < 8; k++) corrupted[random.nextInt(4096)] = (byte) random.nextInt(); // the header blocks
			final Path file = dir.resolve("corrupted" + trial + ".abf");
			Files.write(file, corrupted);
			try {
				Abf2.read(file);
			}
			catch (final IOException e) {
				assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
			}
		}
	}
}
