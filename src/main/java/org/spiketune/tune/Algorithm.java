package org.spiketune.tune;

import java.util.List;
import java.util.Locale;

import org.spiketune.model.Checks;

/** The evolutionary algorithms, each a preset whose every setting can be changed. */
public sealed interface Algorithm {

	/** Short name: {@code ga}, {@code es}, {@code nsga2} or {@code cma-es}. */
	String name();

	/** Individuals per generation. */
	int populationSize();

	/** Members simulated per generation: the population, times the restarts of CMA-ES (run side by side). */
	default int membersPerGeneration() {
		return populationSize();
	}

	/**
	 * The genetic algorithm of the GA study (MATLAB's {@code ga}, as Ezenwe et al. 2020 used it): the
	 * {@code elite} best individuals survive unchanged; the other children come from parents chosen by
	 * roulette wheel, a {@code crossoverFraction} of them by single-point crossover and the rest by Gaussian
	 * mutation, which changes each gene with probability {@code mutationRate} by {@code mutationSigma}
	 * times the gene's range (reflected at the bounds).
	 */
	record Ga(int populationSize, int elite, double crossoverFraction, double mutationRate,
		double mutationSigma) implements Algorithm
	{

		public Ga {
			Checks.atLeast("ga population", populationSize, 2);
			Checks.atLeast("ga elite", elite, 0);
			if (elite >= populationSize) {
				throw new IllegalArgumentException("ga elite (" + elite + ") must be smaller than the population (" +
					populationSize + ")");
			}
			Checks.probability("ga crossover fraction", crossoverFraction);
			Checks.probability("ga mutation rate", mutationRate);
			Checks.positive("ga mutation sigma", mutationSigma);
		}

		/** Population 20, elite 2, crossover fraction 0.8, mutation rate 1, sigma 0.1 (MATLAB's defaults). */
		public static Ga defaults() {
			return new Ga(20, 2, 0.8, 1.0, 0.1);
		}

		@Override
		public String name() {
			return "ga";
		}

		public Ga withPopulation(final int value) {
			return new Ga(value, Math.min(elite, value - 1), crossoverFraction, mutationRate, mutationSigma);
		}

		public Ga withCrossover(final double value) {
			return new Ga(populationSize, elite, value, mutationRate, mutationSigma);
		}

		public Ga withMutation(final double rate) {
			return new Ga(populationSize, elite, crossoverFraction, rate, mutationSigma);
		}
	}

	/**
	 * The evolution strategy of Carlson et al. (2014): {@code lambda} offspring per generation, chosen from
	 * the {@code mu} best by deterministic tournaments of {@code tournament}; each offspring is crossed with
	 * probability {@code crossoverRate} (single point) and mutated with probability {@code mutationRate}
	 * (every gene, Gaussian of {@code mutationSigma} of its range); weak elitism: if the best parent beats
	 * every offspring, it replaces the worst offspring.
	 */
	record Es(int mu, int lambda, int tournament, double crossoverRate, double mutationRate,
		double mutationSigma) implements Algorithm
	{

		public Es {
			Checks.atLeast("es mu", mu, 1);
			Checks.atLeast("es lambda", lambda, 2);
			if (mu > lambda) throw new IllegalArgumentException("es mu (" + mu + ") must not exceed lambda (" + lambda +
				")");
			Checks.atLeast("es tournament", tournament, 1);
			Checks.probability("es crossover rate", crossoverRate);
			Checks.probability("es mutation rate", mutationRate);
			Checks.positive("es mutation sigma", mutationSigma);
		}

		/** 10 parents, 10 offspring, tournaments of 2, 50% crossover, 40% mutation, sigma 0.1. */
		public static Es defaults() {
			return new Es(10, 10, 2, 0.5, 0.4, 0.1);
		}

		@Override
		public String name() {
			return "es";
		}

		@Override
		public int populationSize() {
			return lambda;
		}
	}

	/**
	 * NSGA-II (Deb et al. 2002) on the objective's vector: non-dominated sorting and crowding distance for
	 * both selections; single-point crossover with probability {@code crossoverRate}, Gaussian mutation per
	 * gene with probability {@code mutationRate}. The run returns its Pareto front.
	 */
	record Nsga2(int populationSize, double crossoverRate, double mutationRate, double mutationSigma)
		implements Algorithm
	{

		public Nsga2 {
			Checks.atLeast("nsga2 population", populationSize, 4);
			Checks.probability("nsga2 crossover rate", crossoverRate);
			Checks.probability("nsga2 mutation rate", mutationRate);
			Checks.positive("nsga2 mutation sigma", mutationSigma);
		}

		public static Nsga2 defaults() {
			return new Nsga2(40, 0.9, 0.5, 0.1);
		}

		@Override
		public String name() {
			return "nsga2";
		}
	}

	/**
	 * CMA-ES (Hansen and Ostermeier 2001; the active variant of Apache Commons Math) from {@code restarts}
	 * starting points at once: the first at the centre of the parameter ranges, the others drawn from the run's
	 * seed. Each restart samples {@code populationSize} points per generation with initial step
	 * {@code sigma} (a fraction of every range) and stops at the run's generation limit or when it has
	 * converged; the best point of all restarts wins. The restarts advance in lockstep, so one simulator batch
	 * holds one point of every restart. Suits few (≲ 20) continuous parameters with a rugged loss, where a GA
	 * finds the right basin but not its bottom. Every point is simulated once with one noise seed (common
	 * random numbers), so the loss is a deterministic function of the parameters.
	 */
	record CmaEs(int populationSize, int restarts, double sigma) implements Algorithm {

		public CmaEs {
			Checks.atLeast("cma-es population", populationSize, 2);
			Checks.atLeast("cma-es restarts", restarts, 1);
			if (!(sigma > 0 && sigma <= 1)) throw new IllegalArgumentException("cma-es sigma must be in (0, 1], got " +
				sigma);
		}

		/** 10 points per generation, 4 restarts, initial step 0.3 of every range. */
		public static CmaEs defaults() {
			return new CmaEs(10, 4, 0.3);
		}

		@Override
		public String name() {
			return "cma-es";
		}

		@Override
		public int membersPerGeneration() {
			return populationSize * restarts;
		}
	}

	static List<String> names() {
		return List.of("ga", "es", "nsga2", "cma-es");
	}

	/**
	 * A preset by name, with the common settings applied where given ({@code population <= 0} and NaN keep
	 * the preset's value): population (lambda for es), crossover (ga: fraction; es, nsga2: rate) and
	 * mutation rate; cma-es takes only the population.
	 */
	static Algorithm of(final String name, final int population, final double crossover, final double mutation) {
		final String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
		return switch (key) {
			case "ga" -> {
				Ga ga = Ga.defaults();
				if (population > 0) ga = ga.withPopulation(population);
				if (!Double.isNaN(crossover)) ga = ga.withCrossover(crossover);
				if (!Double.isNaN(mutation)) ga = ga.withMutation(mutation);
				yield ga;
			}
			case "es" -> {
				final Es d = Es.defaults();
				final int lambda = population > 0 ? population : d.lambda();
				yield new Es(Math.min(d.mu(), lambda), lambda, d.tournament(), Double.isNaN(crossover) ? d
					.crossoverRate() : crossover, Double.isNaN(mutation) ? d.mutationRate() : mutation, d.mutationSigma());
			}
			case "nsga2" -> {
				final Nsga2 d = Nsga2.defaults();
				yield new Nsga2(population > 0 ? population : d.populationSize(), Double.isNaN(crossover) ? d
					.crossoverRate() : crossover, Double.isNaN(mutation) ? d.mutationRate() : mutation, d.mutationSigma());
			}
			case "cma-es", "cmaes" -> new CmaEs(population > 0 ? population : CmaEs.defaults().populationSize(), CmaEs
				.defaults().restarts(), CmaEs.defaults().sigma());
			default -> throw new IllegalArgumentException("unknown algorithm '" + name + "'; known: " + String.join(
				", ", names()));
		};
	}
}
