package org.spiketune.tune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

import io.jenetics.Alterer;
import io.jenetics.AltererResult;
import io.jenetics.DoubleGene;
import io.jenetics.Optimize;
import io.jenetics.Phenotype;
import io.jenetics.Selector;
import io.jenetics.engine.EvolutionInterceptor;
import io.jenetics.engine.EvolutionResult;
import io.jenetics.engine.EvolutionStart;
import io.jenetics.util.ISeq;
import io.jenetics.util.RandomRegistry;
import io.jenetics.util.Seq;

/**
 * The selection, variation and replacement operators of the presets that Jenetics does not have in the
 * form the source studies describe. All draw from {@link RandomRegistry}, which the tuner seeds per
 * generation.
 */
final class Operators {

	private Operators() {}

	/** Indices of {@code population}, best first. */
	static <C extends Comparable<? super C>> Integer[] ranking(final Seq<Phenotype<DoubleGene, C>> population,
		final Optimize optimize)
	{
		final Integer[] order = new Integer[population.size()];
		for (int i = 0; i < order.length; i++) order[i] = i;
		final Comparator<Integer> byFitness = (i, j) -> optimize.compare(population.get(j).fitness(), population
			.get(i).fitness());
		Arrays.sort(order, byFitness);
		return order;
	}

	/**
	 * Roulette-wheel selection on rank-scaled fitness, as MATLAB's {@code ga} does by default: the r-th best
	 * (r = 1, 2, ...) gets a slice proportional to 1/sqrt(r). Unlike a wheel on raw fitness it needs no
	 * positive fitness and a single outlier cannot take the whole wheel.
	 */
	static final class RankRoulette<C extends Comparable<? super C>> implements Selector<DoubleGene, C> {

		@Override
		public ISeq<Phenotype<DoubleGene, C>> select(final Seq<Phenotype<DoubleGene, C>> population,
			final int count, final Optimize optimize)
		{
			final Integer[] order = ranking(population, optimize);
			final double[] cumulative = new double[order.length];
			double total = 0;
			for (int r = 0; r < order.length; r++) {
				total += 1 / Math.sqrt(r + 1);
				cumulative[r] = total;
			}
			final RandomGenerator random = RandomRegistry.random();
			final List<Phenotype<DoubleGene, C>> selected = new ArrayList<>(count);
			for (int k = 0; k < count; k++) {
				int r = Arrays.binarySearch(cumulative, random.nextDouble() * total);
				if (r < 0) r = -r - 1;
				selected.add(population.get(order[Math.min(r, order.length - 1)]));
			}
			return ISeq.of(selected);
		}

		@Override
		public String toString() {
			return "RankRoulette";
		}
	}

	/** Deterministic tournaments of {@code size} drawn (with replacement) among the {@code mu} best. */
	static final class BestMuTournament<C extends Comparable<? super C>> implements Selector<DoubleGene, C> {

		private final int mu;
		private final int size;

		BestMuTournament(final int mu, final int size) {
			this.mu = mu;
			this.size = size;
		}

		@Override
		public ISeq<Phenotype<DoubleGene, C>> select(final Seq<Phenotype<DoubleGene, C>> population,
			final int count, final Optimize optimize)
		{
			final Integer[] order = ranking(population, optimize);
			final int parents = Math.min(mu, order.length);
			final RandomGenerator random = RandomRegistry.random();
			final List<Phenotype<DoubleGene, C>> selected = new ArrayList<>(count);
			for (int k = 0; k < count; k++) {
				int winner = random.nextInt(parents); // ranks: smaller is better
				for (int t = 1; t < size; t++) winner = Math.min(winner, random.nextInt(parents));
				selected.add(population.get(order[winner]));
			}
			return ISeq.of(selected);
		}
	}

	/**
	 * MATLAB's crossover fraction: of the children, the first {@code fraction} are made by single-point
	 * crossover of consecutive selected parents, the rest by Gaussian mutation of one parent. Every child is a
	 * new, unevaluated individual.
	 */
	static final class CrossoverFraction<C extends Comparable<? super C>> implements Alterer<DoubleGene, C> {

		private final double fraction, rate, sigma;

		CrossoverFraction(final double fraction, final double rate, final double sigma) {
			this.fraction = fraction;
			this.rate = rate;
			this.sigma = sigma;
		}

		@Override
		public AltererResult<DoubleGene, C> alter(final Seq<Phenotype<DoubleGene, C>> parents, final long generation) {
			final RandomGenerator random = RandomRegistry.random();
			final int n = parents.size();
			final int crossed = (int) Math.round(fraction * n);
			final List<Phenotype<DoubleGene, C>> children = new ArrayList<>(n);
			for (int i = 0; i < crossed; i += 2) {
				final double[] a = Genes.of(parents.get(i).genotype());
				final double[] b = Genes.of(parents.get(i + 1 < crossed ? i + 1 : random.nextInt(n)).genotype());
				final double[][] pair = Genes.singlePoint(a, b, random);
				children.add(Phenotype.of(Genes.genotype(pair[0]), generation));
				if (i + 1 < crossed) children.add(Phenotype.of(Genes.genotype(pair[1]), generation));
			}
			for (int i = crossed; i < n; i++) {
				children.add(Phenotype.of(Genes.genotype(Genes.mutate(Genes.of(parents.get(i).genotype()), rate, sigma,
					random)), generation));
			}
			return new AltererResult<>(ISeq.of(children), n);
		}
	}

	/**
	 * Crossover with probability {@code crossoverRate} per pair, then Gaussian mutation with probability
	 * {@code mutationRate} per individual (all genes; the ES of EO as Carlson et al. used it) or per gene.
	 * Individuals neither crossed nor mutated are kept as they are, with their fitness.
	 */
	static final class Variation<C extends Comparable<? super C>> implements Alterer<DoubleGene, C> {

		private final double crossoverRate, mutationRate, sigma;
		private final boolean perGene;

		Variation(final double crossoverRate, final double mutationRate, final double sigma, final boolean perGene) {
			this.crossoverRate = crossoverRate;
			this.mutationRate = mutationRate;
			this.sigma = sigma;
			this.perGene = perGene;
		}

		@Override
		public AltererResult<DoubleGene, C> alter(final Seq<Phenotype<DoubleGene, C>> parents, final long generation) {
			final RandomGenerator random = RandomRegistry.random();
			final int n = parents.size();
			final double[][] genes = new double[n][];
			final boolean[] changed = new boolean[n];
			for (int i = 0; i < n; i++) genes[i] = Genes.of(parents.get(i).genotype());
			for (int i = 0; i + 1 < n; i += 2) {
				if (random.nextDouble() < crossoverRate) {
					final double[][] pair = Genes.singlePoint(genes[i], genes[i + 1], random);
					changed[i] = changed[i + 1] = genes[i].length > 1;
					genes[i] = pair[0];
					genes[i + 1] = pair[1];
				}
			}
			int alterations = 0;
			final List<Phenotype<DoubleGene, C>> children = new ArrayList<>(n);
			for (int i = 0; i < n; i++) {
				if (perGene) {
					final double[] mutated = Genes.mutate(genes[i], mutationRate, sigma, random);
					changed[i] |= !Arrays.equals(mutated, genes[i]);
					genes[i] = mutated;
				}
				else if (random.nextDouble() < mutationRate) {
					genes[i] = Genes.mutate(genes[i], 1, sigma, random);
					changed[i] = true;
				}
				if (changed[i]) alterations++;
				children.add(changed[i] ? Phenotype.of(Genes.genotype(genes[i]), generation) : parents.get(i));
			}
			return new AltererResult<>(ISeq.of(children), alterations);
		}
	}

	/** Weak elitism (EO's eoWeakElitistReplacement): a best parent that beats all offspring replaces the worst. */
	static final class WeakElitism<C extends Comparable<? super C>> implements EvolutionInterceptor<DoubleGene, C> {

		private final Optimize optimize;
		private Phenotype<DoubleGene, C> bestParent;

		WeakElitism(final Optimize optimize) {
			this.optimize = optimize;
		}

		@Override
		public EvolutionStart<DoubleGene, C> before(final EvolutionStart<DoubleGene, C> start) {
			bestParent = null;
			for (final Phenotype<DoubleGene, C> p : start.population()) {
				if (p.isEvaluated() && (bestParent == null || better(p, bestParent))) bestParent = p;
			}
			return start;
		}

		private boolean better(final Phenotype<DoubleGene, C> a, final Phenotype<DoubleGene, C> b) {
			return optimize.compare(a.fitness(), b.fitness()) > 0;
		}

		@Override
		public EvolutionResult<DoubleGene, C> after(final EvolutionResult<DoubleGene, C> result) {
			if (bestParent == null || !better(bestParent, result.bestPhenotype())) return result;
			final List<Phenotype<DoubleGene, C>> population = new ArrayList<>(result.population().asList());
			population.set(population.indexOf(result.worstPhenotype()), bestParent);
			return EvolutionResult.of(result.optimize(), ISeq.of(population), result.generation(), result
				.totalGenerations(), result.durations(), result.killCount(), result.invalidCount(), result
					.alterCount());
		}
	}
}
