package org.spiketune.random;

/** A sequence of random 32-bit words, consumed by the samplers. */
@FunctionalInterface
public interface WordSource {

	int nextWord();

	/** A double uniform in [0, 1) with 53 random bits, from two words. */
	default double nextUniform() {
		return Samplers.uniform53(nextWord(), nextWord());
	}

	/** A double uniform in (0, 1], safe to take the logarithm of. */
	default double nextUniformPositive() {
		return 1.0 - nextUniform();
	}
}
