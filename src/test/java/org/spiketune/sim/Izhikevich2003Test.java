package org.spiketune.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spiketune.model.Presets;
import org.spiketune.random.Keys;
import org.spiketune.sim.cpu.CpuBackend;

/**
 * The network of Izhikevich (2003): population-mean rate over 1000 ms, averaged over 5 seeds (structure and
 * noise), against an independent implementation of the paper's algorithm (SCIENCE.md): 7.6 Hz at
 * I_E = I_I = 0, 1.4 Hz at I_E = -2, 39.9 Hz at I_E = +3. Match within 10%.
 */
class Izhikevich2003Test {

	@ParameterizedTest(name = "I_E = {0}: {1} Hz")
	@CsvSource({ "0, 7.6", "-2, 1.4", "3, 39.9" })
	void populationRateMatchesTheReference(final double excitatoryBias, final double expectedHz) {
		final Simulator simulator = new Simulator(new CpuBackend(2));
		double sum = 0;
		final int seeds = 5;
		for (int seed = 1; seed <= seeds; seed++) {
			final List<Member> one = new ArrayList<>();
			one.add(Member.of(Keys.memberSeed(seed, 0), Map.of("exc.bias", excitatoryBias, "inh.bias", 0.0)));
			final SimulationRequest request = new SimulationRequest(Presets.izhikevich2003(), 1000, seed, one,
				Recording.spikesOnly());
			sum += simulator.run(request).member(0).rates().meanRateHz();
		}
		assertEquals(expectedHz, sum / seeds, 0.1 * expectedHz);
	}
}
