package org.spiketune.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.spiketune.sim.BatchResult;
import org.spiketune.sim.ContractNetworks;
import org.spiketune.sim.SimulationRequest;
import org.spiketune.sim.Simulator;
import org.spiketune.sim.cpu.CpuBackend;

/**
 * Loses an executor mid-generation for real: a {@code local-cluster[2,1,1024]} Spark (two executor JVMs),
 * whose executor running partition 1 halts during its first attempt. Prints {@code executors lost: n} and
 * {@code results equal: true|false}; run by {@code SparkExecutorLossIT} in its own JVM with a SPARK_HOME
 * from which the workers start executors.
 */
public final class ExecutorLossCheck {

	private ExecutorLossCheck() {}

	public static void main(final String[] args) throws Exception {
		final SparkContext spark = new SparkContext(new SparkConf().setMaster("local-cluster[2,1,1024]").setAppName(
			"ExecutorLossCheck").set("spark.ui.enabled", "false").set(SparkBackend.EXECUTOR_BACKEND, "cpu"));
		spark.setLogLevel("WARN");
		final AtomicInteger lost = new AtomicInteger();
		spark.addSparkListener(new SparkListener() {

			@Override
			public void onExecutorRemoved(final SparkListenerExecutorRemoved removed) {
				lost.incrementAndGet();
			}
		});
		try {
			final List<Map<String, Double>> parameters = new ArrayList<>();
			for (int m = 0; m < 4; m++) parameters.add(Map.of("izh.bias", 2.0 + m));
			final SimulationRequest request = SimulationRequest.batch(ContractNetworks.everything(), 300, 11,
				parameters);
			final BatchResult local = new Simulator(new CpuBackend(2)).run(request);
			spark.setLocalProperty(SparkBackend.LOSE_EXECUTOR_AT, "1");
			final BatchResult remote = new Simulator(SparkBackend.on(spark, 2)).run(request);
			boolean equal = remote.size() == local.size();
			for (int m = 0; m < local.size(); m++) {
				equal &= local.member(m).spikes().sameEvents(remote.member(m).spikes()) && remote.member(m).index() == m;
			}
			for (int wait = 0; wait < 100 && lost.get() == 0; wait++) Thread.sleep(100);
			System.out.println("executors lost: " + lost.get());
			System.out.println("results equal: " + equal);
		}
		finally {
			spark.stop();
		}
	}
}
