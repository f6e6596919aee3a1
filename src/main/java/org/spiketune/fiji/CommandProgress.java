package org.spiketune.fiji;

import java.util.Arrays;
import java.util.Locale;

import org.scijava.Cancelable;
import org.scijava.app.StatusService;
import org.scijava.log.LogService;
import org.spiketune.tune.GenerationStats;
import org.spiketune.tune.TuningListener;

/**
 * Reports a tuning run to Fiji: the status bar shows the generation, best fitness and time left (from the
 * mean time per generation so far); the log gets a line every {@code logEvery} generations; cancelling the
 * command, interrupting it or pressing Esc stops the run after the current generation. Several runs in a row
 * (refinements, growing windows) count on: a run that starts again at generation 1 adds to the ones before,
 * and the time left weighs the later runs by what a generation of each costs (a longer window, more CMA-ES
 * restarts), as measured by the current run's pace.
 */
final class CommandProgress implements TuningListener {

	private final String title;
	private int generations;
	private final StatusService status;
	private final LogService log;
	private final Cancelable command;
	private int logEvery;
	private int earlierRuns; // generations of the runs before this one
	private int lastGeneration;
	private int generationsPerRun; // 0: one run, or runs of one cost
	private double[] workPerGeneration = { 1 }; // relative cost of a generation of each run; the last repeats
	private int run; // the current run, from 0
	private double earlierMs; // time of the runs before this one
	private double lastElapsedMs;
	private double secondsLeft;

	CommandProgress(final String title, final int generations, final StatusService status, final LogService log,
		final Cancelable command)
	{
		this.title = title;
		this.generations = generations;
		this.status = status;
		this.log = log;
		this.command = command;
		this.logEvery = Math.max(1, generations / 20);
	}

	/** The generations of all runs together, once the command knows how many runs it makes. */
	void expectGenerations(final int total) {
		generations = total;
		logEvery = Math.max(1, total / 20);
	}

	/**
	 * Runs in a row of {@code generationsPerRun} generations each, a generation of run k costing
	 * {@code workPerGeneration[k]} in any unit (members times simulated ms), so that the time left counts a
	 * longer later run as longer.
	 */
	void expectRuns(final int generationsPerRun, final double... workPerGeneration) {
		if (generationsPerRun < 1 || workPerGeneration.length == 0 || !Arrays.stream(workPerGeneration)
			.allMatch(w -> w > 0 && w < Double.POSITIVE_INFINITY))
		{
			throw new IllegalArgumentException("runs need at least one generation and a positive cost each, got " +
				generationsPerRun + " generations and costs " + Arrays.toString(workPerGeneration));
		}
		this.generationsPerRun = generationsPerRun;
		this.workPerGeneration = workPerGeneration.clone();
		expectGenerations(generationsPerRun * workPerGeneration.length);
	}

	/** The time left, in seconds, as last reported. */
	double secondsLeft() {
		return secondsLeft;
	}

	/** Generations done so far over all runs. */
	int generationsDone() {
		return earlierRuns + lastGeneration;
	}

	@Override
	public void generation(final GenerationStats g) {
		if (g.generation() <= lastGeneration) { // a new run began
			earlierRuns += lastGeneration;
			earlierMs += lastElapsedMs;
			run++;
		}
		lastGeneration = g.generation();
		lastElapsedMs = g.elapsedMs();
		final int done = generationsDone();
		secondsLeft = g.elapsedMs() / g.generation() * generationsLeft(done) / 1000;
		final String line = String.format(Locale.ROOT,
			"%s: generation %d/%d, best %.4g, mean %.4g, diversity %.3g, %.1f s elapsed, about %.0f s left", title,
			done, generations, g.best(), g.mean(), g.diversity(), (earlierMs + g.elapsedMs()) / 1000, secondsLeft);
		if (status != null) status.showStatus(done, generations, line);
		if (log != null && (done % logEvery == 0 || done == 1)) log.info(line);
	}

	/** Generations left, in generations of the current run's cost. */
	private double generationsLeft(final int done) {
		if (generationsPerRun == 0) return Math.max(0, generations - done);
		double left = Math.max(0, generationsPerRun - lastGeneration);
		final int runs = generations / generationsPerRun;
		for (int k = run + 1; k < runs; k++) left += generationsPerRun * work(k) / work(run);
		return left;
	}

	private double work(final int run) {
		return workPerGeneration[Math.min(run, workPerGeneration.length - 1)];
	}

	/**
	 * Reports run {@code done} of {@code runs} (runs that are not generations, such as the stability analysis's
	 * networks) with {@code detail}, in the status bar and the log, with the time left from the mean per run.
	 */
	void runDone(final int done, final int runs, final String detail, final double elapsedMs) {
		final String line = String.format(Locale.ROOT, "%s: run %d/%d, %s, %.1f s elapsed, about %.0f s left", title,
			done, runs, detail, elapsedMs / 1000, elapsedMs / done * (runs - done) / 1000);
		if (status != null) status.showStatus(done, runs, line);
		if (log != null) log.info(line);
	}

	/**
	 * True when the command was cancelled, the thread interrupted, or Esc pressed in ImageJ (its usual way to
	 * stop a long operation; then the command ends normally, with the results so far displayed).
	 */
	@Override
	public boolean cancelled() {
		if (command != null && command.isCanceled() || Thread.currentThread().isInterrupted()) return true;
		if (!java.awt.GraphicsEnvironment.isHeadless() && ij.IJ.escapePressed()) {
			if (log != null) log.info(title + ": stopped by Esc; keeping the best so far");
			ij.IJ.resetEscape();
			return true;
		}
		return false;
	}

	void done() {
		if (status != null) status.clearStatus();
	}
}
