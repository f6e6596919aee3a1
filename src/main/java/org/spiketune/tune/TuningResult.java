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
	double simulateMs, double totalMs, String backend, String device, List<String> backendSwitches)
{

	public TuningResult {
		best = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(best));
		generations = List.copyOf(generations);
		pareto = List.copyOf(pareto);
		backendSwitches = List.copyOf(backendSwitches);
	}

	/** A result whose backend never failed. */
	public TuningResult(final TuningConfig config, final Map<String, Double> best, final double bestFitness,
		final Score bestScore, final List<GenerationStats> generations, final long evaluations,
		final Termination.Reason reason, final List<ParetoPoint> pareto, final double simulateMs, final double totalMs,
		final String backend, final String device)
	{
		this(config, best, bestFitness, bestScore, generations, evaluations, reason, pareto, simulateMs, totalMs,
			backend, device, List.of());
	}

	/** This result with the switches to a fallback backend made during the run (device failures). */
	public TuningResult withBackendSwitches(final List<String> switches) {
		return new TuningResult(config, best, bestFitness, bestScore, generations, evaluations, reason, pareto,
			simulateMs, totalMs, backend, device, switches);
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
