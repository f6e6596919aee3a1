package org.spiketune.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.spiketune.model.Stimulus;

class CurrentStepsTest {

	@Test
	void runsOfEqualSamplesBecomeStepsAndZeroRunsAreLeftOut() {
		final double[] current = { 0, 0, -100, -100, -100, 0, 50, 50 };
		assertEquals(List.of(Stimulus.step("c", 1.0, 2.5, -100), Stimulus.step("c", 3.0, 4.0, 50)), CurrentSteps.of(
			"c", current, 0.5));
		assertEquals(List.of(), CurrentSteps.of("c", new double[] { 0, 0 }, 1));
	}

	@Test
	void aNoisyOrBrokenCurrentIsRefused() {
		final double[] noisy = new double[CurrentSteps.MAX_STEPS + 5];
		for (int i = 0; i < noisy.length; i++) noisy[i] = i % 2 + 1;
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CurrentSteps.of("c",
			noisy, 0.05));
		assertTrue(e.getMessage().contains("not a step protocol"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> CurrentSteps.of("c", new double[] { 1, Double.NaN }, 1));
		assertThrows(IllegalArgumentException.class, () -> CurrentSteps.of("c", new double[] { 1 }, 0));
	}
}
