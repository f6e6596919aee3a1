package org.spiketune.tune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.spiketune.objective.Score;

/**
 * Every score each individual (named by its genes) got. The same genes are simulated again when a clone
 * appears or a survivor is re-evaluated, each time with fresh noise seeds, so they can have several scores;
 * the one that gave a phenotype its fitness is the one to report, not merely the latest.
 */
final class ScoreBook {

	private final Map<List<Double>, List<Score>> byGenes = new LinkedHashMap<>();

	void record(final double[] genes, final Score score) {
		byGenes.computeIfAbsent(key(genes), k -> new ArrayList<>()).add(score);
	}

	/**
	 * The latest score of {@code genes} that {@code gaveFitness} accepts; the latest of any when none does
	 * (a checkpoint written before scores were kept per evaluation holds one per individual), null when the
	 * genes were never scored.
	 */
	Score of(final double[] genes, final Predicate<Score> gaveFitness) {
		final List<Score> scores = byGenes.get(key(genes));
		if (scores == null) return null;
		for (int i = scores.size() - 1; i >= 0; i--) {
			if (gaveFitness.test(scores.get(i))) return scores.get(i);
		}
		return scores.get(scores.size() - 1);
	}

	/** Every recorded score with its genes, in the order recorded (per individual), for a checkpoint. */
	List<Checkpoint.Evaluated> evaluated() {
		final List<Checkpoint.Evaluated> all = new ArrayList<>();
		byGenes.forEach((genes, scores) -> {
			final double[] g = genes.stream().mapToDouble(Double::doubleValue).toArray();
			for (final Score s : scores) all.add(Checkpoint.Evaluated.of(g, s));
		});
		return all;
	}

	private static List<Double> key(final double[] genes) {
		return Arrays.stream(genes).boxed().toList();
	}
}
