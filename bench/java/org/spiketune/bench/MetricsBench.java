package org.spiketune.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.spiketune.random.PhiloxStream;
import org.spiketune.spikes.Measure;
import org.spiketune.spikes.PairwiseComparison;
import org.spiketune.spikes.SpikeTrains;

/**
 * M1: the multivariate spike-train measures over all pairs of 100 Poisson trains of 30 s at 10 Hz (the issue's
 * figure: SPIKE-distance in under 1 s on 2 cores), on all processors (common fork-join pool) and on one thread.
 */
final class MetricsBench {

	record Row(String measure, int trains, double seconds, long spikes, double parallelMs, double serialMs,
		double value)
	{}

	private MetricsBench() {}

	static SpikeTrains poissonTrains(final int count, final double seconds, final double rateHz, final long seed) {
		final PhiloxStream random = new PhiloxStream(seed, 0, 0, 0);
		final double[][] trains = new double[count][];
		final double stop = seconds * 1000;
		for (int i = 0; i < count; i++) {
			final List<Double> times = new ArrayList<>();
			double t = 0;
			while ((t += -Math.log(1 - random.nextDouble()) * 1000 / rateHz) < stop) times.add(t);
			trains[i] = times.stream().mapToDouble(Double::doubleValue).toArray();
		}
		return SpikeTrains.of(trains, 0, stop);
	}

	static List<Row> run(final boolean quick, final int repeats) {
		final int count = quick ? 20 : 100;
		final double seconds = quick ? 3 : 30;
		final SpikeTrains trains = poissonTrains(count, seconds, 10, 42);
		final List<Row> rows = new ArrayList<>();
		for (final String name : List.of("spike", "isi", "spike-sync", "van-rossum:10", "victor-purpura:0.1")) {
			final Measure measure = Measure.parse(name);
			PairwiseComparison.multivariate(trains, measure); // warm-up
			final double[] parallel = new double[repeats];
			double value = 0;
			for (int r = 0; r < repeats; r++) {
				final long start = System.nanoTime();
				value = PairwiseComparison.multivariate(trains, measure);
				parallel[r] = (System.nanoTime() - start) / 1e6;
			}
			Arrays.sort(parallel);
			final long start = System.nanoTime();
			serial(trains, measure);
			final double serialMs = (System.nanoTime() - start) / 1e6;
			rows.add(new Row(measure.toString(), count, seconds, trains.totalCount(), parallel[repeats / 2], serialMs,
				value));
		}
		return rows;
	}

	/** All pairs on this thread, for the speed-up column. */
	private static double serial(final SpikeTrains trains, final Measure measure) {
		double sum = 0;
		for (int i = 0; i < trains.size(); i++) {
			final double[] a = trains.times(i);
			for (int j = 0; j < i; j++) sum += measure.between(a, trains.times(j), trains.startMs(), trains.stopMs());
		}
		return sum;
	}

	static void print(final List<Row> rows, final PrintStream out) {
		out.printf(Locale.ROOT, "| run | measure | trains | s each | spikes | pairs | all pairs ms (median, %d threads) | " +
			"one thread ms | value | target ms |%n", Runtime.getRuntime().availableProcessors());
		out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
		for (final Row r : rows) {
			out.printf(Locale.ROOT, "| M1 | %s | %d | %.0f | %d | %d | %.1f | %.1f | %.6f | %s |%n", r.measure, r.trains,
				r.seconds, r.spikes, (long) r.trains * (r.trains - 1) / 2, r.parallelMs, r.serialMs, r.value, r.measure
					.equals("spike") ? "<= 1000" : "-");
		}
	}
}
