package org.spiketune.random;

/**
 * Philox-4x32-10 for a run of consecutive counters {@code (c0 + j, c1, c2, c3)}, computed lane by lane so
 * that the JIT can overlap (and partly vectorize) the blocks: about twice the throughput of calling
 * {@link Philox4x32#block} per counter, with identical words.
 *
 * @implNote Mutable scratch space; one instance per thread.
 */
public final class PhiloxLanes {

	private static final long M0 = 0xD2511F53L;
	private static final long M1 = 0xCD9E8D57L;
	private static final int W0 = 0x9E3779B9;
	private static final int W1 = 0xBB67AE85;

	private final int[] x0, x1, x2, x3;
	private final int[] words; // [4 * lane + word]
	private int first;
	private int count;

	public PhiloxLanes(final int capacity) {
		x0 = new int[capacity];
		x1 = new int[capacity];
		x2 = new int[capacity];
		x3 = new int[capacity];
		words = new int[4 * capacity];
	}

	public int capacity() {
		return x0.length;
	}

	/** Computes blocks for counters {@code c0 = first .. first + count - 1}. */
	public void compute(final int first, final int count, final int c1, final int c2, final int c3,
		final int k0, final int k1)
	{
		if (count > x0.length) throw new IllegalArgumentException(count + " lanes exceed capacity " + x0.length);
		this.first = first;
		this.count = count;
		for (int j = 0; j < count; j++) {
			x0[j] = first + j;
			x1[j] = c1;
			x2[j] = c2;
			x3[j] = c3;
		}
		int key0 = k0, key1 = k1;
		for (int round = 0; round < 10; round++) {
			for (int j = 0; j < count; j++) {
				final long p0 = M0 * (x0[j] & 0xFFFFFFFFL);
				final long p1 = M1 * (x2[j] & 0xFFFFFFFFL);
				final int y0 = (int) (p1 >>> 32) ^ x1[j] ^ key0;
				final int y2 = (int) (p0 >>> 32) ^ x3[j] ^ key1;
				x1[j] = (int) p1;
				x3[j] = (int) p0;
				x0[j] = y0;
				x2[j] = y2;
			}
			key0 += W0;
			key1 += W1;
		}
		for (int j = 0; j < count; j++) {
			words[4 * j] = x0[j];
			words[4 * j + 1] = x1[j];
			words[4 * j + 2] = x2[j];
			words[4 * j + 3] = x3[j];
		}
	}

	/** Word {@code w} (0..3) of the block with counter word 0 equal to {@code c0}, computed last. */
	public int word(final int c0, final int w) {
		final int j = c0 - first;
		if (j < 0 || j >= count || w < 0 || w > 3) {
			throw new IndexOutOfBoundsException("word " + w + " of counter " + c0 + " not computed");
		}
		return words[4 * j + w];
	}

	/**
	 * The word of item {@code index} when item i takes word {@code i & 3} of block {@code i >>> 2}: four
	 * items (neurons) per block.
	 */
	public int itemWord(final int index) {
		return words[index - 4 * first];
	}

	/**
	 * The interleaved words, {@code [4 * (c0 - firstCounter()) + word]}, for hot loops that index them
	 * directly; read-only.
	 */
	public int[] words() {
		return words;
	}

	/** Counter word 0 of the first lane computed last. */
	public int firstCounter() {
		return first;
	}
}
