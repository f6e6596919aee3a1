package org.spiketune.tune;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.spiketune.img.V1Figures;
import org.spiketune.model.GratingPhase;
import org.spiketune.sim.Simulator;
import org.spiketune.sim.cpu.CpuBackend;

/**
 * The V1 network learns orientation selectivity at reduced scale (issue 7): the 16×16 preset with its default
 * parameters, trained on 20 repeats of the 40 still gratings (2020 s simulated) and tested on 8 orientations.
 * Selectivity is 1 − circular variance of the test curve; the paper, too, counts networks where three of the
 * four neurons are tuned. Trained on counterphase gratings instead, the same network answers every orientation
 * alike (12-15 Hz, selectivity 0.01-0.04) and prefers angles unrelated to its fields (bench/README.md). The 40
 * still gratings cover half a turn at one spatial phase; it learns from sine gratings (whose ends, 4.5° and
 * 180°, have opposite contrast) and from cosine ones (the same at 0° and 180°, a set alike in every direction).
 * With both contrast polarities of each grating it does not learn yet.
 */
class V1LearningIT {

	@ParameterizedTest
	@EnumSource(GratingPhase.class)
	void theOutputNeuronsLearnGratingLikeFieldsAndDifferentPreferredOrientations(final GratingPhase phase) {
		final V1Study.Settings settings = new V1Study.Settings(16, 20, 1, 8).withPhase(phase);
		final V1Study.Trial trial = V1Study.trials(new Simulator(new CpuBackend()), settings, Map.of(), 1).get(0);
		final List<V1Study.Neuron> neurons = trial.neurons(settings);
		final String described = V1Figures.describe(trial.fitness()) + "\n" + V1Figures.describeNeurons(neurons);
		System.out.println(described);
		final Set<Double> preferred = new HashSet<>();
		int selective = 0, nearTheirField = 0;
		double meanSelectivity = 0;
		for (final V1Study.Neuron n : neurons) {
			assertTrue(n.field().similarity() >= 0.5, "every field is like one grating:\n" + described);
			if (n.selectivity() >= 0.1) selective++;
			meanSelectivity += n.selectivity() / neurons.size();
			double apart = Math.abs(n.preferred() - n.field().angle()) % Math.PI;
			apart = Math.min(apart, Math.PI - apart);
			if (apart <= Math.PI / 8 + 1e-9) nearTheirField++;
			preferred.add(n.preferred());
		}
		// trained on counterphase gratings, or in the old setting (weights near their bound), every neuron
		// measured 0.00-0.04
		assertTrue(meanSelectivity >= 0.15 && selective >= 3, "the neurons are orientation selective:\n" + described);
		assertTrue(nearTheirField >= 3, "they prefer their fields' orientations (test angles are 22.5° apart):\n" +
			described);
		assertTrue(preferred.size() >= 3, "the neurons prefer at least three orientations:\n" + described);
	}
}
