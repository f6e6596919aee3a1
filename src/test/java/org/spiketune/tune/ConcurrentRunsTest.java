package org.spiketune.tune;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.spiketune.model.Presets;
import org.spiketune.objective.RateTarget;
import org.spiketune.sim.Simulator;
import org.spiketune.sim.cpu.CpuBackend;

/** Two tuning runs at once in one JVM (as in Fiji, sharing one simulator and its compiled networks). */
class ConcurrentRunsTest {

	@Test
	void twoRunsAtOnceEndAsEachAlone() throws Exception {
		final Simulator shared = new Simulator(new CpuBackend(2));
		final TuningConfig ga = TuningFixtures.rateProblem(new Algorithm.Ga(8, 1, 0.9, 1, 0.1), 4, 51);
		final TuningConfig es = TuningConfig.of(Presets.izhikevich2003(), ParameterSpace.parse(
			"exc.bias=-5:5, inh.bias=-5:5"), RateTarget.of(8), new Algorithm.Es(3, 6, 2, 0.5, 0.4, 0.2), Termination
				.generations(4), 200, 52).withNoise(NoiseHandling.none().withVaryingStructure(true));
		final TuningConfig sparse = TuningConfig.of(Presets.izhikevich2003Sparse(400, 40), ParameterSpace.parse(
			"exc.bias=-5:5"), RateTarget.of(5), new Algorithm.Ga(6, 1, 0.9, 1, 0.1), Termination.generations(4), 200, 53);
		final List<TuningConfig> configs = List.of(ga, es, sparse, ga);
		final List<TuningResult> alone = configs.stream().map(c -> new Tuner(shared).run(c)).toList();
		final ExecutorService pool = Executors.newFixedThreadPool(configs.size());
		try {
			final List<Future<TuningResult>> together = configs.stream().map(c -> pool.submit(() -> new Tuner(shared).run(
				c))).toList();
			for (int i = 0; i < configs.size(); i++) CheckpointTest.assertSameRun(alone.get(i), together.get(i).get());
		}
		finally {
			pool.shutdownNow();
		}
	}
}
