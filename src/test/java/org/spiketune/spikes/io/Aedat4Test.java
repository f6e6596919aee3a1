package org.spiketune.spikes.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.spiketune.Reliability;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spiketune.spikes.SpikeTrains;
import org.spiketune.spikes.TestData;

/** The DAVIS346 recording against test-data/aestream-davis346-aedat4/ORACLES.md. */
class Aedat4Test {

	private static final Path FILE = TestData.file("aestream-davis346-aedat4", "davis.aedat4");
	private static PolarityEvents events;

	@BeforeAll
	static void read() throws IOException {
		events = Aedat4.read(FILE);
	}

	@Test
	void totalsAndChecksums() {
		assertEquals(117_667, events.size());
		assertEquals(72_363, events.onCount());
		assertEquals(346, events.width());
		assertEquals(260, events.height());
		final long first = events.timesUs()[0];
		long sumDt = 0, sumX = 0, sumY = 0;
		int minX = Integer.MAX_VALUE, maxX = 0, minY = Integer.MAX_VALUE, maxY = 0;
		for (int k = 0; k < events.size(); k++) {
			sumDt += events.timesUs()[k] - first;
			sumX += events.x()[k];
			sumY += events.y()[k];
			minX = Math.min(minX, events.x()[k]);
			maxX = Math.max(maxX, events.x()[k]);
			minY = Math.min(minY, events.y()[k]);
			maxY = Math.max(maxY, events.y()[k]);
			if (k > 0) assertTrue(events.timesUs()[k] >= events.timesUs()[k - 1], "non-decreasing at " + k);
		}
		assertEquals(7_327_758_848L, sumDt);
		assertEquals(17_676_033L, sumX);
		assertEquals(10_498_046L, sumY);
		assertEquals(List.of(0, 345, 0, 259), List.of(minX, maxX, minY, maxY));
		final int last = events.size() - 1;
		assertEquals(1633953690975950L, first);
		assertEquals(129_999, events.timesUs()[last] - first);
		assertEquals(List.of(1633953691105949L, 137, 56, false), List.of(events.timesUs()[last], (int) events.x()[last],
			(int) events.y()[last], events.on()[last]));
	}

	@Test
	void firstTwoThousandEventsMatchTheIndependentDecoder() throws IOException {
		final List<String> rows = Files.readAllLines(TestData.file("aestream-davis346-aedat4",
			"davis_first2000_polarity_events.csv"));
		assertEquals("t_us,x,y,polarity_on", rows.get(0));
		assertEquals(2001, rows.size());
		for (int k = 0; k < 2000; k++) {
			final String[] f = rows.get(k + 1).split(",");
			assertEquals(Long.parseLong(f[0]), events.timesUs()[k], "t of event " + k);
			assertEquals(Integer.parseInt(f[1]), events.x()[k], "x of event " + k);
			assertEquals(Integer.parseInt(f[2]), events.y()[k], "y of event " + k);
			assertEquals(f[3].equals("1"), events.on()[k], "polarity of event " + k);
		}
	}

	@Test
	void eventsBecomeTrainsPerPixelAndPolarity() {
		final SpikeTrains trains = events.toSpikeTrains();
		assertEquals(2 * 346 * 260, trains.size());
		assertEquals(117_667, trains.totalCount());
		final int firstTrain = 2 * (15 * 346 + 218) + 1;
		assertEquals("218,15,on", trains.label(firstTrain));
		assertEquals(0, trains.times(firstTrain)[0], 0);
		assertEquals(130, trains.stopMs(), 0);
	}

	@Test
	void cropKeepsTheRegionsEventsAndDownsampleMergesPixels() throws IOException {
		final PolarityEvents region = events.crop(100, 50, 40, 30);
		int inside = 0;
		for (int k = 0; k < events.size(); k++) {
			if (events.x()[k] >= 100 && events.x()[k] < 140 && events.y()[k] >= 50 && events.y()[k] < 80) inside++;
		}
		assertTrue(inside > 1000, "the region is active: " + inside);
		assertEquals(inside, region.size());
		assertEquals(40, region.width());
		assertEquals(30, region.height());
		final long origin = events.timesUs()[0];
		final SpikeTrains trains = region.toSpikeTrains(origin);
		assertEquals(2 * 40 * 30, trains.size());
		assertEquals(inside, trains.totalCount());
		assertEquals((region.timesUs()[0] - origin) / 1000.0, Arrays.stream(trains.timesFromStart()).flatMapToDouble(
			Arrays::stream).min().orElseThrow(), 1e-9, "the recording's time base is kept");
		assertEquals(events.size(), events.crop(0, 0, 346, 260).size());

		final PolarityEvents coarse = events.downsample(4);
		assertEquals(87, coarse.width());
		assertEquals(65, coarse.height());
		assertEquals(events.size(), coarse.size());
		assertEquals(events.x()[0] / 4, coarse.x()[0]);
		assertEquals(events.onCount(), coarse.onCount());

		assertTrue(assertThrows(IllegalArgumentException.class, () -> events.crop(340, 0, 10, 10)).getMessage()
			.contains("does not fit the 346 x 260 sensor"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> events.downsample(0)).getMessage().contains(
			"factor must be >= 1"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> region.toSpikeTrains(origin + 100_000_000L))
			.getMessage().contains("precedes the origin"));
		assertEquals(events.size(), SpikeFiles.readEvents(FILE).size());
		assertTrue(assertThrows(IOException.class, () -> SpikeFiles.readEvents(TestData.file("pyspike-testdata",
			"PySpike_testdata.txt"))).getMessage().contains("not an AEDAT event recording"));
	}

	@Test
	void truncatedCorruptedAndForeignFilesGiveClearErrors(@TempDir final Path dir) throws IOException {
		final byte[] bytes = Files.readAllBytes(FILE);
		for (final int length : new int[] { 0, 10, 20, 3126, 3200, bytes.length / 2 }) {
			final Path file = dir.resolve("cut" + length + ".aedat4");
			Files.write(file, Arrays.copyOf(bytes, length));
			final IOException e = assertThrows(IOException.class, () -> Aedat4.read(file), "cut at " + length);
			assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
			Reliability.record("File readers", "AEDAT 4 file cut at " + length + " bytes", "IOException: " + e
				.getMessage());
		}
		final Path aedat2 = dir.resolve("old.aedat");
		Files.writeString(aedat2, "#!AER-DAT2.0\r\n# old\r\n");
		assertTrue(assertThrows(IOException.class, () -> Aedat4.read(aedat2)).getMessage().contains("AEDAT 2"));
		final SplittableRandom random = new SplittableRandom(2);
		for (int trial = 0; trial < 40; trial++) {
			final byte[] corrupted = bytes.clone();
			for (int k = 0; k < 16; k++) corrupted[random.nextInt(corrupted.length)] = (byte) random.nextInt();
			final Path file = dir.resolve("corrupted" + trial + ".aedat4");
			Files.write(file, corrupted);
			try {
				Aedat4.read(file); // frame or IMU bytes are not read, so some corruptions pass
			}
			catch (final IOException e) {
				assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
			}
		}
	}
}
