package org.spiketune.tune;

import java.nio.file.Path;

import org.spiketune.io.CheckpointFile;

/**
 * A tuning run in its own JVM for {@code CheckpointKillIT}: {@code TuningProcessMain <checkpoint file>}
 * runs (or resumes) the fixture problem, printing "start k" (the checkpoint's generation, 0 without one),
 * "generation g" as each completes and, at the end, the result in a form that compares bit for bit.
 */
public final class TuningProcessMain {

	static final TuningConfig CONFIG = TuningFixtures.rateProblem(new Algorithm.Ga(8, 1, 0.9, 1, 0.1), 14, 41);

	private TuningProcessMain() {}

	public static void main(final String[] args) {
		final Path file = Path.of(args[0]);
		System.out.println("start " + (java.nio.file.Files.exists(file) ? CheckpointFile.read(file).generation() : 0));
		final TuningResult result = TuningFixtures.tuner(2).run(CONFIG, new TuningListener() {

			@Override
			public void generation(final GenerationStats stats) {
				System.out.println("generation " + stats.generation());
				System.out.flush();
			}
		}, CheckpointFile.of(file, true));
		System.out.println(describe(result));
	}

	/** The parts of a result that must be equal: best, evaluations, and every generation's figures. */
	static String describe(final TuningResult r) {
		final StringBuilder s = new StringBuilder("result best=" + r.best() + " fitness=" + r.bestFitness() +
			" evaluations=" + r.evaluations() + " reason=" + r.reason());
		for (final GenerationStats g : r.generations()) {
			s.append(" | ").append(g.generation()).append(' ').append(g.best()).append(' ').append(g.mean()).append(' ')
				.append(g.sd()).append(' ').append(g.diversity()).append(' ').append(g.totalEvaluations());
		}
		return s.toString();
	}
}
