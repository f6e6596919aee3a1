package org.spiketune.spikes.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.spiketune.Reliability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spiketune.spikes.IntervalStatistics;
import org.spiketune.spikes.SpikeTrains;
import org.spiketune.spikes.TestData;

/** The pynapple NWB file against its text dump and statistics (test-data/pynapple-nwb-units/PROVENANCE.md). */
class NwbUnitsTest {

	private static final Path NWB = TestData.file("pynapple-nwb-units", "A8604-211122.nwb");
	private static final double WAKE_MS = 1087.5289 * 1000;

	@Test
	void unitsMatchTheTextDump() throws IOException {
		final SpikeTrains units = NwbUnits.read(NWB, 0, WAKE_MS);
		assertEquals(3, units.size());
		assertEquals(List.of("6", "191", "206"), List.of(units.label(0), units.label(1), units.label(2)));
		final List<String> lines = Files.readAllLines(TestData.file("pynapple-nwb-units",
			"A8604-211122_spike_times_s.txt")).stream().filter(l -> !l.startsWith("#")).toList();
		assertEquals(3, lines.size());
		for (int u = 0; u < 3; u++) {
			final String[] fields = lines.get(u).trim().split("\\s+");
			assertEquals(units.label(u), fields[0]);
			final double[] times = units.times(u);
			assertEquals(fields.length - 1, times.length, "spikes of unit " + fields[0]);
			for (int k = 0; k < times.length; k++) {
				assertEquals(Double.parseDouble(fields[k + 1]) * 1000, times[k], 0.5e-3 + 1e-9, "unit " + fields[0] +
					" spike " + k);
			}
		}
		assertEquals(11020, units.count(0));
		assertEquals(4690, units.count(1));
		assertEquals(5644, units.count(2));
		assertEquals(30.333, units.times(0)[0], 1e-3);
	}

	@Test
	void statisticsMatchTheProvenanceTable() throws IOException {
		final SpikeTrains units = NwbUnits.read(NWB, 0, WAKE_MS);
		final double[] rate = { 10.1331, 4.3125, 5.1897 }, cv = { 1.1640, 2.4950, 1.1041 }, lv = { 0.7923, 1.4437,
			0.9275 }, minIsi = { 2.800, 0.166, 0.266 };
		for (int u = 0; u < 3; u++) {
			final double[] isi = IntervalStatistics.intervals(units.times(u));
			assertEquals(rate[u], units.rateHz(u), 5e-5, "rate of unit " + units.label(u));
			assertEquals(cv[u], IntervalStatistics.cv(isi), 5e-5, "CV");
			assertEquals(lv[u], IntervalStatistics.lv(isi), 5e-5, "LV");
			assertEquals(minIsi[u], Arrays.stream(isi).min().orElseThrow(), 5e-4, "min ISI");
		}
	}

	@Test
	void filesTooLargeToMapAreReadThroughTheChannelAlike() throws IOException {
		// Files over 2 GiB cannot be memory-mapped; a map limit of 0 sends this small file down that path
		final SpikeTrains mapped = NwbUnits.read(NWB, 0, 0), streamed = NwbUnits.read(NWB, 0, 0, 0);
		assertEquals(mapped.size(), streamed.size());
		assertEquals(mapped.stopMs(), streamed.stopMs());
		for (int u = 0; u < mapped.size(); u++) {
			assertEquals(mapped.label(u), streamed.label(u));
			assertArrayEquals(mapped.times(u), streamed.times(u), "unit " + mapped.label(u));
		}
	}

	@Test
	void aForeignFileReadThroughTheChannelGivesAClearError(@TempDir final Path dir) throws IOException {
		final Path file = dir.resolve("notes.nwb");
		Files.writeString(file, "not an HDF5 file, just text that is long enough to hold a superblock's worth");
		final IOException e = assertThrows(IOException.class, () -> NwbUnits.read(file, 0, 0, 0));
		assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
	}

	@Test
	void openWindowEndsAfterTheLastSpike() throws IOException {
		final SpikeTrains units = NwbUnits.read(NWB, 0, 0);
		assertEquals(Math.floor(1087.352833 * 1000) + 1, units.stopMs(), 1e-9);
	}

	@Test
	void truncatedCorruptedAndForeignFilesGiveClearErrors(@TempDir final Path dir) throws IOException {
		final byte[] bytes = Files.readAllBytes(NWB);
		final Path truncated = dir.resolve("truncated.nwb");
		Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 3));
		assertClearError(truncated);
		final Path text = dir.resolve("text.nwb");
		Files.writeString(text, "neuron,time_ms\n1,2\n");
		assertClearError(text);
		final Path empty = dir.resolve("empty.nwb");
		Files.write(empty, new byte[0]);
		assertClearError(empty);
		final java.util.SplittableRandom random = new java.util.SplittableRandom(1);
		for (int trial = 0; trial < 30; trial++) {
			final byte[] corrupted = bytes.clone();
			for (int k = 0; k < 64; k++) corrupted[random.nextInt(corrupted.length)] = (byte) random.nextInt();
			final Path file = dir.resolve("corrupted" + trial + ".nwb");
			Files.write(file, corrupted);
			try {
				NwbUnits.read(file, 0, 0); // bytes outside the metadata and data may hit nothing that is read
			}
			catch (final IOException e) {
				assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
			}
		}
	}

	/** Found by fuzzing: jhdf kept each non-HDF5 file open, so thousands of bad files exhausted the descriptors. */
	@Test
	void aFileThatIsNotHdf5IsClosedAgain(@org.junit.jupiter.api.io.TempDir final Path dir) throws IOException {
		final java.io.File descriptors = new java.io.File("/proc/self/fd");
		org.junit.jupiter.api.Assumptions.assumeTrue(descriptors.isDirectory(), "needs /proc to count open files");
		final Path file = dir.resolve("not-hdf5.nwb");
		java.nio.file.Files.write(file, new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 });
		final int before = descriptors.list().length;
		for (int i = 0; i < 2000; i++) assertThrows(IOException.class, () -> NwbUnits.read(file, 0, 0));
		assertTrue(descriptors.list().length < before + 50, before + " open files before, " + descriptors.list().length +
			" after 2000 failed reads");
		Reliability.record("File readers", "2000 reads of a file that is not HDF5 (found by fuzzing)",
			"each an IOException; no file left open");
	}

	/** Found by fuzzing: a 382-byte file whose object header claims a size jhdf would have allocated. */
	@Test
	void aSizeFieldBeyondTheFileIsAnErrorNotAnAllocation() throws Exception {
		final Path file = Path.of(NwbUnitsTest.class.getResource(
			"ReaderFuzzTestInputs/nwbUnits/crash-83166c90db1e2b6479e07924fe13930ce957072c").toURI());
		final long before = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
		final IOException e = assertThrows(IOException.class, () -> NwbUnits.read(file, 0, 0));
		final long after = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
		assertTrue(after - before < 64L << 20, "allocated " + ((after - before) >> 20) + " MiB for a 382-byte file");
		Reliability.record("File readers", "an NWB file of 382 bytes whose HDF5 object header claims a huge size " +
			"(found by fuzzing)", "IOException, nothing allocated for it: " + e.getMessage());
	}

	private static void assertClearError(final Path file) {
		final IOException e = assertThrows(IOException.class, () -> NwbUnits.read(file, 0, 0));
		assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
		Reliability.record("File readers", "a damaged NWB file (" + file.getFileName() + ")", "IOException: " + e
			.getMessage());
	}
}
