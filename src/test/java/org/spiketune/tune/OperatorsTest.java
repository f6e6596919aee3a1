package org.spiketune.tune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import io.jenetics.AltererResult;
import io.jenetics.DoubleGene;
import io.jenetics.Optimize;
import io.jenetics.Phenotype;
import io.jenetics.util.ISeq;
import io.jenetics.util.RandomRegistry;

import org.junit.jupiter.api.Test;

class OperatorsTest {

	private static ISeq<Phenotype<DoubleGene, Double>> ranked(final int n) {
		final List<Phenotype<DoubleGene, Double>> p = new ArrayList<>();
		for (int i = 0; i < n; i++) p.add(Phenotype.of(Genes.genotype(new double[] { i / (double) n }), 1, (double) i));
		return ISeq.of(p);
	}

	@Test
	void reflectionKeepsGenesInTheUnitInterval() {
		assertEquals(0.25, Genes.reflect(-0.25), 1e-12);
		assertEquals(0.75, Genes.reflect(1.25), 1e-12);
		assertEquals(0.5, Genes.reflect(2.5), 1e-12);
		assertTrue(Genes.reflect(1.0) < 1.0);
		for (double x = -5; x < 5; x += 0.0137) {
			final double r = Genes.reflect(x);
			assertTrue(r >= 0 && r < 1, x + " -> " + r);
		}
	}

	@Test
	void singlePointCrossoverSwapsTails() {
		final double[][] c = RandomRegistry.with(Tuner.randomFor(1, 1), r -> Genes.singlePoint(new double[] { 0, 0,
			0, 0 }, new double[] { 1, 1, 1, 1 }, r));
		int cut = 0;
		while (c[0][cut] == 0) cut++;
		assertTrue(cut >= 1 && cut <= 3);
		for (int i = 0; i < 4; i++) {
			assertEquals(i < cut ? 0 : 1, c[0][i]);
			assertEquals(i < cut ? 1 : 0, c[1][i]);
		}
		final double[][] one = RandomRegistry.with(Tuner.randomFor(1, 1), r -> Genes.singlePoint(new double[] {
			0.2 }, new double[] { 0.7 }, r));
		assertArrayEquals(new double[] { 0.2 }, one[0], "one gene: no cut, copies");
	}

	@Test
	void rankRouletteFavoursTheBestByOneOverRootRank() {
		final ISeq<Phenotype<DoubleGene, Double>> population = ranked(4); // fitness 0 (best) .. 3
		final int n = 200_000;
		final int[] counts = new int[4];
		RandomRegistry.using(Tuner.randomFor(3, 1), r -> {
			for (final Phenotype<DoubleGene, Double> p : new Operators.RankRoulette<Double>().select(population, n,
				Optimize.MINIMUM)) counts[(int) Math.round(p.fitness())]++;
		});
		double total = 0;
		for (int r = 1; r <= 4; r++) total += 1 / Math.sqrt(r);
		for (int r = 1; r <= 4; r++) {
			final double p = 1 / Math.sqrt(r) / total;
			assertEquals(p * n, counts[r - 1], 5 * Math.sqrt(n * p * (1 - p)), "rank " + r);
		}
	}

	@Test
	void crossoverFractionSplitsChildrenBetweenCrossoverAndMutation() {
		final List<Phenotype<DoubleGene, Double>> parents = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			final double[] g = new double[3];
			java.util.Arrays.fill(g, i < 5 ? 0.2 : 0.8);
			parents.add(Phenotype.of(Genes.genotype(g), 1, 1.0));
		}
		final AltererResult<DoubleGene, Double> result = RandomRegistry.with(Tuner.randomFor(4, 2),
			r -> new Operators.CrossoverFraction<Double>(0.4, 1, 0.01).alter(ISeq.of(parents), 2));
		assertEquals(10, result.population().size());
		for (int i = 0; i < 10; i++) {
			final Phenotype<DoubleGene, Double> child = result.population().get(i);
			assertTrue(child.nonEvaluated(), "every child is new");
			final double[] g = Genes.of(child.genotype());
			if (i < 4) { // crossover children of parents 0-3 (all 0.2): exact copies of values
				for (final double x : g) assertEquals(0.2, x, 1e-12);
			}
			else { // mutated: close to the parent, not equal
				final double parent = i < 5 ? 0.2 : 0.8;
				for (final double x : g) assertTrue(x != parent && Math.abs(x - parent) < 0.1, "child " + i + ": " + x);
			}
		}
	}

	@Test
	void bestMuTournamentPicksOnlyAmongTheMuBest() {
		final ISeq<Phenotype<DoubleGene, Double>> population = ranked(10);
		RandomRegistry.using(Tuner.randomFor(5, 1), r -> {
			for (final Phenotype<DoubleGene, Double> p : new Operators.BestMuTournament<Double>(3, 2).select(population,
				1000, Optimize.MINIMUM)) assertTrue(p.fitness() < 3);
		});
	}
}
