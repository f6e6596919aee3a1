package org.spiketune.tune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.random.MersenneTwister;
import org.spiketune.objective.Score;
import org.spiketune.random.Keys;
import org.spiketune.sim.Member;
import org.spiketune.sim.MemberResult;
import org.spiketune.sim.Simulator;

/**
 * Runs {@link Algorithm.CmaEs}: one Apache Commons Math {@link CMAESOptimizer} per restart, each on a thread
 * of its own, whose objective calls meet in {@link Rounds}: when every running restart has asked for one
 * point, the points are simulated as one batch. A restart's sequence of points depends only on its own
 * seed and results, so the run is reproducible however the threads are scheduled.
 * <p>
 * A generation of the history is {@code populationSize} rounds (one CMA-ES iteration of every restart);
 * the best is the best point seen so far. Genes are the parameters scaled to [0, 1].
 */
final class CmaEsSearch {

	/** Thrown into an optimizer to end its restart when the run stops (cancel, target, time). */
	private static final class Stopped extends RuntimeException {

		private static final long serialVersionUID = 1L;

		Stopped() {
			super(null, null, false, false);
		}
	}

	private final Simulator simulator;
	private final TuningConfig config;
	private final Algorithm.CmaEs cma;
	private final TuningListener listener;

	CmaEsSearch(final Simulator simulator, final TuningConfig config, final Algorithm.CmaEs cma,
		final TuningListener listener)
	{
		this.simulator = simulator;
		this.config = config;
		this.cma = cma;
		this.listener = listener;
		final NoiseHandling noise = config.noise();
		if (noise.samples() > 1 || noise.reevaluate() || noise.varyStructure() || noise.confirm() > 0) {
			throw new IllegalArgumentException("cma-es simulates every point once with one noise seed; it cannot " +
				"take samples > 1, re-evaluation, varying structure or confirmation (use frozen noise or none)");
		}
	}

	TuningResult run() {
		final int n = config.space().size();
		final Rounds rounds = new Rounds(cma.restarts(), Thread.currentThread());
		final List<Thread> threads = new ArrayList<>();
		for (int r = 0; r < cma.restarts(); r++) {
			final int restart = r;
			threads.add(Thread.ofPlatform().name("cma-es restart " + r).daemon().start(() -> {
				try {
					optimize(restart, n, rounds);
				}
				catch (final Stopped e) {
					// the run stopped; the best so far is kept in rounds
				}
				catch (final RuntimeException e) {
					rounds.fail(e);
				}
				finally {
					rounds.leave();
				}
			}));
		}
		boolean interrupted = false;
		for (final Thread t : threads) {
			while (t.isAlive()) {
				try {
					t.join();
				}
				catch (final InterruptedException e) {
					// cancel: the restarts stop after the batch in flight, keeping the best so far
					interrupted = true;
					rounds.cancel();
				}
			}
		}
		if (interrupted) Thread.currentThread().interrupt();
		return rounds.result();
	}

	private void optimize(final int restart, final int n, final Rounds rounds) {
		final MersenneTwister random = new MersenneTwister(Keys.memberSeed(Keys.mix64(config.seed()), restart));
		final double[] start = new double[n];
		for (int i = 0; i < n; i++) start[i] = restart == 0 ? 0.5 : random.nextDouble();
		final double[] sigma = new double[n];
		Arrays.fill(sigma, cma.sigma());
		final double[] lower = new double[n], upper = new double[n];
		Arrays.fill(upper, 1);
		final double target = config.termination().targetFitness();
		final boolean minimize = config.objective().minimize();
		// Commons Math minimizes the negated value when maximizing; its stop value is compared with that
		final double stopFitness = Double.isNaN(target) ? Double.NEGATIVE_INFINITY : minimize ? target : -target;
		new CMAESOptimizer(config.termination().maxGenerations(), stopFitness, true, 0, 0, random, false, null)
			.optimize(new MaxEval(Integer.MAX_VALUE), new ObjectiveFunction(x -> rounds.evaluate(restart, x)),
				minimize ? GoalType.MINIMIZE : GoalType.MAXIMIZE, new InitialGuess(start), new SimpleBounds(lower,
					upper), new CMAESOptimizer.Sigma(sigma), new CMAESOptimizer.PopulationSize(cma.populationSize()));
	}

	/** Gathers one point per running restart into a batch; keeps the history and the best point. */
	private final class Rounds {

		private final ReentrantLock lock = new ReentrantLock();
		private final Condition roundDone = lock.newCondition();
		private final TreeMap<Integer, double[]> pending = new TreeMap<>();
		private final Map<Integer, Double> results = new LinkedHashMap<>();
		private final Map<Integer, double[]> latest = new TreeMap<>();
		private final List<GenerationStats> history = new ArrayList<>();
		private final List<Double> generationValues = new ArrayList<>();
		private final long started = System.nanoTime();
		private final boolean minimize = config.objective().minimize();
		private final long seed = config.noise().frozen() ? config.frozenNoiseSeed() : Keys.memberSeed(Keys.mix64(
			config.seed()), 0);
		private int active;
		private long round;
		private long evaluations, generationEvaluations;
		private double simulateMs, generationSimulateMs;
		private long generationStart = System.nanoTime();
		private double[] bestGenes;
		private Score bestScore;
		private double bestEver = Double.NaN;
		private int steady;
		private Termination.Reason reason;
		private RuntimeException failure;

		/** The thread that started the run: interrupting it cancels (generations end on restart threads). */
		private final Thread caller;

		Rounds(final int restarts, final Thread caller) {
			this.active = restarts;
			this.caller = caller;
		}

		double evaluate(final int restart, final double[] point) {
			lock.lock();
			try {
				if (reason != null || failure != null) throw new Stopped();
				final double[] genes = point.clone();
				for (int i = 0; i < genes.length; i++) genes[i] = Math.min(1, Math.max(0, genes[i]));
				pending.put(restart, genes);
				final long mine = round;
				if (pending.size() == active) runRound();
				while (round == mine && failure == null) {
					try {
						roundDone.await();
					}
					catch (final InterruptedException e) {
						cancel();
						throw new Stopped();
					}
				}
				final Double value = results.remove(restart);
				if (value == null) throw new Stopped();
				return value;
			}
			finally {
				lock.unlock();
			}
		}

		/** A restart has ended: the others no longer wait for it. */
		void leave() {
			lock.lock();
			try {
				active--;
				if (active > 0 && pending.size() == active && failure == null) runRound();
			}
			finally {
				lock.unlock();
			}
		}

		/** A restart failed outside a batch: the run ends with its exception. */
		void fail(final RuntimeException e) {
			lock.lock();
			try {
				if (failure == null) failure = e;
				roundDone.signalAll();
			}
			finally {
				lock.unlock();
			}
		}

		void cancel() {
			lock.lock();
			try {
				if (reason == null) reason = Termination.Reason.CANCELLED;
				roundDone.signalAll();
			}
			finally {
				lock.unlock();
			}
		}

		private void runRound() {
			try {
				final List<Integer> restarts = new ArrayList<>(pending.keySet());
				final List<Member> members = new ArrayList<>();
				for (final int r : restarts) members.add(Member.of(seed, config.space().decode(pending.get(r))));
				final long start = System.nanoTime();
				final List<MemberResult> batch = simulator.runAll(config.network(), config.durationMs(), config
					.structureSeed(0), members, config.recording());
				final double ms = (System.nanoTime() - start) / 1e6;
				simulateMs += ms;
				generationSimulateMs += ms;
				final int generation = (int) (round / cma.populationSize()) + 1;
				for (int k = 0; k < restarts.size(); k++) {
					final int r = restarts.get(k);
					final double[] genes = pending.get(r);
					final Score score = config.objective().evaluate(batch.get(k));
					final double value = score.value();
					listener.evaluated(new Evaluation(generation, (int) (round % cma.populationSize()) * cma.restarts() + r,
						config.space().values(genes), genes, score, new long[] { seed }, Evaluation.Kind.NEW));
					if (bestGenes == null || (minimize ? value < bestScore.value() : value > bestScore.value())) {
						bestGenes = genes;
						bestScore = score;
					}
					results.put(r, value);
					latest.put(r, genes);
					generationValues.add(value);
					evaluations++;
					generationEvaluations++;
				}
				pending.clear();
				round++;
				if (round % cma.populationSize() == 0) endGeneration(generation);
			}
			catch (final RuntimeException e) {
				// a failed batch (bad parameters, simulation error) ends the run with its exception
				if (failure == null) failure = e;
				pending.clear();
			}
			finally {
				roundDone.signalAll();
			}
		}

		private void endGeneration(final int generation) {
			final double[] meanSd = GenerationStats.meanSd(generationValues.stream().mapToDouble(Double::doubleValue)
				.toArray(), config.objective().worst());
			final long now = System.nanoTime();
			final double generationMs = (now - generationStart) / 1e6;
			final GenerationStats stats = new GenerationStats(generation, (int) generationEvaluations, evaluations,
				bestScore.value(), meanSd[0], meanSd[1], Genes.meanDistance(latest.values().toArray(double[][]::new)),
				config.space().values(bestGenes), generationSimulateMs, Math.max(0, generationMs - generationSimulateMs),
				(now - started) / 1e6);
			history.add(stats);
			listener.generation(stats);
			generationValues.clear();
			generationEvaluations = 0;
			generationSimulateMs = 0;
			generationStart = now;
			final Termination stop = config.termination();
			if (Double.isNaN(bestEver) || (minimize ? stats.best() < bestEver : stats.best() > bestEver)) {
				bestEver = stats.best();
				steady = 0;
			}
			else steady++;
			if (listener.cancelled() || caller.isInterrupted()) reason = Termination.Reason.CANCELLED;
			else if (generation >= stop.maxGenerations()) reason = Termination.Reason.MAX_GENERATIONS;
			else if (!Double.isNaN(stop.targetFitness()) && (minimize ? stats.best() <= stop.targetFitness() : stats
				.best() >= stop.targetFitness())) reason = Termination.Reason.TARGET_REACHED;
			else if (stop.steadyGenerations() > 0 && steady >= stop.steadyGenerations()) {
				reason = Termination.Reason.STEADY_FITNESS;
			}
			else if (stop.wallClock() != null && now - started >= stop.wallClock().toNanos()) {
				reason = Termination.Reason.WALL_CLOCK;
			}
		}

		TuningResult result() {
			lock.lock();
			try {
				if (failure != null) throw failure;
				final Termination.Reason why = reason != null ? reason : Termination.Reason.CONVERGED;
				final double totalMs = (System.nanoTime() - started) / 1e6;
				if (bestGenes == null) {
					return new TuningResult(config, Map.of(), Double.NaN, null, history, evaluations, why, List.of(),
						simulateMs, totalMs, simulator.backend().name(), simulator.backend().device());
				}
				return new TuningResult(config, new LinkedHashMap<>(config.space().decode(bestGenes)), bestScore.value(),
					bestScore, history, evaluations, why, List.of(), simulateMs, totalMs, simulator.backend().name(),
					simulator.backend().device());
			}
			finally {
				lock.unlock();
			}
		}
	}
}
