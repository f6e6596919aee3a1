package org.spiketune.tune;

import java.util.List;

import org.spiketune.model.NetworkSpec;
import org.spiketune.model.Presets;
import org.spiketune.objective.RateTarget;
import org.spiketune.sim.Simulator;
import org.spiketune.sim.cpu.CpuBackend;

/** Small, fast tuning problems for tests: izhikevich2003 over 200 ms, I_E (and I_I) to a rate. */
final class TuningFixtures {

	static final NetworkSpec NETWORK = Presets.izhikevich2003();

	private TuningFixtures() {}

	static TuningConfig rateProblem(final Algorithm algorithm, final int generations, final long seed) {
		return TuningConfig.of(NETWORK, ParameterSpace.parse("exc.bias=-5:5"), RateTarget.of(5), algorithm,
			Termination.generations(generations), 200, seed);
	}

	static Tuner tuner(final int threads) {
		return new Tuner(new Simulator(new CpuBackend(threads)));
	}

	/** Records every evaluation and generation. */
	static class Recorder implements TuningListener {

		final List<Evaluation> evaluations = new java.util.ArrayList<>();
		final List<GenerationStats> generations = new java.util.ArrayList<>();

		@Override
		public void evaluated(final Evaluation evaluation) {
			evaluations.add(evaluation);
		}

		@Override
		public void generation(final GenerationStats stats) {
			generations.add(stats);
		}
	}
}
