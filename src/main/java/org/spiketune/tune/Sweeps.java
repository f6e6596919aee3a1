package org.spiketune.tune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.spiketune.model.Checks;
import org.spiketune.objective.Score;
import org.spiketune.random.Keys;

/**
 * Repeated GA runs over one setting, as in the GA study's Figs. 5 (crossover fraction) and 6 (population
 * size). Each run's final error is recorded twice: as the GA saw it (the best fitness of the last
 * generation, itself a noisy sample) and validated (the mean score of the run's best parameters on fresh
 * networks and noise), which separates what the algorithm found from the luck of one evaluation.
 */
public final class Sweeps {

	private Sweeps() {}

	/** The swept GA setting. */
	public enum Setting {
			CROSSOVER("crossover fraction"), POPULATION("population size");

		private final String label;

		Setting(final String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** All runs at one value of the setting. */
	public record Point(double value, double[] finalErrors, double[] validatedErrors) {

		public Point {
			finalErrors = finalErrors.clone();
			validatedErrors = validatedErrors.clone();
		}

		@Override
		public double[] finalErrors() {
			return finalErrors.clone();
		}

		@Override
		public double[] validatedErrors() {
			return validatedErrors.clone();
		}

		public double finalMean() {
			return mean(finalErrors);
		}

		public double finalSd() {
			return sd(finalErrors);
		}

		public double validatedMean() {
			return mean(validatedErrors);
		}

		public double validatedSd() {
			return sd(validatedErrors);
		}
	}

	/** A sweep's points, and the backend and device that simulated it. */
	public record Result(Setting setting, List<Point> points, String backend, String device) {

		public Result {
			points = List.copyOf(points);
		}

		public double[] values() {
			return points.stream().mapToDouble(Point::value).toArray();
		}
	}

	/** Follows a sweep run by run; can stop it. */
	public interface Progress {

		Progress NONE = new Progress() {};

		default void finished(final Setting setting, final double value, final int repeat,
			final TuningResult result, final double validatedError)
		{}

		default boolean cancelled() {
			return false;
		}
	}

	/**
	 * Runs {@code repeats} GA runs (seeds derived from the base config's) at each value of the setting, the
	 * other settings as in {@code base}, whose algorithm must be {@code ga}. Stops early, returning the
	 * completed values, when cancelled.
	 */
	public static Result run(final Tuner tuner, final TuningConfig base, final Setting setting,
		final double[] values, final int repeats, final int validationSamples, final Progress progress)
	{
		if (!(base.algorithm() instanceof Algorithm.Ga ga)) {
			throw new IllegalArgumentException("a GA sweep needs the ga algorithm, got " + base.algorithm().name());
		}
		Checks.atLeast("repeats", repeats, 1);
		Checks.atLeast("validation samples", validationSamples, 1);
		final List<Point> points = new ArrayList<>();
		for (final double value : values) {
			final Algorithm.Ga variant = switch (setting) {
				case CROSSOVER -> ga.withCrossover(value);
				case POPULATION -> {
					if (value != Math.rint(value) || value < 2) {
						throw new IllegalArgumentException("population sizes must be whole numbers >= 2, got " + value);
					}
					yield ga.withPopulation((int) value);
				}
			};
			final double[] finals = new double[repeats], validated = new double[repeats];
			int done = 0;
			for (int r = 0; r < repeats && !progress.cancelled(); r++, done++) {
				final long seed = Keys.memberSeed(base.seed(), r);
				final TuningConfig config = base.withAlgorithm(variant).withSeed(seed);
				final TuningResult result = tuner.run(config, new TuningListener() {

					@Override
					public boolean cancelled() {
						return progress.cancelled();
					}
				});
				finals[r] = result.bestFitness();
				validated[r] = tuner.validate(config, result.best(), validationSamples, seed ^ 0x5DEECE66DL, true).stream()
					.mapToDouble(Score::value).average().orElseThrow();
				progress.finished(setting, value, r, result, validated[r]);
			}
			if (done > 0) points.add(new Point(value, Arrays.copyOf(finals, done), Arrays.copyOf(validated, done)));
			if (progress.cancelled()) break;
		}
		return new Result(setting, points, tuner.simulator().backend().name(), tuner.simulator().backend().device());
	}

	/** Parses {@code "0:0.1:1"} (start:step:end, inclusive) or {@code "4, 8, 12"}. */
	public static double[] parseValues(final String text) {
		Checks.notNull("values", text);
		final String t = text.trim();
		if (t.isEmpty()) throw new IllegalArgumentException("no values given");
		try {
			if (t.contains(":")) {
				final String[] p = t.split(":");
				if (p.length != 3) throw new IllegalArgumentException("a range must be start:step:end, got '" + t + "'");
				final double start = Double.parseDouble(p[0].trim()), step = Double.parseDouble(p[1].trim()),
						end = Double.parseDouble(p[2].trim());
				if (!(step > 0) || end < start) {
					throw new IllegalArgumentException("range '" + t + "' needs step > 0 and end >= start");
				}
				final int n = (int) Math.floor((end - start) / step + 1e-9) + 1;
				if (n > 10_000) throw new IllegalArgumentException("range '" + t + "' has " + n + " values");
				final double[] values = new double[n];
				for (int i = 0; i < n; i++) values[i] = Math.round((start + i * step) * 1e12) / 1e12;
				return values;
			}
			return Arrays.stream(t.split("[,;\\s]+")).filter(s -> !s.isEmpty()).mapToDouble(Double::parseDouble)
				.toArray();
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException("not a number in '" + t + "': " + e.getMessage());
		}
	}

	static double mean(final double[] x) {
		return Arrays.stream(x).average().orElse(Double.NaN);
	}

	static double sd(final double[] x) {
		if (x.length < 2) return 0;
		final double m = mean(x);
		double s = 0;
		for (final double v : x) s += (v - m) * (v - m);
		return Math.sqrt(s / (x.length - 1));
	}
}
