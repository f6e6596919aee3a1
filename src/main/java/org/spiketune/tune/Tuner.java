package org.spiketune.tune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import io.jenetics.DoubleChromosome;
import io.jenetics.DoubleGene;
import io.jenetics.EliteSelector;
import io.jenetics.Genotype;
import io.jenetics.Optimize;
import io.jenetics.Phenotype;
import io.jenetics.engine.Engine;
import io.jenetics.engine.EvolutionResult;
import io.jenetics.engine.EvolutionStart;
import io.jenetics.ext.moea.NSGA2Selector;
import io.jenetics.ext.moea.Vec;
import io.jenetics.util.ISeq;
import io.jenetics.util.RandomRegistry;

import org.spiketune.model.Checks;
import org.spiketune.objective.Score;
import org.spiketune.random.Keys;
import org.spiketune.random.PhiloxStream;
import org.spiketune.sim.Simulator;

/**
 * Runs a tuning run on Jenetics, one generation at a time, each generation one simulator batch. Every
 * random choice of generation g comes from a Philox stream keyed by (seed, g), and the engine runs on the
 * calling thread, so the same config gives the same run whatever the simulator's thread count.
 * Cancellation (the listener, or an interrupt) ends the run after the last completed generation, with its
 * best individual and history. With a {@link CheckpointStore}, the state after every generation is kept, and
 * a run started from a checkpoint ends exactly as the run would have without the interruption (GA, ES and
 * NSGA-II; CMA-ES's state lives inside Commons Math's optimizer and cannot be kept).
 */
public final class Tuner {

	/** Jenetics replaces individuals older than this; elites of long runs must not be. */
	private static final long NO_AGE_LIMIT = 1_000_000_000L;

	private final Simulator simulator;

	public Tuner(final Simulator simulator) {
		this.simulator = Checks.notNull("simulator", simulator);
	}

	public Simulator simulator() {
		return simulator;
	}

	public TuningResult run(final TuningConfig config) {
		return run(config, TuningListener.NONE);
	}

	public TuningResult run(final TuningConfig config, final TuningListener listener) {
		return run(config, listener, CheckpointStore.NONE);
	}

	/**
	 * Runs {@code config}, going on from the store's checkpoint if it has one, and keeping one after every
	 * generation.
	 *
	 * @throws IllegalArgumentException if the checkpoint is of another run, or with checkpoints for CMA-ES
	 */
	public TuningResult run(final TuningConfig config, final TuningListener listener, final CheckpointStore store) {
		Checks.notNull("config", config);
		Checks.notNull("listener", listener);
		Checks.notNull("checkpoint store", store);
		if (config.algorithm() instanceof Algorithm.CmaEs && store.keeps()) {
			throw new IllegalArgumentException("checkpoints and resume are not available for cma-es (its state lives " +
				"inside Commons Math's optimizer); use ga, es or nsga2, or run cma-es without a checkpoint");
		}
		final int switchesBefore = simulator.switches().size();
		final TuningResult result = search(config, listener, store);
		final List<String> switches = simulator.switches();
		return switches.size() == switchesBefore ? result : result.withBackendSwitches(switches.subList(switchesBefore,
			switches.size()));
	}

	private TuningResult search(final TuningConfig config, final TuningListener listener,
		final CheckpointStore store)
	{
		final Optimize optimize = config.objective().minimize() ? Optimize.MINIMUM : Optimize.MAXIMUM;
		final int n = config.space().size();
		final io.jenetics.util.Factory<Genotype<DoubleGene>> factory = Genotype.of(DoubleChromosome.of(0, 1, n));
		return switch (config.algorithm()) {
			case Algorithm.CmaEs cma -> new CmaEsSearch(simulator, config, cma, listener).run();
			case Algorithm.Ga ga -> drive(config, listener, store, Fitness.SCALAR,
				evaluator -> new Engine.Builder<>(evaluator, factory).populationSize(ga.populationSize()).optimize(
					optimize).survivorsSize(ga.elite()).survivorsSelector(new EliteSelector<DoubleGene, Double>(Math.max(1,
						ga.elite()))).offspringSelector(new Operators.RankRoulette<>()).alterers(
							new Operators.CrossoverFraction<>(ga.crossoverFraction(), ga.mutationRate(), ga.mutationSigma()))
					.maximalPhenotypeAge(NO_AGE_LIMIT).executor(Runnable::run).build());
			case Algorithm.Es es -> drive(config, listener, store, Fitness.SCALAR,
				evaluator -> new Engine.Builder<>(evaluator, factory).populationSize(es.lambda()).optimize(optimize)
					.survivorsSize(0).offspringSelector(new Operators.BestMuTournament<Double>(es.mu(), es
						.tournament())).alterers(new Operators.Variation<>(es.crossoverRate(), es.mutationRate(), es
							.mutationSigma(), false)).interceptor(new Operators.WeakElitism<>(optimize)).maximalPhenotypeAge(
								NO_AGE_LIMIT).executor(Runnable::run).build());
			case Algorithm.Nsga2 nsga -> drive(config, listener, store, Fitness.VECTOR,
				evaluator -> new Engine.Builder<>(evaluator, factory).populationSize(nsga.populationSize()).optimize(optimize).selector(NSGA2Selector
						.<DoubleGene, double[], Vec<double[]>> ofVec()).alterers(new Operators.Variation<>(nsga
							.crossoverRate(), nsga.mutationRate(), nsga.mutationSigma(), true)).maximalPhenotypeAge(NO_AGE_LIMIT)
					.executor(Runnable::run).build());
		};
	}

	/**
	 * The scores of {@code values} on {@code n} fresh samples seeded from {@code seed}: each a new noise seed
	 * and, with {@code freshNetworks}, a new structure too (else the run's own network). Says how the
	 * parameters do beyond the noise, or the network instance, they were tuned on.
	 */
	public List<Score> validate(final TuningConfig config, final Map<String, Double> values, final int n,
		final long seed, final boolean freshNetworks)
	{
		Checks.atLeast("validation samples", n, 1);
		final List<Score> scores = new ArrayList<>();
		if (!freshNetworks) {
			final List<org.spiketune.sim.Member> members = new ArrayList<>();
			for (int i = 0; i < n; i++) members.add(org.spiketune.sim.Member.of(config.noise().frozen() ? config
				.frozenNoiseSeed() : Keys.memberSeed(Keys.mix64(seed), i), values));
			for (final org.spiketune.sim.MemberResult m : simulator.runAll(config.network(), config.durationMs(),
				config.seed(), members, config.recording())) scores.add(config.objective().evaluate(m));
			return scores;
		}
		for (int i = 0; i < n; i++) {
			final long structure = Keys.memberSeed(Keys.mix64(seed), 2 * i);
			final org.spiketune.sim.Member member = org.spiketune.sim.Member.of(config.noise().frozen() ? config
				.frozenNoiseSeed() : Keys.memberSeed(Keys.mix64(seed), 2 * i + 1), values);
			scores.add(config.objective().evaluate(simulator.runAll(config.network(), config.durationMs(), structure,
				List.of(member), config.recording()).get(0)));
		}
		return scores;
	}

	/** The random numbers of generation {@code g} (0: the initial population). */
	static PhiloxStream randomFor(final long seed, final int generation) {
		return new PhiloxStream(Keys.mix64(seed), generation, 0, Keys.STREAM_EVOLUTION);
	}

	/** How a score becomes the engine's fitness, ranks as one number, and is kept in a checkpoint. */
	private record Fitness<C extends Comparable<? super C>>(Function<Score, C> ofScore, ToDoubleFunction<C> scalar,
		Function<C, double[]> toArray, Function<double[], C> fromArray)
	{

		static final Fitness<Double> SCALAR = new Fitness<>(Score::value, Double::doubleValue, v -> new double[] { v },
			a -> a[0]);
		static final Fitness<Vec<double[]>> VECTOR = new Fitness<>(score -> Vec.of(score.objectives()), vec -> Arrays
			.stream(vec.data()).sum(), Vec::data, Vec::of);
	}

	private <C extends Comparable<? super C>> TuningResult drive(final TuningConfig config,
		final TuningListener listener, final CheckpointStore store, final Fitness<C> type,
		final Function<BatchEvaluator<C>, Engine<DoubleGene, C>> engineFor)
	{
		final boolean pareto = type == Fitness.VECTOR;
		final ToDoubleFunction<C> scalar = type.scalar();
		final Checkpoint saved = store.load().orElse(null);
		if (saved != null) saved.checkContinues(config);
		final long started = System.nanoTime() - (saved == null ? 0 : (long) (saved.elapsedMs() * 1e6));
		final ScoreBook scores = new ScoreBook();
		final long[] evaluations = { saved == null ? 0 : saved.evaluations() };
		final TuningListener recording = new TuningListener() {

			@Override
			public void evaluated(final Evaluation e) {
				if (e.kind() != Evaluation.Kind.CONFIRMATION) scores.record(e.genes(), e.score());
				evaluations[0]++;
				listener.evaluated(e);
			}
		};
		final BatchEvaluator<C> evaluator = new BatchEvaluator<>(simulator, config, type.ofScore(), recording);
		final Engine<DoubleGene, C> engine = engineFor.apply(evaluator);
		final Termination stop = config.termination();
		final boolean minimize = config.objective().minimize();
		final List<GenerationStats> history = new ArrayList<>();
		EvolutionStart<DoubleGene, C> start;
		EvolutionResult<DoubleGene, C> last = null;
		Termination.Reason reason = null;
		double bestEver = Double.NaN;
		int steady = 0;
		if (saved == null) {
			final ISeq<Phenotype<DoubleGene, C>> initial = RandomRegistry.with(randomFor(config.seed(), 0), r -> engine
				.genotypeFactory().instances().limit(engine.populationSize()).map(g -> Phenotype.<DoubleGene, C> of(g, 1))
				.collect(ISeq.toISeq()));
			start = EvolutionStart.of(initial, 1);
		}
		else {
			for (final Checkpoint.Evaluated e : saved.evaluated()) scores.record(e.genes(), e.score());
			history.addAll(saved.history());
			evaluator.startAt(saved.evaluatorCalls(), saved.simulateMs());
			final ISeq<Phenotype<DoubleGene, C>> population = saved.population().stream().map(i -> Phenotype.of(Genes
				.genotype(i.genes()), i.born(), type.fromArray().apply(i.fitness()))).collect(ISeq.toISeq());
			start = JeneticsStarts.of(population, saved.startGeneration(), saved.startDirty());
			bestEver = saved.bestEver();
			steady = saved.steady();
			if (saved.generation() > 0) {
				last = EvolutionResult.of(optimize(config), population, saved.startGeneration() - 1,
					io.jenetics.engine.EvolutionDurations.ZERO, 0, 0, 0);
				reason = stopReason(saved.generation(), history.getLast(), steady, stop, minimize, (long) (saved
					.elapsedMs() * 1e6));
			}
		}
		for (int g = history.size() + 1; reason == null; g++) {
			if (listener.cancelled() || Thread.currentThread().isInterrupted()) {
				reason = Termination.Reason.CANCELLED;
				break;
			}
			final long generationStart = System.nanoTime();
			final double simulatedBefore = evaluator.simulateMs();
			final long evaluatedBefore = evaluations[0];
			final EvolutionStart<DoubleGene, C> from = start;
			evaluator.generation(g);
			final EvolutionResult<DoubleGene, C> result;
			try {
				result = RandomRegistry.with(randomFor(config.seed(), g), r -> engine.evolve(from));
			}
			catch (final CancellationException e) {
				reason = Termination.Reason.CANCELLED;
				break;
			}
			final double generationMs = (System.nanoTime() - generationStart) / 1e6;
			final double simulated = evaluator.simulateMs() - simulatedBefore;
			final GenerationStats stats = stats(g, result, type, config, (int) (evaluations[0] - evaluatedBefore),
				evaluations[0], simulated, generationMs - simulated, (System.nanoTime() - started) / 1e6, minimize);
			history.add(stats);
			last = result;
			start = result.next();
			final boolean improved = Double.isNaN(bestEver) || (minimize ? stats.best() < bestEver : stats
				.best() > bestEver);
			if (improved) {
				bestEver = stats.best();
				steady = 0;
			}
			else steady++;
			reason = stopReason(g, stats, steady, stop, minimize, System.nanoTime() - started);
			if (store.keeps()) {
				store.save(checkpoint(config, g, start, evaluator, type, history, scores, evaluations[0], (System
					.nanoTime() - started) / 1e6, bestEver, steady));
			}
			// told after the checkpoint, so a generation a listener has seen survives a kill at any moment after
			listener.generation(stats);
		}
		final Confirmed confirmed = last == null || config.noise().confirm() == 0 || pareto ? null : confirm(evaluator,
			last, config, history.size() + 1, minimize);
		return result(config, last, scalar, type, scores, history, evaluations[0], reason, pareto, confirmed, evaluator
			.simulateMs(), (System.nanoTime() - started) / 1e6, minimize, simulator.backend());
	}

	private static Optimize optimize(final TuningConfig config) {
		return config.objective().minimize() ? Optimize.MINIMUM : Optimize.MAXIMUM;
	}

	/** Why the run stops after generation {@code g}, or null to go on. */
	private static Termination.Reason stopReason(final int g, final GenerationStats stats, final int steady,
		final Termination stop, final boolean minimize, final long elapsedNanos)
	{
		if (g >= stop.maxGenerations()) return Termination.Reason.MAX_GENERATIONS;
		if (!Double.isNaN(stop.targetFitness()) && (minimize ? stats.best() <= stop.targetFitness() : stats
			.best() >= stop.targetFitness())) return Termination.Reason.TARGET_REACHED;
		if (stop.steadyGenerations() > 0 && steady >= stop.steadyGenerations()) return Termination.Reason.STEADY_FITNESS;
		if (stop.wallClock() != null && elapsedNanos >= stop.wallClock().toNanos()) return Termination.Reason.WALL_CLOCK;
		return null;
	}

	private static <C extends Comparable<? super C>> Checkpoint checkpoint(final TuningConfig config, final int g,
		final EvolutionStart<DoubleGene, C> next, final BatchEvaluator<C> evaluator, final Fitness<C> type,
		final List<GenerationStats> history, final ScoreBook scores, final long evaluations,
		final double elapsedMs, final double bestEver, final int steady)
	{
		final List<Checkpoint.Individual> population = new ArrayList<>();
		for (final Phenotype<DoubleGene, C> p : next.population()) {
			population.add(new Checkpoint.Individual(Genes.of(p.genotype()), type.toArray().apply(p.fitness()), p
				.generation()));
		}
		final List<Checkpoint.Evaluated> evaluated = scores.evaluated();
		return new Checkpoint(Checkpoint.identity(config), g, next.generation(), JeneticsStarts.dirty(next), evaluator
			.calls(), population, history,
			evaluated, evaluations, evaluator.simulateMs(), elapsedMs, bestEver, steady);
	}

	/** The individual that won the confirmation, with its mean score. */
	private record Confirmed(double[] genes, Score score) {}

	/** Re-simulates the final population's distinct individuals and picks the best mean. */
	private static <C extends Comparable<? super C>> Confirmed confirm(final BatchEvaluator<C> evaluator,
		final EvolutionResult<DoubleGene, C> last, final TuningConfig config, final int label,
		final boolean minimize)
	{
		final List<double[]> distinct = new ArrayList<>();
		for (final Phenotype<DoubleGene, C> p : last.population()) {
			final double[] g = Genes.of(p.genotype());
			if (distinct.stream().noneMatch(d -> Arrays.equals(d, g))) distinct.add(g);
		}
		final List<Score> means = evaluator.confirm(distinct, config.noise().confirm(), label);
		int best = 0;
		for (int k = 1; k < means.size(); k++) {
			final double v = means.get(k).value(), b = means.get(best).value();
			if (minimize ? v < b : v > b) best = k;
		}
		return new Confirmed(distinct.get(best), means.get(best));
	}

	/** The score that gave {@code p} its fitness (the same genes may have been scored again since). */
	private static <C extends Comparable<? super C>> Score scoreOf(final Phenotype<DoubleGene, C> p,
		final Fitness<C> type, final ScoreBook scores)
	{
		final double[] fitness = type.toArray().apply(p.fitness());
		return scores.of(Genes.of(p.genotype()), s -> Arrays.equals(type.toArray().apply(type.ofScore().apply(s)),
			fitness));
	}

	private static <C extends Comparable<? super C>> Phenotype<DoubleGene, C> best(
		final EvolutionResult<DoubleGene, C> result, final ToDoubleFunction<C> scalar, final boolean minimize)
	{
		Phenotype<DoubleGene, C> best = null;
		for (final Phenotype<DoubleGene, C> p : result.population()) {
			if (!p.isEvaluated()) continue;
			final double v = scalar.applyAsDouble(p.fitness());
			if (best == null || (minimize ? v < scalar.applyAsDouble(best.fitness()) : v > scalar.applyAsDouble(best
				.fitness()))) best = p;
		}
		return best;
	}

	private static <C extends Comparable<? super C>> GenerationStats stats(final int generation,
		final EvolutionResult<DoubleGene, C> result, final Fitness<C> type, final TuningConfig config,
		final int evaluations, final long total, final double simulateMs, final double evolveMs,
		final double elapsedMs, final boolean minimize)
	{
		final List<Phenotype<DoubleGene, C>> population = result.population().asList();
		final ToDoubleFunction<C> scalar = type.scalar();
		final double worst = config.objective().worst();
		final double[] values = new double[population.size()];
		final boolean[] failed = new boolean[values.length];
		final double[][] points = new double[population.size()][];
		for (int i = 0; i < values.length; i++) {
			final C fitness = population.get(i).fitness();
			values[i] = scalar.applyAsDouble(fitness);
			// a failed member has the worst value in every objective
			failed[i] = Arrays.stream(type.toArray().apply(fitness)).allMatch(v -> v == worst);
			points[i] = Genes.of(population.get(i).genotype());
		}
		final double[] meanSd = GenerationStats.meanSd(values, failed, worst);
		final Phenotype<DoubleGene, C> best = best(result, scalar, minimize);
		return new GenerationStats(generation, evaluations, total, scalar.applyAsDouble(best.fitness()), meanSd[0],
			meanSd[1], Genes.meanDistance(points), config.space().values(Genes.of(best.genotype())), simulateMs,
			evolveMs, elapsedMs);
	}

	private static <C extends Comparable<? super C>> TuningResult result(final TuningConfig config,
		final EvolutionResult<DoubleGene, C> last, final ToDoubleFunction<C> scalar,
		final Fitness<C> type, final ScoreBook scores, final List<GenerationStats> history, final long evaluations,
		final Termination.Reason reason, final boolean pareto, final Confirmed confirmed, final double simulateMs,
		final double totalMs, final boolean minimize, final org.spiketune.sim.Backend backend)
	{
		if (last == null) {
			return new TuningResult(config, Map.of(), Double.NaN, null, history, evaluations, reason, List.of(),
				simulateMs, totalMs, backend.name(), backend.device());
		}
		final Phenotype<DoubleGene, C> best = best(last, scalar, minimize);
		final double[] genes = Genes.of(best.genotype());
		final List<TuningResult.ParetoPoint> front = new ArrayList<>();
		if (pareto) {
			final List<double[]> seen = new ArrayList<>();
			for (final Phenotype<DoubleGene, C> p : last.population()) {
				final double[] g = Genes.of(p.genotype());
				final Score s = scoreOf(p, type, scores);
				if (s == null || seen.stream().anyMatch(x -> Arrays.equals(x, g))) continue;
				boolean dominated = false;
				for (final Phenotype<DoubleGene, C> q : last.population()) {
					final Score t = scoreOf(q, type, scores);
					if (t != null && dominates(t.objectives(), s.objectives(), minimize)) dominated = true;
				}
				if (!dominated) {
					seen.add(g);
					front.add(new TuningResult.ParetoPoint(config.space().decode(g), s.objectives()));
				}
			}
		}
		if (confirmed != null) {
			return new TuningResult(config, new LinkedHashMap<>(config.space().decode(confirmed.genes())), confirmed
				.score().value(), confirmed.score(), history, evaluations, reason, front, simulateMs, totalMs, backend.name(),
				backend.device());
		}
		return new TuningResult(config, new LinkedHashMap<>(config.space().decode(genes)), scalar.applyAsDouble(best
			.fitness()), scoreOf(best, type, scores), history, evaluations, reason, front, simulateMs, totalMs, backend.name(),
			backend.device());
	}

	/** Pareto dominance: no worse in every objective, better in one. */
	static boolean dominates(final double[] a, final double[] b, final boolean minimize) {
		boolean better = false;
		for (int i = 0; i < a.length; i++) {
			final double d = minimize ? b[i] - a[i] : a[i] - b[i];
			if (d < 0) return false;
			if (d > 0) better = true;
		}
		return better;
	}
}
