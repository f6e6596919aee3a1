package org.spiketune.random;

/**
 * The Philox-4x32-10 counter-based generator of Salmon et al. (2011), "Parallel random numbers: as easy as
 * 1, 2, 3". A block of four 32-bit words is a pure function of a 128-bit counter and a 64-bit key, so any
 * number in the simulation can be recomputed from its coordinates alone, on any thread or device.
 * <p>
 * The OpenCL kernels carry the same function ({@code philox.cl}); both must stay bit-identical.
 *
 * @implNote Stateless and thread-safe.
 */
public final class Philox4x32 {

	private static final long M0 = 0xD2511F53L;
	private static final long M1 = 0xCD9E8D57L;
	private static final int W0 = 0x9E3779B9;
	private static final int W1 = 0xBB67AE85;

	private Philox4x32() {}

	/**
	 * Computes one block of four words.
	 *
	 * @param out receives the four words, {@code out[0..3]}
	 */
	public static void block(final int c0, final int c1, final int c2, final int c3, final int k0, final int k1,
		final int[] out)
	{
		int x0 = c0, x1 = c1, x2 = c2, x3 = c3;
		int key0 = k0, key1 = k1;
		for (int round = 0; round < 10; round++) {
			final long p0 = M0 * (x0 & 0xFFFFFFFFL);
			final long p1 = M1 * (x2 & 0xFFFFFFFFL);
			final int y0 = (int) (p1 >>> 32) ^ x1 ^ key0;
			final int y2 = (int) (p0 >>> 32) ^ x3 ^ key1;
			x0 = y0;
			x1 = (int) p1;
			x2 = y2;
			x3 = (int) p0;
			key0 += W0;
			key1 += W1;
		}
		out[0] = x0;
		out[1] = x1;
		out[2] = x2;
		out[3] = x3;
	}

	/** The first word of a block, for callers that need a single number. */
	public static int word(final int c0, final int c1, final int c2, final int c3, final int k0, final int k1) {
		final int[] out = new int[4];
		block(c0, c1, c2, c3, k0, k1, out);
		return out[0];
	}
}
