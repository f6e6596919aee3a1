package org.spiketune.spikes.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.spiketune.Reliability;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spiketune.spikes.SpikeTrains;
import org.spiketune.spikes.TestData;

/**
 * AEDAT 2.0 and 3.1: the first 2000 events of the real DAVIS346 recording, encoded here from the format
 * documentation (with frame/IMU records, invalid events and a foreign packet mixed in), must come back
 * exactly; truncated and corrupted files must fail with a message naming the problem.
 */
class AedatLegacyTest {

	private static final int N = 2000;
	private static long[] t;
	private static int[] x, y;
	private static boolean[] on;

	@TempDir
	Path dir;

	@BeforeAll
	static void readTheFirstEvents() throws IOException {
		final List<String> lines = Files.readAllLines(TestData.file("aestream-davis346-aedat4",
			"davis_first2000_polarity_events.csv"));
		t = new long[N];
		x = new int[N];
		y = new int[N];
		on = new boolean[N];
		for (int k = 0; k < N; k++) {
			final String[] f = lines.get(k + 1).split(",");
			t[k] = Long.parseLong(f[0]);
			x[k] = Integer.parseInt(f[1]);
			y[k] = Integer.parseInt(f[2]);
			on[k] = f[3].equals("1");
		}
	}

	/** jAER's layout: big-endian {address, t}; a frame sample and an IMU word before every 100th event. */
	static byte[] aedat2(final String chip, final long[] times) {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(("#!AER-DAT2.0\r\n# This is a raw AE data file - do not edit\r\n# AEChip: " + chip +
			"\r\n# created Mon Oct 11 12:01:30 CEST 2021\r\n").getBytes(StandardCharsets.US_ASCII));
		final ByteBuffer record = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN);
		for (int k = 0; k < times.length; k++) {
			if (k % 100 == 0) {
				out.writeBytes(record.clear().putInt(0x8000_0000 | (5 << 22) | (7 << 12)).putInt((int) times[k]).array());
				out.writeBytes(record.clear().putInt(0x0000_0C00).putInt((int) times[k]).array());
			}
			final int address = (y[k] << 22) | (x[k] << 12) | (on[k] ? 1 << 11 : 0);
			out.writeBytes(record.clear().putInt(address).putInt((int) times[k]).array());
		}
		return out.toByteArray();
	}

	/** cAER's layout: polarity packets of 1200 and 800 events (the second with overflow 1), a frame packet between. */
	static byte[] aedat31(final int[] invalid) {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(("#!AER-DAT3.1\r\n#Format: RAW\r\n#Source 1: DAVIS346B\r\n#Start-Time: 2021-10-11\r\n" +
			"#!END-HEADER\r\n").getBytes(StandardCharsets.US_ASCII));
		packet(out, 0, 1200, 0, invalid);
		final ByteBuffer frame = ByteBuffer.allocate(28 + 3 * 40).order(ByteOrder.LITTLE_ENDIAN);
		frame.putShort((short) 2).putShort((short) 1).putInt(40).putInt(12).putInt(0).putInt(3).putInt(3).putInt(3);
		out.writeBytes(frame.array());
		packet(out, 1200, N, 1, invalid);
		return out.toByteArray();
	}

	private static void packet(final ByteArrayOutputStream out, final int from, final int to, final int overflow,
		final int[] invalid)
	{
		final int n = to - from;
		final ByteBuffer b = ByteBuffer.allocate(28 + 8 * n).order(ByteOrder.LITTLE_ENDIAN);
		int valid = 0;
		for (int k = from; k < to; k++) if (Arrays.binarySearch(invalid, k) < 0) valid++;
		b.putShort((short) 1).putShort((short) 1).putInt(8).putInt(4).putInt(overflow).putInt(n).putInt(n).putInt(
			valid);
		for (int k = from; k < to; k++) {
			final int validBit = Arrays.binarySearch(invalid, k) < 0 ? 1 : 0;
			b.putInt((x[k] << 17) | (y[k] << 2) | (on[k] ? 2 : 0) | validBit).putInt((int) (t[k] - t[0]));
		}
		out.writeBytes(b.array());
	}

	private Path write(final String name, final byte[] bytes) throws IOException {
		final Path file = dir.resolve(name);
		Files.write(file, bytes);
		return file;
	}

	private static long[] relative() {
		final long[] r = new long[N];
		for (int k = 0; k < N; k++) r[k] = t[k] - t[0];
		return r;
	}

	/**
	 * The DVS128 layout (jAER's Tmpdiff128): 16-bit address, x mirrored in bits 1–7, y in 8–14, bit 0 set for
	 * off; the events' coordinates are taken modulo 128 and a sync event (bit 15) precedes every 100th.
	 */
	@Test
	void aedat2FromADvs128UsesItsOwnAddressLayout() throws IOException {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(("#!AER-DAT2.0\r\n# AEChip: ch.unizh.ini.jaer.chip.retina.DVS128\r\n").getBytes(
			StandardCharsets.US_ASCII));
		final ByteBuffer record = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN);
		final long[] times = relative();
		for (int k = 0; k < N; k++) {
			if (k % 100 == 0) out.writeBytes(record.clear().putInt(0x8000 | 0x1234).putInt((int) times[k]).array());
			final int address = ((y[k] % 128) << 8) | ((127 - x[k] % 128) << 1) | (on[k] ? 0 : 1);
			out.writeBytes(record.clear().putInt(address).putInt((int) times[k]).array());
		}
		final PolarityEvents events = AedatLegacy.read(write("dvs128.aedat", out.toByteArray()));
		assertEquals(N, events.size(), "sync events are skipped");
		assertEquals(128, events.width());
		assertEquals(128, events.height());
		for (int k = 0; k < N; k++) {
			assertEquals(x[k] % 128, events.x()[k], "x of event " + k);
			assertEquals(y[k] % 128, events.y()[k], "y of event " + k);
			assertEquals(on[k], events.on()[k], "polarity of event " + k);
			assertEquals(times[k], events.timesUs()[k], "t of event " + k);
		}
	}

	@Test
	void aedat2GivesBackEveryPolarityEventOfTheDavis346() throws IOException {
		final PolarityEvents events = AedatLegacy.read(write("davis.aedat", aedat2(
			"eu.seebetter.ini.chips.davis.Davis346B", relative())));
		assertEquals(N, events.size(), "frame and IMU records are skipped");
		assertEquals(346, events.width());
		assertEquals(260, events.height());
		assertArrayEquals(relative(), events.timesUs());
		for (int k = 0; k < N; k++) {
			assertEquals(x[k], events.x()[k]);
			assertEquals(y[k], events.y()[k]);
			assertEquals(on[k], events.on()[k]);
		}
	}

	@Test
	void aedat2TimestampsThatWrapAroundAreUnwrapped() throws IOException {
		final long[] times = relative();
		final long near = (1L << 32) - 50_000; // the 32-bit counter wraps 50 ms into the recording
		for (int k = 0; k < N; k++) times[k] = (times[k] + near) & 0xFFFF_FFFFL;
		final PolarityEvents events = AedatLegacy.read(write("wrap.aedat", aedat2("Davis346", times)));
		for (int k = 0; k < N; k++) assertEquals(relative()[k] + near, events.timesUs()[k], "event " + k);
	}

	@Test
	void aedat31SkipsInvalidEventsAndForeignPacketsAndAppliesTheOverflow() throws IOException {
		final int[] invalid = { 3, 1500 };
		final PolarityEvents events = AedatLegacy.read(write("davis.aedat", aedat31(invalid)));
		assertEquals(N - invalid.length, events.size());
		assertEquals(346, events.width());
		int j = 0;
		for (int k = 0; k < N; k++) {
			if (Arrays.binarySearch(invalid, k) >= 0) continue;
			final long expected = (k >= 1200 ? 1L << 31 : 0) | (t[k] - t[0]);
			assertEquals(expected, events.timesUs()[j], "event " + k);
			assertEquals(x[k], events.x()[j]);
			assertEquals(y[k], events.y()[j]);
			assertEquals(on[k], events.on()[j]);
			j++;
		}
	}

	@Test
	void spikeFilesReadsBothVersionsAsTrainsPerPixelAndPolarity() throws IOException {
		final Path v2 = write("two.aedat", aedat2("Davis346", relative()));
		final Path v31 = write("three.aedat", aedat31(new int[0]));
		assertEquals(SpikeFiles.Format.AEDAT_LEGACY, SpikeFiles.formatOf(v2));
		assertEquals(SpikeFiles.Format.AEDAT_LEGACY, SpikeFiles.formatOf(v31));
		final SpikeTrains trains = SpikeFiles.read(v2, 0, 0, 0);
		assertEquals(N, trains.totalCount());
		final int pixel = java.util.stream.IntStream.range(0, trains.size()).filter(i -> trains.label(i).equals(x[0] +
			"," + y[0] + (on[0] ? ",on" : ",off"))).findFirst().orElseThrow();
		assertEquals(0, trains.times(pixel)[0], 1e-12);
		assertEquals(N, SpikeFiles.read(v31, 0, 0, 0).totalCount());
	}

	@Test
	void truncatedAndCorruptedFilesFailNamingTheProblem() throws IOException {
		final byte[] two = aedat2("Davis346", relative());
		assertMessage(Arrays.copyOf(two, two.length - 3), "partial record");
		final byte[] three = aedat31(new int[0]);
		assertMessage(Arrays.copyOf(three, three.length - 100), "truncated");
		final int firstPacket = new String(three, StandardCharsets.ISO_8859_1).indexOf("#!END-HEADER\r\n") + 14;
		final byte[] hugeCapacity = three.clone();
		ByteBuffer.wrap(hugeCapacity).order(ByteOrder.LITTLE_ENDIAN).putInt(firstPacket + 16, Integer.MAX_VALUE);
		assertMessage(hugeCapacity, "announces"); // a size field never makes the reader allocate beyond the file
		final byte[] moreThanCapacity = three.clone();
		ByteBuffer.wrap(moreThanCapacity).order(ByteOrder.LITTLE_ENDIAN).putInt(firstPacket + 20, 5000);
		assertMessage(moreThanCapacity, "impossible header");
		final byte[] noEnd = new String(three, StandardCharsets.ISO_8859_1).replace("#!END-HEADER", "#!END-HEADEX")
			.getBytes(StandardCharsets.ISO_8859_1);
		assertMessage(noEnd, "END-HEADER");
		assertMessage("#!AER-DAT1.0\r\nxxxx".getBytes(StandardCharsets.US_ASCII), "not #!AER-DAT2.0");
		assertMessage(new byte[] { '#', '!', 'A' }, "does not end");
		final byte[] outside = aedat2("Davis240", relative()); // x up to 345 on a 240-wide sensor
		assertMessage(outside, "outside the 240 x 180 sensor");
	}

	private void assertMessage(final byte[] bytes, final String fragment) throws IOException {
		final Path file = write("bad.aedat", bytes);
		final IOException e = assertThrows(IOException.class, () -> AedatLegacy.read(file));
		assertTrue(e.getMessage().contains(fragment) && e.getMessage().contains("bad.aedat"), e.getMessage());
		Reliability.record("File readers", "a damaged AEDAT 2/3.1 file (" + fragment + ")", "IOException: " + e
			.getMessage());
	}
}
