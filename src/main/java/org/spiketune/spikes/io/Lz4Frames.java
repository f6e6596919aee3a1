package org.spiketune.spikes.io;

import java.io.IOException;
import java.util.Arrays;

import net.jpountz.xxhash.XXHash32;
import net.jpountz.xxhash.XXHashFactory;

/**
 * Decodes LZ4 frames (the LZ4 frame format, v1.6), including frames of linked blocks, whose matches reach back
 * into earlier blocks. DV's AEDAT 4 writer produces linked blocks, which lz4-java's frame stream refuses; its
 * block decompressors cannot take the previous blocks as a prefix either, so the block format (a few lines) is
 * decoded here, every length and offset checked. Checksums are verified with lz4-java's XXHash32.
 */
final class Lz4Frames {

	private static final int MAGIC = 0x184D2204;
	private static final XXHash32 HASH = XXHashFactory.safeInstance().hash32();

	private Lz4Frames() {}

	/** The concatenated content of the frames in {@code in[from, from + length)}, at most {@code maxBytes}. */
	static byte[] decode(final byte[] in, final int from, final int length, final int maxBytes) throws IOException {
		final Reader r = new Reader(in, from, from + length);
		byte[] out = new byte[Math.min(maxBytes, Math.max(64, length * 4))];
		int size = 0;
		while (r.position < r.end) {
			if (r.int32() != MAGIC) throw new IOException("not an LZ4 frame (magic number)");
			final int flags = r.uint8();
			final int blockDescriptor = r.uint8();
			if ((flags >> 6) != 1) throw new IOException("unsupported LZ4 frame version " + (flags >> 6));
			final boolean blockChecksum = (flags & 0x10) != 0, contentSize = (flags & 0x08) != 0;
			final boolean contentChecksum = (flags & 0x04) != 0, dictionary = (flags & 0x01) != 0;
			final int maxBlock = 1 << (8 + 2 * ((blockDescriptor >> 4) & 7));
			if (((blockDescriptor >> 4) & 7) < 4) throw new IOException("invalid LZ4 block size code");
			if (contentSize) r.skip(8);
			if (dictionary) throw new IOException("LZ4 frames with an external dictionary are not supported");
			r.skip(1); // header checksum
			final int frameStart = size;
			while (true) {
				final int word = r.int32();
				if (word == 0) break; // end mark
				final int blockLength = word & 0x7FFFFFFF;
				if (blockLength > maxBlock || blockLength > r.end - r.position) throw new IOException("LZ4 block of " +
					blockLength + " bytes does not fit");
				if (size + maxBlock > out.length) {
					if (size >= maxBytes) throw new IOException("LZ4 content exceeds " + maxBytes + " bytes");
					out = Arrays.copyOf(out, (int) Math.min(maxBytes, Math.max(2L * out.length, size + (long) maxBlock)));
				}
				final int limit = Math.min(out.length, size + maxBlock);
				if ((word & 0x80000000) != 0) { // stored uncompressed
					if (size + blockLength > limit) throw new IOException("LZ4 content exceeds " + maxBytes + " bytes");
					System.arraycopy(in, r.position, out, size, blockLength);
					size += blockLength;
				}
				else {
					size = block(in, r.position, r.position + blockLength, out, size, limit);
				}
				r.skip(blockLength);
				if (blockChecksum) r.skip(4);
			}
			if (contentChecksum) {
				final int expected = r.int32();
				if (HASH.hash(out, frameStart, size - frameStart, 0) != expected) throw new IOException(
					"LZ4 content checksum mismatch");
			}
		}
		return Arrays.copyOf(out, size);
	}

	/** One block of sequences into out[at, limit); matches may reach back to out[0]. Returns the new size. */
	private static int block(final byte[] in, int p, final int end, final byte[] out, int at, final int limit)
		throws IOException
	{
		while (true) {
			if (p >= end) throw new IOException("LZ4 block ends without its last literals");
			final int token = in[p++] & 0xFF;
			int literals = token >>> 4;
			if (literals == 15) {
				int more;
				do {
					if (p >= end) throw new IOException("LZ4 literal length runs past the block");
					more = in[p++] & 0xFF;
					literals += more;
				}
				while (more == 255 && literals < limit);
			}
			if (literals > end - p || literals > limit - at) throw new IOException("LZ4 literals run past the block");
			System.arraycopy(in, p, out, at, literals);
			p += literals;
			at += literals;
			if (p == end) return at; // the last sequence has literals only
			if (end - p < 2) throw new IOException("LZ4 match offset cut off");
			final int offset = (in[p] & 0xFF) | (in[p + 1] & 0xFF) << 8;
			p += 2;
			if (offset == 0 || offset > at) throw new IOException("LZ4 match offset " + offset + " points before the data");
			int match = (token & 15) + 4;
			if ((token & 15) == 15) {
				int more;
				do {
					if (p >= end) throw new IOException("LZ4 match length runs past the block");
					more = in[p++] & 0xFF;
					match += more;
				}
				while (more == 255 && match < limit);
			}
			if (match > limit - at) throw new IOException("LZ4 match runs past the block's output");
			for (int k = 0; k < match; k++, at++) out[at] = out[at - offset]; // byte by byte: matches may overlap
		}
	}

	private static final class Reader {

		final byte[] in;
		int position;
		final int end;

		Reader(final byte[] in, final int position, final int end) {
			this.in = in;
			this.position = position;
			this.end = end;
		}

		int uint8() throws IOException {
			need(1);
			return in[position++] & 0xFF;
		}

		int int32() throws IOException {
			need(4);
			final int v = (in[position] & 0xFF) | (in[position + 1] & 0xFF) << 8 | (in[position + 2] & 0xFF) << 16 |
				(in[position + 3] & 0xFF) << 24;
			position += 4;
			return v;
		}

		void skip(final int bytes) throws IOException {
			need(bytes);
			position += bytes;
		}

		private void need(final int bytes) throws IOException {
			if (bytes > end - position) throw new IOException("LZ4 frame cut off");
		}
	}
}
