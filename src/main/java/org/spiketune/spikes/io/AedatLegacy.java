package org.spiketune.spikes.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Polarity events from the two AEDAT versions before 4.0 (iniVation's format documentation):
 * <ul>
 * <li><b>AEDAT 2.0</b> (jAER): {@code #} header lines, then big-endian records {int32 address; int32 t µs}.
 * Addresses are decoded with the DAVIS layout (DAVIS240/346/640): a polarity event has bits 31 and 10
 * clear, y in bits 22–30, x in bits 12–21, polarity (1 = on) in bit 11; y counts from the bottom row, as
 * jAER writes it. Other event kinds (frame samples, IMU, external inputs) are skipped. The 32-bit
 * timestamps are unwrapped. Files whose header names a DVS128 use its 16-bit layout (jAER's Tmpdiff128
 * extractor): bit 15 or 31 marks a special (sync) event, x = 127 − bits 1–7, y = bits 8–14, on when bit 0
 * is clear.</li>
 * <li><b>AEDAT 3.1</b> (cAER): {@code #} header lines up to {@code #!END-HEADER}, then packets of a
 * little-endian 28-byte header {int16 type; int16 source; int32 eventSize; int32 tsOffset; int32
 * tsOverflow; int32 capacity; int32 number; int32 valid} and {@code capacity × eventSize} bytes of events.
 * Polarity packets (type 1) hold 8-byte events {uint32 data; int32 t µs}: bit 0 valid, bit 1 polarity, y
 * in bits 2–16, x in bits 17–31; the time is {@code tsOverflow << 31 | t}. Invalid events and other
 * packet types are skipped.</li>
 * </ul>
 * The sensor size comes from the chip named in the header (DVS128, DAVIS240, DAVIS346, DAVIS640) or else from
 * the largest coordinates seen.
 */
public final class AedatLegacy {

	static final String MAGIC_2 = "#!AER-DAT2.0", MAGIC_31 = "#!AER-DAT3.1";
	private static final String END_HEADER_31 = "#!END-HEADER";
	private static final int PACKET_HEADER_BYTES = 28, POLARITY_TYPE = 1, POLARITY_BYTES = 8;
	/** Headers longer than this are not headers (real ones are a few kB). */
	private static final int MAX_HEADER_BYTES = 1 << 20;

	private AedatLegacy() {}

	/** Reads every polarity event of an AEDAT 2.0 or 3.1 file. */
	public static PolarityEvents read(final Path file) throws IOException {
		final ByteBuffer all = Aedat4.readFully(file);
		try {
			return parse(all);
		}
		catch (final IllegalArgumentException | IndexOutOfBoundsException e) {
			throw new IOException(file + ": not a readable AEDAT 2.0/3.1 file: " + e.getMessage(), e);
		}
	}

	static PolarityEvents parse(final ByteBuffer data) {
		final String first = line(data);
		if (first.startsWith(MAGIC_2)) return parse2(data, first);
		if (first.startsWith(MAGIC_31)) return parse31(data, first);
		throw new IllegalArgumentException("it starts with '" + printable(first) + "', not " + MAGIC_2 + " or " +
			MAGIC_31);
	}

	private static PolarityEvents parse2(final ByteBuffer data, final String magic) {
		final StringBuilder header = new StringBuilder(magic);
		while (data.hasRemaining() && data.get(data.position()) == '#') header.append('\n').append(line(data));
		final Sensor sensor = Sensor.named(header.toString());
		data.order(ByteOrder.BIG_ENDIAN);
		if (data.remaining() % 8 != 0) {
			throw new IllegalArgumentException("the event data ends with a partial record (" + data.remaining() % 8 +
				" of 8 bytes): the file is truncated");
		}
		final Events events = new Events(data.remaining() / 8);
		long wraps = 0, previous = -1;
		while (data.hasRemaining()) {
			final int address = data.getInt();
			final long t = Integer.toUnsignedLong(data.getInt());
			if (previous >= 0 && t < previous && previous - t > 1L << 31) wraps += 1L << 32;
			previous = t;
			if (sensor.dvs128()) {
				if ((address & 0x8000_8000) != 0) continue; // sync or other special event
				events.add(wraps + t, 127 - ((address & 0xFE) >>> 1), (address & 0x7F00) >>> 8, (address & 1) == 0);
				continue;
			}
			if ((address & 0x8000_0000) != 0 || (address & 0x400) != 0) continue; // frame sample, IMU, external
			events.add(wraps + t, (address >>> 12) & 0x3FF, (address >>> 22) & 0x1FF, (address & 0x800) != 0);
		}
		return events.build(sensor);
	}

	private static PolarityEvents parse31(final ByteBuffer data, final String magic) {
		final StringBuilder header = new StringBuilder(magic);
		boolean ended = false;
		while (data.hasRemaining() && data.get(data.position()) == '#') {
			final String l = line(data);
			header.append('\n').append(l);
			if (l.startsWith(END_HEADER_31)) {
				ended = true;
				break;
			}
		}
		if (!ended) throw new IllegalArgumentException("the header has no " + END_HEADER_31 + " line");
		final Sensor sensor = Sensor.named(header.toString());
		data.order(ByteOrder.LITTLE_ENDIAN);
		final Events events = new Events(Math.max(16, data.remaining() / POLARITY_BYTES));
		int packet = 0;
		while (data.hasRemaining()) {
			if (data.remaining() < PACKET_HEADER_BYTES) {
				throw new IllegalArgumentException("packet " + packet + " has a partial header (" + data.remaining() +
					" of 28 bytes): the file is truncated");
			}
			final int type = data.getShort();
			data.getShort(); // source
			final int size = data.getInt(), tsOffset = data.getInt(), tsOverflow = data.getInt(), capacity = data
				.getInt(), number = data.getInt(), valid = data.getInt();
			if (size <= 0 || capacity < 0 || number < 0 || number > capacity || valid < 0 || valid > number ||
				tsOffset < 0 || tsOffset + 4 > size || tsOverflow < 0)
			{
				throw new IllegalArgumentException(String.format(Locale.ROOT,
					"packet %d has an impossible header (type %d, event size %d, timestamp offset %d, overflow %d, capacity %d, number %d, valid %d)",
					packet, type, size, tsOffset, tsOverflow, capacity, number, valid));
			}
			final long bytes = (long) size * capacity;
			if (bytes > data.remaining()) {
				throw new IllegalArgumentException("packet " + packet + " announces " + bytes + " bytes of events but " +
					data.remaining() + " remain: the file is truncated");
			}
			final int start = data.position();
			if (type == POLARITY_TYPE) {
				if (size != POLARITY_BYTES || tsOffset != 4) {
					throw new IllegalArgumentException("polarity packet " + packet + " has " + size +
						"-byte events with the timestamp at " + tsOffset + "; AEDAT 3.1 polarity events are 8 bytes, time at 4");
				}
				for (int k = 0; k < number; k++) {
					final int word = data.getInt(start + k * POLARITY_BYTES);
					if ((word & 1) == 0) continue;
					final long t = ((long) tsOverflow << 31) | (data.getInt(start + k * POLARITY_BYTES + 4) & 0x7FFF_FFFFL);
					events.add(t, (word >>> 17) & 0x7FFF, (word >>> 2) & 0x7FFF, (word & 2) != 0);
				}
			}
			data.position(start + (int) bytes);
			packet++;
		}
		return events.build(sensor);
	}

	/** One header line without its line end; fails when no line end comes within the header limit. */
	private static String line(final ByteBuffer data) {
		final int start = data.position();
		final int limit = Math.min(data.limit(), start + MAX_HEADER_BYTES);
		for (int i = start; i < limit; i++) {
			if (data.get(i) == '\n') {
				final byte[] bytes = new byte[i - start];
				data.get(bytes);
				data.get(); // the '\n'
				final String s = new String(bytes, StandardCharsets.ISO_8859_1);
				return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
			}
		}
		throw new IllegalArgumentException("a header line at byte " + start + " does not end");
	}

	private static String printable(final String s) {
		final String t = s.length() > 20 ? s.substring(0, 20) : s;
		return t.replaceAll("[^\\x20-\\x7E]", "?");
	}

	/**
	 * The sensor size the header names, or 0 × 0 when it names none; {@code dvs128} selects the DVS128's
	 * AEDAT 2.0 address layout.
	 */
	private record Sensor(int width, int height, boolean dvs128) {

		static Sensor named(final String header) {
			final String h = header.toUpperCase(Locale.ROOT);
			if (h.contains("DVS128")) return new Sensor(128, 128, true);
			if (h.contains("DAVIS346")) return new Sensor(346, 260, false);
			if (h.contains("DAVIS240")) return new Sensor(240, 180, false);
			if (h.contains("DAVIS640")) return new Sensor(640, 480, false);
			return new Sensor(0, 0, false);
		}
	}

	/** Growing columns of events. */
	private static final class Events {

		private long[] t;
		private short[] x, y;
		private boolean[] on;
		private int n, maxX = -1, maxY = -1;

		Events(final int expected) {
			final int capacity = Math.max(16, Math.min(expected, 1 << 24));
			t = new long[capacity];
			x = new short[capacity];
			y = new short[capacity];
			on = new boolean[capacity];
		}

		void add(final long time, final int px, final int py, final boolean positive) {
			if (n == t.length) {
				final int capacity = Math.max(16, 2 * n);
				t = Arrays.copyOf(t, capacity);
				x = Arrays.copyOf(x, capacity);
				y = Arrays.copyOf(y, capacity);
				on = Arrays.copyOf(on, capacity);
			}
			if (px > Short.MAX_VALUE || py > Short.MAX_VALUE) {
				throw new IllegalArgumentException("event " + n + " lies at (" + px + ", " + py + "), beyond any sensor");
			}
			t[n] = time;
			x[n] = (short) px;
			y[n] = (short) py;
			on[n] = positive;
			maxX = Math.max(maxX, px);
			maxY = Math.max(maxY, py);
			n++;
		}

		PolarityEvents build(final Sensor sensor) {
			final int width = sensor.width() > 0 ? sensor.width() : Math.max(1, maxX + 1);
			final int height = sensor.height() > 0 ? sensor.height() : Math.max(1, maxY + 1);
			if (maxX >= width || maxY >= height) {
				throw new IllegalArgumentException("an event lies at x " + maxX + " or y " + maxY + ", outside the " +
					width + " x " + height + " sensor the header names");
			}
			return new PolarityEvents(Arrays.copyOf(t, n), Arrays.copyOf(x, n), Arrays.copyOf(y, n), Arrays.copyOf(on,
				n), width, height);
		}
	}
}
