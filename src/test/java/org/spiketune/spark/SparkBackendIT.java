package org.spiketune.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spiketune.Reliability;
import org.spiketune.model.NetworkSpec;
import org.spiketune.model.Presets;
import org.spiketune.objective.RateTarget;
import org.spiketune.sim.BatchResult;
import org.spiketune.sim.ContractNetworks;
import org.spiketune.sim.MemberResult;
import org.spiketune.sim.SimulationRequest;
import org.spiketune.sim.Simulator;
import org.spiketune.sim.backends.Backends;
import org.spiketune.sim.cpu.CpuBackend;
import org.spiketune.tune.Algorithm;
import org.spiketune.tune.GenerationStats;
import org.spiketune.tune.ParameterSpace;
import org.spiketune.tune.Termination;
import org.spiketune.tune.Tuner;
import org.spiketune.tune.TuningConfig;
import org.spiketune.tune.TuningResult;

/**
 * The Spark backend on an embedded {@code local[2]} Spark (two executor threads, up to 4 attempts per task):
 * batches and whole tuning runs equal those of the CPU backend bit for bit, a failed task is retried without
 * changing anything, and a job submitted through Spark's own {@code SparkSubmit} runs the command line.
 */
class SparkBackendIT {

	private static SparkContext spark;

	@BeforeAll
	static void startSpark() {
		spark = new SparkContext(new SparkConf().setMaster("local[2,4]").setAppName("SparkBackendIT").set(
			"spark.ui.enabled", "false").set(SparkBackend.EXECUTOR_BACKEND, "cpu"));
		spark.setLogLevel("WARN");
	}

	@AfterAll
	static void stopSpark() {
		spark.stop();
	}

	/** Five members of the contract network (every model, synapse, plasticity and input) with their own values. */
	private static SimulationRequest contractBatch() {
		final List<Map<String, Double>> parameters = new ArrayList<>();
		for (int m = 0; m < 5; m++) parameters.add(Map.of("izh.bias", 2.0 + m, "src_lif.gain", 0.8 + 0.1 * m));
		return SimulationRequest.batch(ContractNetworks.everything(), 300, 11, parameters);
	}

	private static void assertSameResults(final BatchResult expected, final BatchResult actual) {
		assertEquals(expected.size(), actual.size());
		for (int m = 0; m < expected.size(); m++) {
			final MemberResult e = expected.member(m), a = actual.member(m);
			assertEquals(m, a.index());
			assertEquals(e.member(), a.member());
			assertTrue(e.spikes().count() > 100, "member " + m + " spikes");
			assertTrue(e.spikes().sameEvents(a.spikes()), "spikes of member " + m);
			for (final String projection : e.learnedWeights().keySet()) {
				final float[][] we = e.learnedWeights(projection), wa = a.learnedWeights(projection);
				for (int i = 0; i < we.length; i++) assertArrayEquals(we[i], wa[i], projection + " row " + i);
			}
		}
	}

	@Test
	void aBatchOnSparkEqualsTheCpuBackendsBitForBit() {
		final SimulationRequest request = contractBatch();
		final BatchResult local = new Simulator(new CpuBackend(2)).run(request);
		for (final int partitions : new int[] { 1, 2, 3, 5 }) {
			final BatchResult remote = new Simulator(SparkBackend.on(spark, partitions)).run(request);
			assertEquals("spark", remote.info().backend());
			assertSameResults(local, remote);
		}
	}

	@Test
	void aTaskThatFailsEveryAttemptIsAClearError() {
		spark.setLocalProperty(SparkBackend.FAIL_EVERY_ATTEMPT, "0");
		try {
			final org.spiketune.sim.SimulationException e = org.junit.jupiter.api.Assertions.assertThrows(
				org.spiketune.sim.SimulationException.class, () -> new Simulator(SparkBackend.on(spark, 2)).run(
					contractBatch()));
			assertTrue(e.getMessage().startsWith("Spark could not simulate the batch of 5 member(s) after its " +
				"retries: ") && e.getMessage().contains("injected failure of attempt") && !e.getMessage().contains(
					"\tat "), e.getMessage());
			Reliability.record("Device faults", "Spark: one partition's task fails on every attempt", "a " +
				"SimulationException naming the executor's error: " + e.getMessage().replaceAll("attempt \\d+",
					"attempt n"));
		}
		finally {
			spark.setLocalProperty(SparkBackend.FAIL_EVERY_ATTEMPT, null);
		}
	}

	@Test
	void aLostTaskIsRetriedAndNothingChanges() throws InterruptedException {
		final SimulationRequest request = contractBatch();
		final BatchResult local = new Simulator(new CpuBackend(2)).run(request);
		final AtomicInteger failed = new AtomicInteger();
		final SparkListener listener = new SparkListener() {

			@Override
			public void onTaskEnd(final SparkListenerTaskEnd end) {
				if (!end.taskInfo().successful()) failed.incrementAndGet();
			}
		};
		spark.addSparkListener(listener);
		spark.setLocalProperty(SparkBackend.FAIL_FIRST_ATTEMPT, "1");
		try {
			final BatchResult remote = new Simulator(SparkBackend.on(spark, 3)).run(request);
			for (int wait = 0; wait < 100 && failed.get() == 0; wait++) Thread.sleep(100); // events arrive async
			assertEquals(1, failed.get(), "the first attempt of partition 1 failed");
			assertSameResults(local, remote);
		}
		finally {
			spark.setLocalProperty(SparkBackend.FAIL_FIRST_ATTEMPT, null);
			spark.removeSparkListener(listener);
		}
		Reliability.record("Device faults", "Spark: the first attempt of one partition's task fails (an executor " +
			"lost mid-generation, injected in local mode)", "Spark re-ran the task; all 5 members' spikes and " +
				"learned weights equal the CPU backend's, bit for bit");
	}

	@Test
	void aTuningRunOnSparkEndsAsTheLocalRun() {
		final TuningConfig config = TuningConfig.of(Presets.izhikevich2003(), ParameterSpace.parse(
			"exc.bias=-5:5, inh.bias=-5:5"), RateTarget.of(5), new Algorithm.Ga(8, 1, 0.9, 0.2, 0.6), Termination
				.generations(3), 200, 7);
		final TuningResult local = new Tuner(new Simulator(new CpuBackend(2))).run(config);
		final TuningResult remote = new Tuner(Backends.simulator(Backends.SPARK, 0)).run(config);
		assertEquals("spark", remote.backend());
		assertEquals(local.best(), remote.best());
		assertEquals(local.bestFitness(), remote.bestFitness());
		assertEquals(local.evaluations(), remote.evaluations());
		for (int g = 0; g < local.generations().size(); g++) {
			final GenerationStats l = local.generations().get(g), r = remote.generations().get(g);
			assertEquals(l.best(), r.best());
			assertEquals(l.mean(), r.mean());
			assertArrayEquals(l.bestValues(), r.bestValues());
		}
	}

	@Test
	void theBackendNamedSparkIsTheRunningContext() {
		assertInstanceOf(SparkBackend.class, Backends.byName("spark", 0));
		assertTrue(Backends.byName("spark", 0).device().contains("local[2,4]"), Backends.byName("spark", 0).device());
	}

	/** What {@code spark-submit} does: SparkSubmit runs our command line with the master it was given. */
	@Test
	void spiketunesCommandLineRunsUnderSparkSubmit(@TempDir final Path dir) throws Exception {
		final Path jar;
		try (var files = Files.list(Path.of("target"))) {
			jar = files.filter(f -> f.getFileName().toString().matches("SpikeTune.*\\.jar") && !f.toString().contains(
				"-sources") && !f.toString().contains("-javadoc") && !f.toString().contains("-tests")).findFirst()
				.orElseThrow();
		}
		final Path out = dir.resolve("tuning");
		final Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
			"-cp", System.getProperty("java.class.path"), "org.apache.spark.deploy.SparkSubmit", "--master",
			"local[2]", "--conf", "spark.ui.enabled=false", "--class", "org.spiketune.cli.Main", jar.toString(),
			"--headless", "--run", "Tune Network", "preset='izhikevich2003',tune='exc.bias=-5:5',target='5'," +
				"population=6,generations=2,duration=200,backend='spark',output='" + out + "'").redirectErrorStream(
					true).start();
		final String log = new String(p.getInputStream().readAllBytes());
		assertEquals(0, p.waitFor(), log);
		final String summary = Files.readString(out.resolve("summary.json"));
		assertTrue(summary.contains("\"backend\": \"spark\"") && summary.contains("Spark local[2]"), summary);
		assertEquals(NetworkSpec.class, org.spiketune.io.NetworkFile.read(out.resolve("network.json")).getClass());
	}
}
