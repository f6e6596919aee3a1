package org.spiketune.tune;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.spiketune.model.Checks;
import org.spiketune.objective.Score;

/**
 * A tuning run's state after a completed generation: all that is needed to go on exactly as if the run had
 * not stopped. The random state is the generation's number, since every generation draws from a Philox
 * stream keyed by (seed, generation), and the evaluator's call count, which keys the members' noise seeds.
 *
 * @param run what the run is (seed, algorithm, parameters, network, objective...): a checkpoint only
 *   continues the same run; the termination may differ, so a finished run can be extended
 * @param generation generations completed
 * @param startGeneration the Jenetics generation number the next generation starts from
 * @param startDirty whether Jenetics will re-evaluate that start population (an evaluator call)
 * @param evaluatorCalls evaluator calls made so far
 * @param population the population the next generation starts from, with fitness
 * @param history one entry per completed generation
 * @param evaluated every individual evaluated so far (unit genes) with its score
 * @param steady generations since the best improved
 */
public record Checkpoint(Map<String, String> run, int generation, long startGeneration, boolean startDirty,
	int evaluatorCalls,
	List<Individual> population, List<GenerationStats> history, List<Evaluated> evaluated, long evaluations,
	double simulateMs, double elapsedMs, double bestEver, int steady)
{

	/** One member of the population: unit genes, fitness (one value, or the objectives), birth generation. */
	public record Individual(double[] genes, double[] fitness, long born) {

		public Individual {
			genes = genes.clone();
			fitness = fitness.clone();
		}

		@Override
		public double[] genes() {
			return genes.clone();
		}

		@Override
		public double[] fitness() {
			return fitness.clone();
		}
	}

	/** An evaluated individual and its score, kept so the final result lists every evaluation. */
	public record Evaluated(double[] genes, double value, double[] components, double[] objectives,
		String failure)
	{

		public Evaluated {
			genes = genes.clone();
			components = components.clone();
			objectives = objectives.clone();
		}

		static Evaluated of(final double[] genes, final Score score) {
			return new Evaluated(genes, score.value(), score.components(), score.objectives(), score.failed() ? score
				.failure() : null);
		}

		@Override
		public double[] genes() {
			return genes.clone();
		}

		Score score() {
			return failure == null ? Score.of(value, components, objectives) : Score.failed(failure, value,
				components.length, objectives.length);
		}
	}

	public Checkpoint {
		run = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Checks.notNull("run", run)));
		Checks.atLeast("generation", generation, 0);
		population = List.copyOf(Checks.notNull("population", population));
		history = List.copyOf(Checks.notNull("history", history));
		evaluated = List.copyOf(Checks.notNull("evaluated", evaluated));
		if (history.size() != generation) {
			throw new IllegalArgumentException("a checkpoint of generation " + generation + " must hold " + generation +
				" history entries, not " + history.size());
		}
	}

	/** What identifies a run: everything that changes its course except when it stops. */
	public static Map<String, String> identity(final TuningConfig config) {
		final Map<String, String> id = new LinkedHashMap<>();
		id.put("seed", Long.toString(config.seed()));
		id.put("algorithm", config.algorithm().toString());
		id.put("parameters", config.space().toString());
		id.put("network", config.network().name() + " (" + config.network().neuronCount() + " neurons)");
		id.put("objective", config.objective().name() + " " + config.objective().components());
		id.put("duration ms", Double.toString(config.durationMs()));
		id.put("noise handling", config.noise().toString());
		final String protocols = imageProtocols(config.network());
		if (!protocols.isEmpty()) id.put("image protocol", protocols);
		return id;
	}

	/** The phases of the network's image drives in words, so a run cannot resume with other gratings. */
	private static String imageProtocols(final org.spiketune.model.NetworkSpec network) {
		final java.util.StringJoiner text = new java.util.StringJoiner("; ");
		for (final org.spiketune.model.Stimulus s : network.stimuli()) {
			if (!(s instanceof org.spiketune.model.Stimulus.ImageDrive drive)) continue;
			for (final org.spiketune.model.Protocol.Phase phase : drive.protocol().phases()) {
				text.add(String.format(java.util.Locale.ROOT, "%s: %d presentations × %d%s, at %s Hz", phase.name(), phase
					.presentations().size(), phase.repeats(), phase.shuffled() ? " shuffled" : "", phase.presentations()
						.stream().map(p -> Double.toString(p.temporalHz())).distinct().collect(java.util.stream.Collectors
							.joining("/"))));
			}
		}
		return text.toString();
	}

	/**
	 * @throws IllegalArgumentException naming what differs, when this checkpoint is of another run
	 */
	public void checkContinues(final TuningConfig config) {
		final Map<String, String> now = identity(config);
		for (final Map.Entry<String, String> e : now.entrySet()) {
			// keys added since a checkpoint was written (e.g. "image protocol") cannot be checked against it
			if (!run.containsKey(e.getKey()) && e.getKey().equals("image protocol")) continue;
			final String saved = run.get(e.getKey());
			if (!Objects.equals(saved, e.getValue())) {
				throw new IllegalArgumentException("the checkpoint is of another run: its " + e.getKey() + " is " + saved +
					", this run's is " + e.getValue());
			}
		}
		if (population.isEmpty()) throw new IllegalArgumentException("the checkpoint holds no population");
		final int n = config.space().size();
		for (final Individual i : population) {
			checkGenes(i.genes, n);
			if (i.fitness.length == 0) throw new IllegalArgumentException("an individual of the checkpoint has no fitness");
		}
		for (final Evaluated e : evaluated) checkGenes(e.genes, n);
	}

	private static void checkGenes(final double[] genes, final int n) {
		if (genes.length != n) {
			throw new IllegalArgumentException("an individual of the checkpoint has " + genes.length + " genes; this run " +
				"tunes " + n + " parameters");
		}
		for (final double g : genes) {
			if (!(g >= 0 && g <= 1)) throw new IllegalArgumentException("a gene of the checkpoint is outside [0, 1]: " + g);
		}
	}
}
