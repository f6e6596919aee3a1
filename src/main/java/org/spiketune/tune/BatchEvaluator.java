package org.spiketune.tune;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.jenetics.DoubleGene;
import io.jenetics.Phenotype;
import io.jenetics.engine.Evaluator;
import io.jenetics.util.ISeq;
import io.jenetics.util.Seq;

import org.spiketune.objective.Score;
import org.spiketune.random.Keys;
import org.spiketune.sim.Member;
import org.spiketune.sim.MemberResult;
import org.spiketune.sim.Simulator;

/**
 * Evaluates a whole generation with one simulator batch: every individual that needs a fitness (all not yet
 * evaluated; with re-evaluation, survivors too) becomes {@code samples} batch members with fresh seeds,
 * and its fitness is the mean score of its samples.
 * <p>
 * Contract (Jenetics' {@link Evaluator}): the result has the input's size and order, every phenotype is
 * evaluated, and evaluated phenotypes are returned as they are unless re-evaluation is on.
 *
 * @implNote Not thread-safe; the tuner calls it from one thread, through Jenetics, once or twice per generation
 *           (call 0 evaluates the initial population); the calls key the noise seeds, {@link #generation} labels
 *           the evaluations.
 */
final class BatchEvaluator<C extends Comparable<? super C>> implements Evaluator<DoubleGene, C> {

	private final Simulator simulator;
	private final TuningConfig config;
	private final Function<Score, C> fitness;
	private final TuningListener listener;
	private int calls;
	private int generation;
	private int lastEvaluations;
	private double simulateMs;

	BatchEvaluator(final Simulator simulator, final TuningConfig config, final Function<Score, C> fitness,
		final TuningListener listener)
	{
		this.simulator = simulator;
		this.config = config;
		this.fitness = fitness;
		this.listener = listener;
	}

	/** Continues an earlier run (resume): the next call is labeled {@code calls}; simulated time adds on. */
	void startAt(final int calls, final double simulateMs) {
		this.calls = calls;
		this.simulateMs = simulateMs;
	}

	/**
	 * The tuner's generation whose evaluations follow ({@link Evaluation#generation()}; the initial population's
	 * are generation 0). Jenetics may call {@link #eval} more than once a generation, so calls do not count them.
	 */
	void generation(final int g) {
		generation = g;
	}

	/** Calls made so far, which label the generations' noise seeds. */
	int calls() {
		return calls;
	}

	@Override
	public ISeq<Phenotype<DoubleGene, C>> eval(final Seq<Phenotype<DoubleGene, C>> population) {
		final int call = calls++;
		final int label = call == 0 ? 0 : generation;
		final List<Integer> todo = new ArrayList<>();
		for (int i = 0; i < population.size(); i++) {
			if (population.get(i).nonEvaluated() || config.noise().reevaluate()) todo.add(i);
		}
		lastEvaluations = todo.size();
		if (todo.isEmpty()) return ISeq.of(population.asList());
		final int samples = config.noise().samples();
		final long generationSeed = Keys.mix64(config.seed() + 0x9E3779B97F4A7C15L * (call + 1L));
		final List<Member> members = new ArrayList<>(todo.size() * samples);
		final double[][] genes = new double[todo.size()][];
		for (int k = 0; k < todo.size(); k++) {
			genes[k] = Genes.of(population.get(todo.get(k)).genotype());
			final Map<String, Double> values = config.space().decode(genes[k]);
			for (int s = 0; s < samples; s++) {
				members.add(Member.of(noiseSeed(generationSeed, k * samples + s), values));
			}
		}
		final long start = System.nanoTime();
		final List<MemberResult> batch = simulator.runAll(config.network(), config.durationMs(), config
			.structureSeed(call), members, config.recording());
		final Phenotype<DoubleGene, C>[] out = population.asList().toArray(phenotypes(population.size()));
		for (int k = 0; k < todo.size(); k++) {
			final Score[] scores = new Score[samples];
			final long[] seeds = new long[samples];
			for (int s = 0; s < samples; s++) {
				scores[s] = config.objective().evaluate(batch.get(k * samples + s));
				seeds[s] = members.get(k * samples + s).seed();
			}
			final Score score = Score.mean(scores);
			final int index = todo.get(k);
			final Evaluation.Kind kind = population.get(index).isEvaluated() ? Evaluation.Kind.REEVALUATED
				: Evaluation.Kind.NEW;
			out[index] = population.get(index).withFitness(fitness.apply(score));
			listener.evaluated(new Evaluation(label, k, config.space().values(genes[k]), genes[k], score, seeds,
				kind));
		}
		simulateMs += (System.nanoTime() - start) / 1e6;
		return ISeq.of(out);
	}

	/**
	 * Simulates each of {@code individuals} {@code samples} more times (one batch per sample, each with its
	 * own structure when the structure varies) and returns their mean scores; labeled generation
	 * {@code label}.
	 */
	List<Score> confirm(final List<double[]> individuals, final int samples, final int label) {
		final long labelSeed = Keys.mix64(config.seed() + 0x9E3779B97F4A7C15L * (label + 1L));
		final Score[][] scores = new Score[individuals.size()][samples];
		final long[][] seeds = new long[individuals.size()][samples];
		final long start = System.nanoTime();
		for (int s = 0; s < samples; s++) {
			final List<Member> members = new ArrayList<>();
			for (int k = 0; k < individuals.size(); k++) {
				seeds[k][s] = noiseSeed(labelSeed, s * individuals.size() + k);
				members.add(Member.of(seeds[k][s], config.space().decode(individuals.get(k))));
			}
			final long structure = config.noise().varyStructure() ? Keys.memberSeed(labelSeed ^ 0x5DEECE66DL, s)
				: config.seed();
			final List<MemberResult> batch = simulator.runAll(config.network(), config.durationMs(), structure,
				members, config.recording());
			for (int k = 0; k < individuals.size(); k++) scores[k][s] = config.objective().evaluate(batch.get(k));
		}
		simulateMs += (System.nanoTime() - start) / 1e6;
		final List<Score> means = new ArrayList<>();
		for (int k = 0; k < individuals.size(); k++) {
			final Score mean = Score.mean(scores[k]);
			means.add(mean);
			listener.evaluated(new Evaluation(label, k, config.space().values(individuals.get(k)), individuals.get(k),
				mean, seeds[k], Evaluation.Kind.CONFIRMATION));
		}
		return means;
	}

	/** Member {@code index}'s noise seed: fresh per generation and member, or the run's frozen one. */
	private long noiseSeed(final long generationSeed, final int index) {
		return config.noise().frozen() ? config.frozenNoiseSeed() : Keys.memberSeed(generationSeed, index);
	}

	@SuppressWarnings("unchecked")
	private static <C extends Comparable<? super C>> Phenotype<DoubleGene, C>[] phenotypes(final int n) {
		return (Phenotype<DoubleGene, C>[]) new Phenotype<?, ?>[n];
	}

	/** Individuals simulated by the last call. */
	int lastEvaluations() {
		return lastEvaluations;
	}

	/** Time spent simulating and scoring, over all calls. */
	double simulateMs() {
		return simulateMs;
	}
}
