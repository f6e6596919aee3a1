package org.spiketune.tune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class GenerationStatsTest {

	@Test
	void meanAndSdLeaveOutFailedMembers() {
		// 1, 2, 3, 6: mean 3, sample variance (4 + 1 + 0 + 9) / 3
		assertArrayEquals(new double[] { 3, Math.sqrt(14.0 / 3) }, GenerationStats.meanSd(new double[] { 1, 2,
			Double.MAX_VALUE, 3, 6 }, Double.MAX_VALUE), 1e-12);
		assertArrayEquals(new double[] { 0.5, Math.sqrt(0.5) }, GenerationStats.meanSd(new double[] { -Double.MAX_VALUE,
			0, 1 }, -Double.MAX_VALUE), 1e-12, "a maximized objective's worst");
		assertArrayEquals(new double[] { 4, 0 }, GenerationStats.meanSd(new double[] { 4 }, Double.MAX_VALUE), 0,
			"one member: sd 0");
		assertArrayEquals(new double[] { Double.MAX_VALUE, 0 }, GenerationStats.meanSd(new double[] { Double.MAX_VALUE,
			Double.MAX_VALUE }, Double.MAX_VALUE), 0, "all failed: the worst value, as before");
	}

	@Test
	void membersMarkedFailedAreLeftOutWhateverTheirValue() {
		// a failed member of two objectives sums to Infinity, not to the worst value
		assertArrayEquals(new double[] { 2, Math.sqrt(2) }, GenerationStats.meanSd(new double[] { 1,
			Double.POSITIVE_INFINITY, 3 }, new boolean[] { false, true, false }, Double.MAX_VALUE), 1e-12);
		assertArrayEquals(new double[] { Double.MAX_VALUE, 0 }, GenerationStats.meanSd(new double[] {
			Double.POSITIVE_INFINITY }, new boolean[] { true }, Double.MAX_VALUE), 0, "all failed");
	}
}
