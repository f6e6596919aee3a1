package org.spiketune.random;

import java.util.random.RandomGenerator;

/**
 * Words from consecutive Philox blocks: the counter's first three words are fixed, the fourth counts
 * blocks. Used where numbers are drawn in sequence (network construction, a sampler's slow path) rather
 * than one per coordinate.
 *
 * @implNote Mutable and not thread-safe; cheap to {@link #reset}.
 */
public final class PhiloxStream implements WordSource, RandomGenerator {

	private final int[] block = new int[4];
	private int c0, c1, c2, k0, k1;
	private int blockIndex;
	private int position = 4;

	public PhiloxStream(final long seed, final int c0, final int c1, final int c2) {
		reset(Keys.key0(seed), Keys.key1(seed), c0, c1, c2);
	}

	/** Restarts the stream at block 0 of new coordinates, without allocating. */
	public PhiloxStream reset(final int key0, final int key1, final int counter0, final int counter1,
		final int counter2)
	{
		k0 = key0;
		k1 = key1;
		c0 = counter0;
		c1 = counter1;
		c2 = counter2;
		blockIndex = 0;
		position = 4;
		return this;
	}

	@Override
	public int nextWord() {
		if (position == 4) {
			Philox4x32.block(c0, c1, c2, blockIndex++, k0, k1, block);
			position = 0;
		}
		return block[position++];
	}

	@Override
	public int nextInt() {
		return nextWord();
	}

	@Override
	public long nextLong() {
		return ((long) nextWord() << 32) | (nextWord() & 0xFFFFFFFFL);
	}

	@Override
	public double nextDouble() {
		return nextUniform();
	}

	/** An int uniform in [0, bound), unbiased (Lemire's multiply-and-reject). */
	public int nextIndex(final int bound) {
		if (bound <= 0) throw new IllegalArgumentException("bound must be positive, got " + bound);
		long m = (nextWord() & 0xFFFFFFFFL) * bound;
		long low = m & 0xFFFFFFFFL;
		if (low < bound) {
			final long threshold = (0x100000000L - bound) % bound;
			while (low < threshold) {
				m = (nextWord() & 0xFFFFFFFFL) * bound;
				low = m & 0xFFFFFFFFL;
			}
		}
		return (int) (m >>> 32);
	}
}
