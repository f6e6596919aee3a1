package org.spiketune.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.spiketune.img.V1Figures;
import org.spiketune.model.CarlsonV1;
import org.spiketune.model.GratingPhase;
import org.spiketune.sim.Simulator;
import org.spiketune.sim.cpu.CpuBackend;

/**
 * The study's tuning reproduced at reduced scale (issue 7): the parameters the evolution strategy found for the
 * 16×16 network with NMDA and GABA-B ({@link CarlsonV1#tunedWithSlowReceptors(int)}), retrained in a new network
 * (one of the stability analysis's runs, bench/README.md), give four output neurons that prefer four
 * orientations at about the study's 60 Hz, well tuned by its cutoffs (15 / 950 / 50), and none in
 * depolarization block, with sine and with cosine gratings. Not every network is (3 of 10 with sine gratings,
 * 2 of 10 with cosine ones), so this one is named by its seed; it is well tuned with both.
 */
class V1TunedWithSlowReceptorsIT {

	private static final long WELL_TUNED_RUN = -4327252827158612380L;

	@ParameterizedTest
	@EnumSource(GratingPhase.class)
	void aNetworkTrainedWithTheTunedParametersIsWellTuned(final GratingPhase phase) {
		final V1Study.Settings settings = new V1Study.Settings(16, 20, 1, 8, 0, true, phase);
		final V1Study.Trial trial = V1Study.trials(new Simulator(new CpuBackend()), settings, CarlsonV1
			.tunedWithSlowReceptors(settings.side()), WELL_TUNED_RUN).get(0);
		final List<V1Study.Neuron> neurons = trial.neurons(settings);
		final String described = V1Figures.describe(trial.fitness()) + "\n" + V1Figures.describeNeurons(neurons);
		System.out.println(described);
		assertTrue(trial.fitness().wellTuned(), "well tuned by the study's cutoffs:\n" + described);
		assertEquals(4, java.util.Arrays.stream(trial.fitness().preferred()).distinct().count(),
			"four preferred orientations:\n" + described);
		for (final V1Study.Neuron n : neurons) {
			assertTrue(n.peakHz() >= 40, "every neuron fires near the study's 60 Hz at its best angle:\n" + described);
			assertTrue(!n.blocked(), "none in depolarization block:\n" + described);
		}
	}
}
