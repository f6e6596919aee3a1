package org.spiketune.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.spiketune.model.Izhikevich;
import org.spiketune.model.NetworkSpec;
import org.spiketune.model.NeuronGroup;
import org.spiketune.model.Stimulus;
import org.spiketune.objective.Objective;
import org.spiketune.objective.Score;
import org.spiketune.objective.SpikeTrainMatch;
import org.spiketune.sim.Member;
import org.spiketune.sim.MemberResult;
import org.spiketune.sim.Recording;
import org.spiketune.sim.Simulator;
import org.spiketune.sim.cpu.CpuBackend;
import org.spiketune.spikes.SpikeTrains;

/** CMA-ES with lockstep restarts: finds a known cell, reproducibly, and stops cleanly. */
class CmaEsSearchTest {

	/** One regular-spiking cell under two current steps; the truth is gain 0.8, d 6. */
	private static final NetworkSpec CELL = new NetworkSpec("cell", 0.25, List.of(NeuronGroup.of("cell", 1,
		Izhikevich.of(0.02, 0.2, -65, 8))), List.of(), List.of(Stimulus.step("cell", 20, 320, 8), Stimulus.step(
			"cell", 400, 700, 14)));
	private static final ParameterSpace SPACE = ParameterSpace.parse("cell.gain=0.3:2, cell.d=2:10");

	private static TuningConfig config(final Algorithm.CmaEs cma, final int generations, final long seed) {
		final Simulator simulator = new Simulator(new CpuBackend(1));
		final SpikeTrains truth = simulator.runAll(CELL, 800, 0, List.of(Member.of(0, Map.of("cell.gain", 0.8,
			"cell.d", 6.0))), Recording.spikesOnly()).get(0).spikes().spikeTrains();
		return TuningConfig.of(CELL, SPACE, SpikeTrainMatch.of(truth, SpikeTrainMatch.Loss.SPIKE_COUNT), cma,
			Termination.generations(generations), 800, seed);
	}

	@Test
	void findsTheParametersThatMadeTheSpikes() {
		final TuningResult result = TuningFixtures.tuner(2).run(config(new Algorithm.CmaEs(8, 2, 0.3), 40, 5));
		assertEquals(0.8, result.best().get("cell.gain"), 0.02, result.best().toString());
		assertEquals(6, result.best().get("cell.d"), 0.3, result.best().toString());
		assertTrue(result.bestFitness() < 0.05, "loss " + result.bestFitness());
		assertEquals(result.bestFitness(), result.bestScore().value(), 0);
	}

	@Test
	void theSameSeedGivesTheSameRunWhateverTheThreadCount() {
		final TuningConfig config = config(new Algorithm.CmaEs(6, 3, 0.3), 8, 11);
		final TuningFixtures.Recorder one = new TuningFixtures.Recorder(), two = new TuningFixtures.Recorder();
		final TuningResult a = TuningFixtures.tuner(1).run(config, one), b = TuningFixtures.tuner(2).run(config, two);
		assertEquals(a.best(), b.best());
		assertEquals(a.evaluations(), b.evaluations());
		assertEquals(one.generations.stream().map(GenerationStats::best).toList(), two.generations.stream().map(
			GenerationStats::best).toList());
		// one round is one batch: a point of every restart, indexed by its restart within the generation
		assertEquals(3 * 6 * 8, a.evaluations());
		assertEquals(8, one.generations.size());
		for (final GenerationStats g : one.generations) {
			assertEquals(config.algorithm().membersPerGeneration(), g.evaluations(), "what progress weighs runs by");
		}
		assertEquals(List.of(0, 1, 2), one.evaluations.subList(0, 3).stream().map(Evaluation::index).toList());
		assertEquals(Termination.Reason.MAX_GENERATIONS, a.reason());
	}

	@Test
	void cancellingKeepsTheBestSoFarAndTheHistory() {
		final TuningFixtures.Recorder recorder = new TuningFixtures.Recorder() {

			@Override
			public boolean cancelled() {
				return generations.size() >= 2;
			}
		};
		final TuningResult result = TuningFixtures.tuner(2).run(config(new Algorithm.CmaEs(6, 2, 0.3), 50, 3),
			recorder);
		assertEquals(Termination.Reason.CANCELLED, result.reason());
		assertEquals(2, result.generations().size());
		assertEquals(recorder.generations.get(1).best(), result.bestFitness(), 0);
		assertEquals(2, result.best().size());
	}

	@Test
	void interruptingTheCallingThreadCancelsAndKeepsTheBestSoFar() throws Exception {
		final TuningConfig config = config(new Algorithm.CmaEs(6, 3, 0.3), 100_000, 8);
		final TuningFixtures.Recorder recorder = new TuningFixtures.Recorder();
		final TuningResult[] result = new TuningResult[1];
		final boolean[] stillInterrupted = new boolean[1];
		final Thread worker = new Thread(() -> {
			result[0] = TuningFixtures.tuner(2).run(config, recorder);
			stillInterrupted[0] = Thread.currentThread().isInterrupted();
		});
		worker.start();
		while (worker.isAlive() && recorder.generations.size() < 2) Thread.sleep(5);
		worker.interrupt();
		worker.join(20_000);
		assertTrue(!worker.isAlive(), "the run ended");
		assertEquals(Termination.Reason.CANCELLED, result[0].reason());
		assertEquals(2, result[0].best().size());
		assertTrue(stillInterrupted[0], "the interrupt is kept for the caller");
	}

	@Test
	void stopsAtTheTargetLoss() {
		final TuningResult result = TuningFixtures.tuner(2).run(config(new Algorithm.CmaEs(8, 2, 0.3), 40, 5)
			.withTermination(Termination.generations(40).withTarget(1.0)));
		assertEquals(Termination.Reason.TARGET_REACHED, result.reason());
		assertTrue(result.bestFitness() <= 1.0);
		assertTrue(result.generations().size() < 40);
	}

	@Test
	void badSettingsAreRefusedClearly() {
		assertThrows(IllegalArgumentException.class, () -> new Algorithm.CmaEs(1, 2, 0.3));
		assertThrows(IllegalArgumentException.class, () -> new Algorithm.CmaEs(8, 0, 0.3));
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Algorithm.CmaEs(8,
			2, 1.5));
		assertTrue(e.getMessage().contains("sigma"), e.getMessage());
		final TuningConfig sampled = config(new Algorithm.CmaEs(8, 2, 0.3), 5, 1).withNoise(new NoiseHandling(3,
			false, false, 0, false));
		final IllegalArgumentException noisy = assertThrows(IllegalArgumentException.class, () -> TuningFixtures
			.tuner(1).run(sampled));
		assertTrue(noisy.getMessage().contains("cma-es"), noisy.getMessage());
		assertEquals("cma-es", Algorithm.of("CMA-ES", 12, Double.NaN, Double.NaN).name());
		assertEquals(12, Algorithm.of("cma-es", 12, Double.NaN, Double.NaN).populationSize());
	}

	@Test
	void anErrorInABatchEndsTheRunWithThatErrorAndNoRestartHangs() {
		final TuningConfig good = config(new Algorithm.CmaEs(4, 3, 0.3), 20, 1);
		final Objective inner = good.objective();
		final int[] calls = { 0 };
		final Objective failing = new Objective() {

			@Override
			public String name() {
				return "failing";
			}

			@Override
			public boolean minimize() {
				return true;
			}

			@Override
			public List<String> components() {
				return inner.components();
			}

			@Override
			public List<String> objectives() {
				return inner.objectives();
			}

			@Override
			public Score score(final MemberResult result) {
				if (++calls[0] == 10) throw new IllegalStateException("objective failed on purpose");
				return inner.score(result);
			}
		};
		final TuningConfig config = new TuningConfig(good.network(), good.space(), failing, good.algorithm(), good
			.termination(), good.durationMs(), good.seed(), good.noise());
		final IllegalStateException e = assertThrows(IllegalStateException.class, () -> TuningFixtures.tuner(1).run(
			config));
		assertEquals("objective failed on purpose", e.getMessage());
	}
}
