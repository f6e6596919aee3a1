package org.spiketune.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** Known-answer tests of Philox-4x32-10 (Random123's kat_vectors) and the lane-wise variant. */
class PhiloxTest {

	private static int[] block(final int c0, final int c1, final int c2, final int c3, final int k0,
		final int k1)
	{
		final int[] out = new int[4];
		Philox4x32.block(c0, c1, c2, c3, k0, k1, out);
		return out;
	}

	private static int h(final String hex) {
		return Integer.parseUnsignedInt(hex, 16);
	}

	@Test
	void zeroCounterZeroKey() {
		assertArrayEquals(new int[] { h("6627e8d5"), h("e169c58d"), h("bc57ac4c"), h("9b00dbd8") }, block(0, 0, 0,
			0, 0, 0));
	}

	@Test
	void allOnes() {
		final int f = 0xffffffff;
		assertArrayEquals(new int[] { h("408f276d"), h("41c83b0e"), h("a20bc7c6"), h("6d5451fd") }, block(f, f, f,
			f, f, f));
	}

	@Test
	void piDigits() {
		assertArrayEquals(new int[] { h("d16cfe09"), h("94fdcceb"), h("5001e420"), h("24126ea1") }, block(h(
			"243f6a88"), h("85a308d3"), h("13198a2e"), h("03707344"), h("a4093822"), h("299f31d0")));
	}

	@Test
	void lanesGiveTheSameWordsAsSingleBlocks() {
		final PhiloxLanes lanes = new PhiloxLanes(64);
		lanes.compute(1000, 64, 7, 3, 9, 0x12345678, 0x9abcdef0);
		for (int j = 0; j < 64; j++) {
			final int[] expected = block(1000 + j, 7, 3, 9, 0x12345678, 0x9abcdef0);
			for (int w = 0; w < 4; w++) {
				assertEquals(expected[w], lanes.word(1000 + j, w));
				assertEquals(expected[w], lanes.itemWord(4 * (1000 + j) + w));
			}
		}
	}

	@Test
	void streamCountsTheFourthCounterWord() {
		final PhiloxStream stream = new PhiloxStream(0x0123456789abcdefL, 5, 6, 7);
		for (int b = 0; b < 3; b++) {
			final int[] expected = block(5, 6, 7, b, Keys.key0(0x0123456789abcdefL), Keys.key1(0x0123456789abcdefL));
			for (int w = 0; w < 4; w++) assertEquals(expected[w], stream.nextWord());
		}
	}

	@Test
	void memberSeedsDifferAndAreStable() {
		assertEquals(Keys.memberSeed(42, 3), Keys.memberSeed(42, 3));
		assertNotEquals(Keys.memberSeed(42, 3), Keys.memberSeed(42, 4));
		assertNotEquals(Keys.memberSeed(42, 3), Keys.memberSeed(43, 3));
	}

	@Test
	void boundedIndexIsUniform() {
		final PhiloxStream stream = new PhiloxStream(9, 0, 0, 0);
		final int bound = 7, n = 70_000;
		final int[] counts = new int[bound];
		for (int i = 0; i < n; i++) counts[stream.nextIndex(bound)]++;
		double chi2 = 0;
		for (final int c : counts) chi2 += Math.pow(c - n / (double) bound, 2) / (n / (double) bound);
		// 6 degrees of freedom: P(chi2 > 22.46) = 0.001
		assertEquals(0, chi2, 22.46, "chi-square of 7 equally likely indices");
	}
}
