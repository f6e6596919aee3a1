package org.spiketune.tune;

import java.util.List;
import java.util.Map;

import org.spiketune.objective.Score;

/**
 * What a run found: the best individual of the final population (its parameter values, fitness and score
 * components), the statistics of every generation, the number of simulations, why it stopped, and, for
 * NSGA-II, the Pareto front of the final population; and the backend and device that simulated it.
 */
public record TuningResult(TuningConfig config, Map<String, Double> best, double bestFitness, Score bestScore,
	List<GenerationStats> generations, long evaluations, Termination.Reason reason, List<ParetoPoint> pareto,
	double simulateMs, double totalMs, String backend, String device)
{

	public TuningResult {
		best = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(best));
		generations = List.copyOf(generations);
		pareto = List.copyOf(pareto);
	}

	/** A non-dominated individual: its parameter values and objective vector. */
	public record ParetoPoint(Map<String, Double> values, double[] objectives) {

		public ParetoPoint {
			values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
			objectives = objectives.clone();
		}

		@Override
		public double[] objectives() {
			return objectives.clone();
		}
	}
}
