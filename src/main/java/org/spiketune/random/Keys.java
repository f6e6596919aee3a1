package org.spiketune.random;

/**
 * Turns 64-bit seeds into Philox keys and names the counter streams, so that every random number in a
 * simulation has fixed coordinates: key = the member's seed; counter = (index, step, stream, extra).
 */
public final class Keys {

	/** Counter word 2 of the per-step Gaussian input noise. */
	public static final int STREAM_NOISE = 1;
	/** Counter word 2 of Poisson source spikes. */
	public static final int STREAM_POISSON = 2;
	/** Counter word 2 of the random numbers an optimizer draws in one generation. */
	public static final int STREAM_EVOLUTION = 32;
	/** Counter word 2 of per-neuron parameter draws when a network is built. */
	public static final int STREAM_NEURON_PARAMETERS = 16;
	/** Counter word 2 of projection {@code p}'s connectivity is {@code STREAM_PROJECTIONS + 4p + part}. */
	public static final int STREAM_PROJECTIONS = 1 << 20;
	/**
	 * Set in counter word 2 for the rare extra words a sampler's slow path needs; keeps them disjoint from the
	 * fast-path blocks.
	 */
	public static final int SLOW_PATH_BIT = 1 << 31;

	private Keys() {}

	/** Low half of a seed: key word 0. */
	public static int key0(final long seed) {
		return (int) seed;
	}

	/** High half of a seed: key word 1. */
	public static int key1(final long seed) {
		return (int) (seed >>> 32);
	}

	/**
	 * The seed of member {@code index} of a run seeded with {@code runSeed} (SplitMix64 finalizer): distinct,
	 * well mixed seeds from consecutive indices.
	 */
	public static long memberSeed(final long runSeed, final int index) {
		return mix64(runSeed + 0x9E3779B97F4A7C15L * (index + 1L));
	}

	/** SplitMix64's output function (Steele, Lea, Flood 2014). */
	public static long mix64(long z) {
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}
}
