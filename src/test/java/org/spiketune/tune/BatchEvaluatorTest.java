package org.spiketune.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import io.jenetics.DoubleGene;
import io.jenetics.Phenotype;
import io.jenetics.util.ISeq;

import org.junit.jupiter.api.Test;
import org.spiketune.objective.Score;
import org.spiketune.sim.MemberResult;
import org.spiketune.sim.SimulationRequest;
import org.spiketune.sim.Simulator;
import org.spiketune.sim.cpu.CpuBackend;

/**
 * Jenetics' {@link io.jenetics.engine.Evaluator} contract: same size and order, every phenotype
 * evaluated, survivors not recomputed; the whole generation is one simulator batch.
 */
class BatchEvaluatorTest {

	private static List<Phenotype<DoubleGene, Double>> population() {
		final List<Phenotype<DoubleGene, Double>> population = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			final Phenotype<DoubleGene, Double> p = Phenotype.of(Genes.genotype(new double[] { 0.1 + 0.15 * i }), 1);
			population.add(i % 2 == 0 ? p.withFitness(100.0 + i) : p); // 0, 2, 4 carried over, evaluated
		}
		return population;
	}

	@Test
	void evaluatesOnlyNewIndividualsInOneBatchKeepingSizeAndOrder() {
		final TuningFixtures.Recorder recorder = new TuningFixtures.Recorder();
		final TuningConfig config = TuningFixtures.rateProblem(Algorithm.Ga.defaults(), 1, 3);
		final BatchEvaluator<Double> evaluator = new BatchEvaluator<>(new Simulator(new CpuBackend(2)), config,
			Score::value, recorder);
		final List<Phenotype<DoubleGene, Double>> population = population();
		final ISeq<Phenotype<DoubleGene, Double>> result = evaluator.eval(ISeq.of(population));
		assertEquals(population.size(), result.size());
		for (int i = 0; i < population.size(); i++) {
			assertTrue(result.get(i).isEvaluated(), "phenotype " + i);
			assertEquals(population.get(i).genotype(), result.get(i).genotype(), "order kept at " + i);
			if (i % 2 == 0) assertSame(population.get(i), result.get(i), "survivor " + i + " returned untouched");
		}
		assertEquals(3, evaluator.lastEvaluations(), "only the three new individuals are simulated");
		assertEquals(3, recorder.evaluations.size());
		// their fitness is what the objective gives for a simulation with the recorded seed
		final Evaluation first = recorder.evaluations.get(0);
		final MemberResult again = new Simulator(new CpuBackend(1)).run(new SimulationRequest(config.network(),
			config.durationMs(), config.seed(), List.of(org.spiketune.sim.Member.of(first.seeds()[0], config.space()
				.decode(first.genes()))), config.recording())).member(0);
		assertEquals(config.objective().score(again).value(), result.get(1).fitness(), 0.0);
	}

	@Test
	void reevaluationSimulatesSurvivorsAgain() {
		final TuningConfig config = TuningFixtures.rateProblem(Algorithm.Ga.defaults(), 1, 3).withNoise(NoiseHandling.none()
			.withSamples(2).withReevaluation(true));
		final TuningFixtures.Recorder recorder = new TuningFixtures.Recorder();
		final BatchEvaluator<Double> evaluator = new BatchEvaluator<>(new Simulator(new CpuBackend(2)), config,
			Score::value, recorder);
		final ISeq<Phenotype<DoubleGene, Double>> result = evaluator.eval(ISeq.of(population()));
		assertEquals(6, evaluator.lastEvaluations());
		for (final Phenotype<DoubleGene, Double> p : result) assertTrue(p.fitness() < 100, "fresh fitness");
		assertEquals(3, recorder.evaluations.stream().filter(e -> e.kind() == Evaluation.Kind.REEVALUATED).count());
		for (final Evaluation e : recorder.evaluations) {
			assertEquals(2, e.seeds().length, "two samples each");
			assertNotEquals(e.seeds()[0], e.seeds()[1]);
		}
	}

	@Test
	void anAllEvaluatedPopulationCostsNothing() {
		final BatchEvaluator<Double> evaluator = new BatchEvaluator<>(new Simulator(new CpuBackend(1)),
			TuningFixtures.rateProblem(Algorithm.Ga.defaults(), 1, 3), Score::value, TuningListener.NONE);
		final List<Phenotype<DoubleGene, Double>> evaluated = population().stream().map(p -> p.isEvaluated() ? p
			: p.withFitness(1.0)).toList();
		final ISeq<Phenotype<DoubleGene, Double>> result = evaluator.eval(ISeq.of(evaluated));
		assertEquals(0, evaluator.lastEvaluations());
		for (int i = 0; i < evaluated.size(); i++) assertSame(evaluated.get(i), result.get(i));
	}
}
