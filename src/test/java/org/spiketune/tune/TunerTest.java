package org.spiketune.tune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.spiketune.objective.RateTarget;

class TunerTest {

	@Test
	void gaBringsTheRateToItsTarget() {
		final TuningResult r = TuningFixtures.tuner(2).run(TuningFixtures.rateProblem(new Algorithm.Ga(12, 2, 0.8, 1,
			0.1), 15, 11));
		assertEquals(Termination.Reason.MAX_GENERATIONS, r.reason());
		assertEquals(15, r.generations().size());
		assertTrue(r.bestFitness() < 1.0, "error " + r.bestFitness() + " Hz");
		final double bias = r.best().get("exc.bias");
		assertTrue(bias > -2 && bias < 1, "5 Hz lies between I_E = -2 (1.4 Hz) and 0 (7.6 Hz); got " + bias);
		assertEquals(12 + 14 * 10 + 10, r.evaluations(), "initial 12, then 10 children per generation");
		assertEquals(r.bestFitness(), r.bestScore().value());
		assertEquals(5, r.bestScore().component(0), 1.0, "the recorded rate");
	}

	@Test
	void theSameSeedGivesTheSameRunWhateverTheThreadCount() {
		final TuningConfig config = TuningFixtures.rateProblem(new Algorithm.Ga(8, 1, 0.95, 1, 0.1), 6, 5);
		final TuningFixtures.Recorder a = new TuningFixtures.Recorder(), b = new TuningFixtures.Recorder();
		final TuningResult one = TuningFixtures.tuner(1).run(config, a);
		final TuningResult two = TuningFixtures.tuner(3).run(config, b);
		assertEquals(one.best(), two.best());
		assertEquals(one.bestFitness(), two.bestFitness());
		assertEquals(a.evaluations.size(), b.evaluations.size());
		for (int i = 0; i < a.evaluations.size(); i++) {
			assertArrayEquals(a.evaluations.get(i).genes(), b.evaluations.get(i).genes());
			assertArrayEquals(a.evaluations.get(i).seeds(), b.evaluations.get(i).seeds());
			assertEquals(a.evaluations.get(i).score().value(), b.evaluations.get(i).score().value());
		}
		final TuningResult other = TuningFixtures.tuner(2).run(config.withSeed(6));
		assertFalse(other.best().equals(one.best()) && other.bestFitness() == one.bestFitness(), "another seed");
	}

	/**
	 * Jenetics calls the evaluator more than once in some generations of the evolution strategy; each
	 * evaluation is still labeled with its generation (a 15-generation run's history once went up to 21).
	 */
	@Test
	void evaluationsAreLabeledWithTheGenerationTheyBelongTo() {
		final TuningFixtures.Recorder recorder = new TuningFixtures.Recorder();
		final TuningConfig config = TuningFixtures.rateProblem(new Algorithm.Es(4, 4, 2, 0.5, 0.5, 0.2), 6, 3);
		TuningFixtures.tuner(2).run(config, recorder);
		assertEquals(6, recorder.generations.size());
		for (final GenerationStats g : recorder.generations) {
			final long labeled = recorder.evaluations.stream().filter(e -> e.generation() == g.generation() || g
				.generation() == 1 && e.generation() == 0).count();
			assertEquals(g.evaluations(), labeled, "generation " + g.generation() + "'s evaluations");
		}
		assertEquals(4, recorder.evaluations.stream().filter(e -> e.generation() == 0).count(), "the initial population");
		assertTrue(recorder.evaluations.stream().allMatch(e -> e.generation() <= 6));
	}

	@Test
	void confirmationReSimulatesTheFinalPopulationAndReportsTheMean() {
		final TuningFixtures.Recorder recorder = new TuningFixtures.Recorder();
		final TuningConfig config = TuningFixtures.rateProblem(new Algorithm.Ga(6, 1, 0.8, 1, 0.1), 3, 8).withNoise(
			NoiseHandling.none().withConfirmation(4));
		final TuningResult r = TuningFixtures.tuner(2).run(config, recorder);
		final List<Evaluation> confirmations = recorder.evaluations.stream().filter(e -> e
			.kind() == Evaluation.Kind.CONFIRMATION).toList();
		assertFalse(confirmations.isEmpty());
		assertTrue(confirmations.size() <= 6, "one per distinct individual of the final population");
		for (final Evaluation e : confirmations) {
			assertEquals(4, e.seeds().length);
			assertEquals(4, e.generation(), "labeled after the last generation");
		}
		final Evaluation winner = confirmations.stream().min(java.util.Comparator.comparingDouble(e -> e.score()
			.value())).orElseThrow();
		assertEquals(winner.score().value(), r.bestFitness());
		assertEquals(winner.values()[0], r.best().get("exc.bias"));
		assertEquals(r.evaluations(), recorder.evaluations.size());
	}

	@Test
	void aVaryingStructureGivesEveryGenerationItsOwnNetwork() {
		final TuningConfig fixed = TuningFixtures.rateProblem(Algorithm.Ga.defaults(), 1, 8);
		final TuningConfig varying = fixed.withNoise(NoiseHandling.none().withVaryingStructure(true));
		assertEquals(fixed.structureSeed(0), fixed.structureSeed(5));
		assertFalse(varying.structureSeed(0) == varying.structureSeed(1));
		final TuningResult a = TuningFixtures.tuner(2).run(varying.withTermination(Termination.generations(3)));
		final TuningResult b = TuningFixtures.tuner(2).run(fixed.withTermination(Termination.generations(3)));
		assertFalse(a.generations().get(0).mean() == b.generations().get(0).mean(), "the networks differ");
	}

	@Test
	void membersStoppedForNumericalFaultsLoseWithTheirReasonAndTheRunGoesOn() {
		final TuningFixtures.Recorder recorder = new TuningFixtures.Recorder();
		final TuningConfig config = TuningConfig.of(org.spiketune.model.Presets.izhikevich2003Sparse(400, 40),
			ParameterSpace.parse("exc.bias=0.1:5000:log"), RateTarget.of(5), new Algorithm.Ga(8, 1, 0.9, 1, 0.1),
			Termination.generations(3), 1100, 7);
		final TuningResult r = TuningFixtures.tuner(2).run(config, recorder);
		assertEquals(3, r.generations().size());
		final List<Evaluation> stopped = recorder.evaluations.stream().filter(e -> e.score().failed()).toList();
		assertFalse(stopped.isEmpty(), "biases of thousands make exc fire every step");
		for (final Evaluation e : stopped) {
			assertTrue(e.score().failure().startsWith("simulation stopped: group exc fired at"), e.score().failure());
			assertEquals(Double.MAX_VALUE, e.score().value(), "the worst error");
		}
		assertTrue(r.bestFitness() < Double.MAX_VALUE && !r.bestScore().failed(), "the best is a sound member");
		// the generations' mean and sd are of the scored members: a stopped one's worst value (Double.MAX_VALUE)
		// made the mean about 1e307 and the sd infinite
		for (final GenerationStats g : r.generations()) {
			assertTrue(g.mean() >= g.best() && g.mean() < 1e6 && Double.isFinite(g.sd()), "generation " + g
				.generation() + ": mean " + g.mean() + ", sd " + g.sd());
		}
	}

	@Test
	void weakElitismNeverLosesTheBest() {
		final TuningResult r = TuningFixtures.tuner(2).run(TuningFixtures.rateProblem(new Algorithm.Es(4, 6, 2, 0.5,
			0.4, 0.2), 12, 3));
		for (int g = 1; g < r.generations().size(); g++) {
			assertTrue(r.generations().get(g).best() <= r.generations().get(g - 1).best(), "generation " + (g + 1));
		}
	}

	@Test
	void theBestScoreIsTheEvaluationThatGaveTheBestItsFitness() {
		final TuningFixtures.Recorder recorder = new TuningFixtures.Recorder();
		// two genes: a crossover of a parent with itself makes a copy that is simulated again
		final TuningResult r = TuningFixtures.tuner(2).run(TuningConfig.of(TuningFixtures.NETWORK, ParameterSpace
			.parse("exc.bias=-5:5, inh.bias=-5:5"), RateTarget.of(5), Algorithm.Es.defaults(), Termination
				.generations(10), 200, 3), recorder);
		final Map<List<Double>, List<Double>> values = new HashMap<>();
		for (final Evaluation e : recorder.evaluations) {
			values.computeIfAbsent(Arrays.stream(e.genes()).boxed().toList(), k -> new ArrayList<>()).add(e.score()
				.value());
		}
		assertTrue(values.values().stream().anyMatch(v -> v.stream().distinct().count() > 1),
			"some individual was simulated again with other noise, so it has several scores");
		assertEquals(r.bestFitness(), r.bestScore().value(), "the reported score is the one that made it best");
	}

	@Test
	void nsga2ReturnsANonDominatedFront() {
		final TuningConfig config = new TuningConfig(TuningFixtures.NETWORK, ParameterSpace.parse(
			"exc.bias=-5:5, inh.bias=-5:5"), RateTarget.perGroup(targets()),
			new Algorithm.Nsga2(12, 0.9, 0.5, 0.1), Termination.generations(6), 200, 2, NoiseHandling.none());
		final TuningResult r = TuningFixtures.tuner(2).run(config);
		assertFalse(r.pareto().isEmpty());
		for (final TuningResult.ParetoPoint a : r.pareto()) {
			assertEquals(2, a.objectives().length);
			for (final TuningResult.ParetoPoint b : r.pareto()) {
				assertFalse(Tuner.dominates(b.objectives(), a.objectives(), true), "front members do not dominate each other");
			}
		}
	}

	/**
	 * A stopped member of a two-objective run has the worst value in both objectives; the generations' mean and
	 * sd leave it out, as with one objective (their sum, Infinity, made the mean infinite).
	 */
	@Test
	void nsga2GenerationStatsLeaveOutStoppedMembers() {
		final TuningFixtures.Recorder recorder = new TuningFixtures.Recorder();
		final TuningConfig config = new TuningConfig(org.spiketune.model.Presets.izhikevich2003Sparse(400, 40),
			ParameterSpace.parse("exc.bias=0.1:5000:log"), RateTarget.perGroup(targets()), new Algorithm.Nsga2(8, 0.9,
				0.5, 0.1), Termination.generations(3), 1100, 7, NoiseHandling.none());
		final TuningResult r = TuningFixtures.tuner(2).run(config, recorder);
		assertTrue(recorder.evaluations.stream().anyMatch(e -> e.score().failed()), "biases of thousands stop members");
		for (final GenerationStats g : r.generations()) {
			assertTrue(Double.isFinite(g.mean()) && g.mean() < 1e6 && Double.isFinite(g.sd()), "generation " + g
				.generation() + ": mean " + g.mean() + ", sd " + g.sd());
		}
	}

	/** CMA-ES keeps its own generations; a stopped member's worst value stays out of their mean and sd too. */
	@Test
	void cmaEsGenerationStatsLeaveOutStoppedMembers() {
		final TuningFixtures.Recorder recorder = new TuningFixtures.Recorder();
		final TuningConfig config = TuningConfig.of(org.spiketune.model.Presets.izhikevich2003Sparse(400, 40),
			ParameterSpace.parse("exc.bias=0.1:5000:log"), RateTarget.of(5), new Algorithm.CmaEs(8, 1, 0.5),
			Termination.generations(3), 1100, 7);
		final TuningResult r = TuningFixtures.tuner(2).run(config, recorder);
		assertTrue(recorder.evaluations.stream().anyMatch(e -> e.score().failed()), "biases of thousands stop members");
		for (final GenerationStats g : r.generations()) {
			assertTrue(g.mean() < 1e6 && Double.isFinite(g.sd()), "generation " + g.generation() + ": mean " + g
				.mean() + ", sd " + g.sd());
		}
	}

	private static Map<String, Double> targets() {
		final Map<String, Double> targets = new java.util.LinkedHashMap<>();
		targets.put("exc", 3.0);
		targets.put("inh", 30.0);
		return targets;
	}

	@Test
	void stopsAtTheTargetFitness() {
		final TuningResult r = TuningFixtures.tuner(2).run(TuningFixtures.rateProblem(Algorithm.Ga.defaults()
			.withPopulation(10), 50, 4).withTermination(Termination.generations(50).withTarget(2.0)));
		assertEquals(Termination.Reason.TARGET_REACHED, r.reason());
		assertTrue(r.bestFitness() <= 2.0);
		assertTrue(r.generations().size() < 50);
	}

	@Test
	void stopsWhenTheBestIsSteady() {
		final TuningResult r = TuningFixtures.tuner(2).run(TuningFixtures.rateProblem(new Algorithm.Ga(6, 1, 0.8, 1,
			0.1), 200, 4).withTermination(Termination.generations(200).withSteady(3)));
		assertEquals(Termination.Reason.STEADY_FITNESS, r.reason());
		final List<GenerationStats> g = r.generations();
		for (int i = g.size() - 3; i < g.size(); i++) assertTrue(g.get(i).best() >= g.get(g.size() - 4).best());
	}

	@Test
	void stopsAtTheWallClockLimit() {
		final TuningResult r = TuningFixtures.tuner(2).run(TuningFixtures.rateProblem(new Algorithm.Ga(6, 1, 0.8, 1,
			0.1), 100_000, 4).withTermination(Termination.generations(100_000).withWallClock(Duration.ofMillis(
				300))));
		assertEquals(Termination.Reason.WALL_CLOCK, r.reason());
		assertTrue(r.totalMs() < 3000, r.totalMs() + " ms");
	}

	@Test
	void cancellingKeepsTheBestSoFarAndTheHistory() {
		final TuningFixtures.Recorder recorder = new TuningFixtures.Recorder() {

			@Override
			public boolean cancelled() {
				return generations.size() >= 3;
			}
		};
		final TuningResult r = TuningFixtures.tuner(2).run(TuningFixtures.rateProblem(new Algorithm.Ga(6, 1, 0.8, 1,
			0.1), 100, 4), recorder);
		assertEquals(Termination.Reason.CANCELLED, r.reason());
		assertEquals(3, r.generations().size());
		assertEquals(recorder.evaluations.size(), r.evaluations());
		assertTrue(Double.isFinite(r.bestFitness()) && r.best().containsKey("exc.bias"));
	}

	@Test
	void interruptingTheThreadCancelsTooWithoutLosingWork() throws Exception {
		final TuningResult[] result = new TuningResult[1];
		final Thread worker = new Thread(() -> result[0] = TuningFixtures.tuner(2).run(TuningFixtures.rateProblem(
			new Algorithm.Ga(6, 1, 0.8, 1, 0.1), 100_000, 4), new TuningListener() {

				@Override
				public void generation(final GenerationStats stats) {
					if (stats.generation() == 2) Thread.currentThread().interrupt();
				}
			}));
		worker.start();
		worker.join(20_000);
		assertFalse(worker.isAlive());
		assertEquals(Termination.Reason.CANCELLED, result[0].reason());
		assertEquals(2, result[0].generations().size());
	}

	@Test
	void badConfigurationIsRefusedClearly() {
		final IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> TuningConfig.of(
			TuningFixtures.NETWORK, ParameterSpace.parse("exc.bais=-1:1"), RateTarget.of(5), Algorithm.Ga.defaults(),
			Termination.generations(1), 100, 1));
		assertTrue(unknown.getMessage().contains("[exc.bais]") && unknown.getMessage().contains("exc.bias"), unknown
			.getMessage());
		assertTrue(assertThrows(IllegalArgumentException.class, () -> ParameterSpace.parse("exc.bias=3:-3"))
			.getMessage().contains("empty or inverted"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> ParameterSpace.parse("exc.bias=1:1"))
			.getMessage().contains("empty or inverted"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> ParameterSpace.parse("ee.gain=0:2:log"))
			.getMessage().contains("bounds > 0"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> ParameterSpace.parse("exc.bias"))
			.getMessage().contains("name=min:max"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> Algorithm.of("pso", 0, Double.NaN,
			Double.NaN)).getMessage().contains("ga, es, nsga2"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> new Algorithm.Ga(10, 10, 0.5, 1, 0.1))
			.getMessage().contains("elite"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> new Algorithm.Ga(10, 1, 1.5, 1, 0.1))
			.getMessage().contains("crossover fraction"));
	}
}
