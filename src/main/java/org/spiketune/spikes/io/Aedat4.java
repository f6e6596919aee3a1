package org.spiketune.spikes.io;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Polarity events from an AEDAT 4.0 file as iniVation's DV software writes it: a text magic line, an IOHeader
 * FlatBuffer (compression, data-table position, an XML description of the streams), then packets of stream id,
 * byte size and an LZ4-compressed (or uncompressed), size-prefixed FlatBuffer. Packets of type {@code EVTS} hold
 * 16-byte events {int64 t µs; int16 x; int16 y; bool on}; frames, IMU and triggers are skipped.
 *
 * @implNote The FlatBuffer tables are walked by hand with bounds checks: the few fields needed do not justify
 *           generated schema classes, and every offset read from the file is checked before it is followed.
 */
public final class Aedat4 {

	static final String MAGIC = "#!AER-DAT4.0\r\n";
	/** Larger decompressed packets than this are corruption (DV writes packets of a few MB at most). */
	static final int MAX_PACKET_BYTES = 64 << 20;
	private static final int EVENT_BYTES = 16;

	private Aedat4() {}

	/** Reads every polarity event of the file. */
	public static PolarityEvents read(final Path file) throws IOException {
		try {
			return parse(readFully(file).order(ByteOrder.LITTLE_ENDIAN), file.toString());
		}
		catch (final Malformed e) {
			throw new IOException(file + ": not a readable AEDAT 4 file: " + e.getMessage(), e);
		}
		catch (final RuntimeException e) { // a check missed: still a clear error naming the file
			throw new IOException(file + ": not a readable AEDAT 4 file: " + e, e);
		}
	}

	/** A structural problem found while parsing; turned into an IOException naming the file. */
	private static final class Malformed extends Exception {

		Malformed(final String message) {
			super(message);
		}
	}

	private static PolarityEvents parse(final ByteBuffer in, final String name) throws Malformed, IOException {
		final byte[] magic = MAGIC.getBytes(StandardCharsets.US_ASCII);
		if (in.remaining() < magic.length + 4) throw new Malformed("too short for an AEDAT 4 header");
		for (int i = 0; i < magic.length; i++) {
			if (in.get(i) != magic[i]) throw new Malformed("does not start with " + MAGIC.strip() +
				" (AEDAT 2 and 3.1 files are not read yet)");
		}
		final int headerLength = in.getInt(magic.length);
		final int headerStart = magic.length + 4;
		if (headerLength <= 0 || headerLength > in.limit() - headerStart) throw new Malformed("header length " +
			headerLength + " does not fit the file");
		final ByteBuffer header = slice(in, headerStart, headerLength);
		final int root = table(header, 0);
		final int compression = (int) scalar(header, root, 0, 4, 0);
		final long dataTable = scalar(header, root, 1, 8, -1);
		final String info = string(header, root, 2);
		final StreamInfo events = eventStream(info);
		if (compression != 0 && compression != 1 && compression != 2) throw new Malformed("compression " +
			compression + " (ZSTD) is not supported; only LZ4 and none");

		if (dataTable > in.limit()) throw new Malformed("truncated: the header places the data table at byte " +
			dataTable + " but the file has " + in.limit() + " bytes");
		final long packetsEnd = dataTable > 0 ? dataTable : in.limit(); // no table: a recording that was not closed
		int position = headerStart + headerLength;
		final Events out = new Events();
		while (position + 8 <= packetsEnd) {
			final int stream = in.getInt(position);
			final int bytes = in.getInt(position + 4);
			if (bytes < 0 || bytes > packetsEnd - position - 8) throw new Malformed("packet at byte " + position +
				" claims " + bytes + " bytes, beyond the end of the packets");
			if (stream == events.id) {
				final ByteBuffer packet = compression == 0 ? slice(in, position + 8, bytes) : decompress(in, position + 8,
					bytes);
				readEventPacket(packet, position, out);
			}
			position += 8 + bytes;
		}
		if (position != packetsEnd) throw new Malformed("file ends inside a packet header at byte " + position);
		try {
			return out.toEvents(events.width, events.height);
		}
		catch (final IllegalArgumentException e) {
			throw new Malformed(e.getMessage());
		}
	}

	private record StreamInfo(int id, int width, int height) {}

	/** The stream of type EVTS and its sensor size, from the header's XML. */
	private static StreamInfo eventStream(final String xml) throws Malformed {
		if (xml == null) throw new Malformed("header has no stream description");
		try {
			final DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			final NodeList nodes = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)))
				.getElementsByTagName("node");
			for (int i = 0; i < nodes.getLength(); i++) {
				final Element node = (Element) nodes.item(i);
				final Map<String, String> attrs = attributes(node);
				if (!"EVTS".equals(attrs.get("typeIdentifier"))) continue;
				final int id = Integer.parseInt(node.getAttribute("name"));
				final NodeList children = node.getElementsByTagName("node");
				final Map<String, String> sizes = children.getLength() > 0 ? attributes((Element) children.item(0))
					: Map.of();
				return new StreamInfo(id, Integer.parseInt(sizes.getOrDefault("sizeX", "0")), Integer.parseInt(sizes
					.getOrDefault("sizeY", "0")));
			}
		}
		catch (final Exception e) {
			throw new Malformed("stream description is not valid XML: " + e.getMessage());
		}
		throw new Malformed("no polarity-event stream (EVTS) in the file");
	}

	/** The attr children of a node (not of its sub-nodes), key to text. */
	private static Map<String, String> attributes(final Element node) {
		final Map<String, String> map = new HashMap<>();
		for (org.w3c.dom.Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element e && e.getTagName().equals("attr")) map.put(e.getAttribute("key"), e
				.getTextContent().strip());
		}
		return map;
	}

	private static ByteBuffer decompress(final ByteBuffer in, final int start, final int length) throws Malformed {
		final byte[] compressed = new byte[length];
		in.get(start, compressed);
		try {
			return ByteBuffer.wrap(Lz4Frames.decode(compressed, 0, length, MAX_PACKET_BYTES)).order(
				ByteOrder.LITTLE_ENDIAN);
		}
		catch (final IOException e) {
			throw new Malformed("packet at byte " + (start - 8) + ": " + e.getMessage());
		}
	}

	/** A size-prefixed EventPacket FlatBuffer: field 0 is the vector of 16-byte events. */
	private static void readEventPacket(final ByteBuffer packet, final int at, final Events out) throws Malformed {
		if (packet.limit() < 12) throw new Malformed("packet at byte " + at + " is too short");
		final int size = packet.getInt(0);
		if (size < 8 || size > packet.limit() - 4) throw new Malformed("packet at byte " + at + " has size prefix " +
			size + " for " + (packet.limit() - 4) + " bytes");
		final ByteBuffer buffer = slice(packet, 4, size);
		final String identifier = new String(new byte[] { buffer.get(4), buffer.get(5), buffer.get(6), buffer.get(
			7) }, StandardCharsets.US_ASCII);
		if (!identifier.equals("EVTS")) throw new Malformed("packet at byte " + at + " of the event stream holds " +
			identifier);
		final int root = table(buffer, 0);
		final int vector = vector(buffer, root, 0);
		if (vector < 0) return;
		final int count = buffer.getInt(vector);
		if (count < 0 || (long) count * EVENT_BYTES > buffer.limit() - vector - 4) throw new Malformed(
			"packet at byte " + at + " claims " + count + " events in " + (buffer.limit() - vector - 4) + " bytes");
		for (int k = 0; k < count; k++) {
			final int e = vector + 4 + k * EVENT_BYTES;
			out.add(buffer.getLong(e), buffer.getShort(e + 8), buffer.getShort(e + 10), buffer.get(e + 12) != 0);
		}
	}

	// --- FlatBuffer walking, every offset checked ---

	private static ByteBuffer slice(final ByteBuffer in, final int start, final int length) {
		return in.slice(start, length).order(ByteOrder.LITTLE_ENDIAN);
	}

	private static int checked(final ByteBuffer b, final long position, final int bytes) throws Malformed {
		if (position < 0 || position + bytes > b.limit()) throw new Malformed("offset " + position +
			" points outside its " + b.limit() + "-byte buffer");
		return (int) position;
	}

	/** The table the uoffset at {@code at} points to. */
	private static int table(final ByteBuffer b, final int at) throws Malformed {
		final int table = checked(b, at + Integer.toUnsignedLong(b.getInt(checked(b, at, 4))), 4);
		checked(b, (long) table - b.getInt(table), 4); // its vtable
		return table;
	}

	/** Position of field {@code id} in the table, or -1 when absent. */
	private static int field(final ByteBuffer b, final int table, final int id) throws Malformed {
		final int vtable = checked(b, (long) table - b.getInt(table), 4);
		final int vtableSize = Short.toUnsignedInt(b.getShort(vtable));
		checked(b, vtable, vtableSize);
		if (4 + 2 * id + 2 > vtableSize) return -1;
		final int offset = Short.toUnsignedInt(b.getShort(vtable + 4 + 2 * id));
		return offset == 0 ? -1 : checked(b, (long) table + offset, 1);
	}

	private static long scalar(final ByteBuffer b, final int table, final int id, final int bytes,
		final long absent) throws Malformed
	{
		final int at = field(b, table, id);
		if (at < 0) return absent;
		checked(b, at, bytes);
		return bytes == 8 ? b.getLong(at) : b.getInt(at);
	}

	/** Position of the length word of the vector (or string) in field {@code id}, or -1 when absent. */
	private static int vector(final ByteBuffer b, final int table, final int id) throws Malformed {
		final int at = field(b, table, id);
		if (at < 0) return -1;
		return checked(b, at + Integer.toUnsignedLong(b.getInt(checked(b, at, 4))), 4);
	}

	private static String string(final ByteBuffer b, final int table, final int id) throws Malformed {
		final int at = vector(b, table, id);
		if (at < 0) return null;
		final int length = b.getInt(at);
		checked(b, at + 4L, Math.max(0, length));
		if (length < 0) throw new Malformed("string of negative length");
		final byte[] bytes = new byte[length];
		b.get(at + 4, bytes);
		return new String(bytes, StandardCharsets.UTF_8);
	}

	/** Growing columns of events. */
	private static final class Events {

		long[] t = new long[1 << 14];
		short[] x = new short[t.length], y = new short[t.length];
		boolean[] on = new boolean[t.length];
		int n;

		void add(final long time, final short px, final short py, final boolean polarity) {
			if (n == t.length) {
				final int capacity = t.length * 2;
				t = java.util.Arrays.copyOf(t, capacity);
				x = java.util.Arrays.copyOf(x, capacity);
				y = java.util.Arrays.copyOf(y, capacity);
				on = java.util.Arrays.copyOf(on, capacity);
			}
			t[n] = time;
			x[n] = px;
			y[n] = py;
			on[n++] = polarity;
		}

		PolarityEvents toEvents(final int width, final int height) {
			return new PolarityEvents(java.util.Arrays.copyOf(t, n), java.util.Arrays.copyOf(x, n), java.util.Arrays
				.copyOf(y, n), java.util.Arrays.copyOf(on, n), width, height);
		}
	}

	/** The whole file in a heap buffer (the AEDAT readers parse from memory). */
	static ByteBuffer readFully(final Path file) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			final long size = channel.size();
			if (size > Integer.MAX_VALUE) throw new IOException(file + ": files over 2 GiB are not supported yet");
			final ByteBuffer all = ByteBuffer.allocate((int) size);
			while (all.hasRemaining() && channel.read(all) >= 0) {
				// read fully
			}
			return all.flip();
		}
	}
}
