package org.spiketune.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.spiketune.model.Presets;
import org.spiketune.sim.BatchResult;
import org.spiketune.sim.SimulationRequest;
import org.spiketune.sim.Simulator;
import org.spiketune.sim.cpu.CpuBackend;
import org.spiketune.spark.SparkBackend;

/**
 * What evaluating a generation on Spark costs beyond simulating it: one GA generation of the source study
 * (izhikevich2003, members with their own I_E, 1000 ms) simulated by the local evaluator (CPU backend, all
 * threads) and by the Spark backend on an embedded Spark with two task slots (executors on the CPU backend,
 * one thread per task), median of repeated generations after warm-up. Prints one table; checks the spikes
 * agree.
 *
 * <pre>bench/spark [members,...] [repeats]</pre>
 */
public final class SparkOverhead {

	private SparkOverhead() {}

	public static void main(final String[] args) {
		final int[] sizes = args.length > 0 ? Arrays.stream(args[0].split(",")).mapToInt(Integer::parseInt).toArray()
			: new int[] { 2, 20, 100 };
		final int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
		// -Dspark.master=local-cluster[2,1,1024] runs two executor JVMs (needs SPARK_HOME with the jars)
		final SparkContext spark = new SparkContext(new SparkConf().setIfMissing("spark.master", "local[2]")
			.setAppName("SparkOverhead").set("spark.ui.enabled", "false").set(SparkBackend.EXECUTOR_BACKEND, "cpu"));
		spark.setLogLevel("WARN");
		try {
			final Simulator local = new Simulator(new CpuBackend(2));
			final Simulator remote = new Simulator(SparkBackend.on(spark, 2));
			System.out.println("| members | local ms (median) | Spark " + spark.master() + " ms (median) | overhead ms " +
				"| overhead per member ms | spikes equal |");
			System.out.println("|---:|---:|---:|---:|---:|---|");
			for (final int members : sizes) {
				final SimulationRequest request = generation(members);
				final double[] l = new double[repeats], r = new double[repeats];
				BatchResult a = local.run(request), b = remote.run(request); // warm-up, and the check
				boolean equal = true;
				for (int m = 0; m < members; m++) equal &= a.member(m).spikes().sameEvents(b.member(m).spikes());
				for (int i = 0; i < repeats; i++) {
					long t = System.nanoTime();
					a = local.run(request);
					l[i] = (System.nanoTime() - t) / 1e6;
					t = System.nanoTime();
					b = remote.run(request);
					r[i] = (System.nanoTime() - t) / 1e6;
				}
				final double lm = median(l), rm = median(r);
				System.out.println(String.format(Locale.ROOT, "| %d | %.1f | %.1f | %.1f | %.2f | %s |", members, lm, rm,
					rm - lm, (rm - lm) / members, equal ? "yes" : "NO"));
			}
		}
		finally {
			spark.stop();
		}
	}

	private static SimulationRequest generation(final int members) {
		final List<Map<String, Double>> parameters = new ArrayList<>();
		for (int m = 0; m < members; m++) parameters.add(Map.of("exc.bias", -3 + 6.0 * m / Math.max(1, members - 1)));
		return SimulationRequest.batch(Presets.izhikevich2003(), 1000, 1, parameters);
	}

	private static double median(final double[] values) {
		final double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}
}
