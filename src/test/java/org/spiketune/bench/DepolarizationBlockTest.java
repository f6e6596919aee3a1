package org.spiketune.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The finding the bench tool prints: under a strong steady excitatory conductance an RS neuron blocks in the
 * continuous model, in the linearly implicit step and in the simulator, while explicit Euler at 0.5 ms (as
 * CARLsim steps v) runs away; under a weak one all fire alike.
 */
class DepolarizationBlockTest {

	@Test
	void strongConductanceBlocksExceptUnderExplicitEuler() {
		assertEquals(0, DepolarizationBlock.rate(20, 0.001, false), "continuous model");
		assertEquals(0, DepolarizationBlock.rate(20, 0.5, true), "linearly implicit step");
		assertEquals(0, DepolarizationBlock.simulated(20), "the simulator");
		assertTrue(DepolarizationBlock.rate(20, 0.5, false) > 1000, "explicit Euler at 0.5 ms runs away");
	}

	@Test
	void weakConductanceFiresAlikeInEveryMethod() {
		final double continuous = DepolarizationBlock.rate(1, 0.001, false);
		assertTrue(continuous > 100 && continuous < 140, "continuous " + continuous);
		for (final double rate : new double[] { DepolarizationBlock.rate(1, 0.5, false), DepolarizationBlock.rate(1,
			0.5, true), DepolarizationBlock.simulated(1) })
		{
			assertEquals(continuous, rate, 0.15 * continuous);
		}
	}
}
