package org.spiketune.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;

import org.spiketune.io.NetworkFile;
import org.spiketune.model.Checks;
import org.spiketune.sim.Backend;
import org.spiketune.sim.BatchResult;
import org.spiketune.sim.CompiledNetwork;
import org.spiketune.sim.Member;
import org.spiketune.sim.MemberResult;
import org.spiketune.sim.Recording;
import org.spiketune.sim.RunInfo;
import org.spiketune.sim.SimulationException;
import org.spiketune.sim.SimulationRequest;
import org.spiketune.sim.Simulator;
import org.spiketune.sim.backends.Backends;

/**
 * Simulates each batch on Apache Spark: the members are split into partitions, and each executor simulates
 * its partition on its own backend ({@code auto} by default: its OpenCL GPU if it has one, else the CPU),
 * so a tuning run's generations spread over a cluster while Jenetics runs on the driver. A member's result
 * does not depend on the batch it is simulated in, so results equal a local run's, bit for bit, however the
 * members are split and whichever executor (or retry of a lost task) computes them.
 * <p>
 * The network travels as its network file (JSON), the members as seeds and parameters, the results as
 * serialized {@link MemberResult}s. The Spark context is the one {@code spark-submit} configured, or an
 * embedded {@code local[*]} one when there is none.
 */
public final class SparkBackend implements Backend {

	/** The backend's name, as {@link Backends#byName} knows it. */
	public static final String NAME = "spark";

	/** Executor-side configuration: the backend executors simulate on ({@code auto}, {@code cpu}, ...). */
	public static final String EXECUTOR_BACKEND = "spark.spiketune.backend";

	/** Partitions per batch; default: the cluster's cores divided by {@code spark.task.cpus}. */
	public static final String PARTITIONS = "spark.spiketune.partitions";

	/**
	 * For tests of Spark's retries, a local property of the submitting thread
	 * ({@code JavaSparkContext.setLocalProperty}): the first attempt of the task of this partition fails, as a
	 * task does when its executor is lost.
	 */
	public static final String FAIL_FIRST_ATTEMPT = "spiketune.test.failFirstAttemptOfPartition";

	/** For tests of a task that never succeeds: every attempt of this partition's task fails. */
	public static final String FAIL_EVERY_ATTEMPT = "spiketune.test.failEveryAttemptOfPartition";

	/**
	 * For tests of executor loss, a local property like {@link #FAIL_FIRST_ATTEMPT}: the executor JVM running the
	 * first attempt of this partition's task halts (only where executors have their own JVMs, as in
	 * {@code local-cluster} mode or on a cluster).
	 */
	public static final String LOSE_EXECUTOR_AT = "spiketune.test.loseExecutorAtPartition";

	private final JavaSparkContext spark;
	private final int partitions;

	private SparkBackend(final JavaSparkContext spark, final int partitions) {
		this.spark = spark;
		this.partitions = partitions;
	}

	/**
	 * The backend on the running Spark context, or on a new one: {@code spark-submit}'s configuration, or
	 * {@code local[*]} when no master is set. {@code partitions <= 0}: Spark's default parallelism.
	 */
	public static SparkBackend getOrCreate(final int partitions) {
		final SparkConf conf = new SparkConf().setIfMissing("spark.master", "local[*]").setIfMissing("spark.app.name",
			"SpikeTune").setIfMissing("spark.ui.enabled", "false");
		return on(SparkContext.getOrCreate(conf), partitions);
	}

	/**
	 * The backend on a given context. {@code partitions <= 0}: {@link #PARTITIONS} if set, else one per task
	 * slot (default parallelism over {@code spark.task.cpus}), so every slot simulates one partition at once.
	 */
	public static SparkBackend on(final SparkContext context, final int partitions) {
		final JavaSparkContext spark = JavaSparkContext.fromSparkContext(Checks.notNull("Spark context", context));
		final int slots = Math.max(1, spark.defaultParallelism() / Math.max(1, spark.getConf().getInt("spark.task.cpus",
			1)));
		return new SparkBackend(spark, partitions > 0 ? partitions : spark.getConf().getInt(PARTITIONS, slots));
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String device() {
		return "Spark " + spark.master() + " (" + partitions + " partitions, executors on the " + spark.getConf().get(
			EXECUTOR_BACKEND, Backends.AUTO) + " backend)";
	}

	@Override
	public int threads() {
		return partitions;
	}

	/** The driver holds the results only; the executors check their own memory. */
	@Override
	public int concurrentMembers(final SimulationRequest request) {
		return 1;
	}

	@Override
	public BatchResult simulate(final CompiledNetwork network, final SimulationRequest request) {
		final long start = System.nanoTime();
		final Task task = new Task(NetworkFile.toJson(request.network()), request.durationMs(), request
			.structureSeed(), request.recording(), spark.getConf().get(EXECUTOR_BACKEND, Backends.AUTO));
		final List<Indexed> members = new ArrayList<>();
		for (int i = 0; i < request.size(); i++) members.add(new Indexed(i, request.members().get(i)));
		final int slices = Math.max(1, Math.min(partitions, members.size()));
		final List<MemberResult> collected;
		try {
			collected = spark.parallelize(members, slices).mapPartitions(task).collect();
		}
		catch (final Exception e) { // Spark throws its checked SparkException past Java's checks
			if (e instanceof final RuntimeException r && !(e instanceof org.apache.spark.SparkException)) throw r;
			throw new SimulationException("Spark could not simulate the batch of " + request.size() + " member(s) " +
				"after its retries: " + rootCause(e), e);
		}
		final MemberResult[] ordered = new MemberResult[request.size()];
		for (final MemberResult r : collected) ordered[r.index()] = r;
		return new BatchResult(request, List.of(ordered), new RunInfo(NAME, device(), partitions, 0, (System
			.nanoTime() - start) / 1e6));
	}

	/** The innermost cause's class and message: what an executor reported, without Spark's wrapping. */
	static String rootCause(final Throwable e) {
		Throwable cause = e;
		while (cause.getCause() != null && cause.getCause() != cause) cause = cause.getCause();
		final String message = cause.getMessage() == null ? "" : cause.getMessage();
		// a failure on an executor arrives as text inside Spark's own message ("... failure: Lost task ...: X")
		if (cause == e && message.contains("most recent failure:")) {
			final String recent = message.substring(message.indexOf("most recent failure:") + "most recent failure:"
				.length()).trim();
			final int end = recent.indexOf("\n");
			return end < 0 ? recent : recent.substring(0, end);
		}
		return cause.getClass().getSimpleName() + ": " + message;
	}

	/** A member with its place in the batch. */
	record Indexed(int index, Member member) implements Serializable {}

	/** What an executor does with its partition: simulate it, return the results with their batch indices. */
	record Task(String networkJson, double durationMs, long structureSeed, Recording recording, String backend)
		implements FlatMapFunction<Iterator<Indexed>, MemberResult>
	{

		@Override
		public Iterator<MemberResult> call(final Iterator<Indexed> partition) {
			final TaskContext context = TaskContext.get();
			if (context != null && String.valueOf(context.partitionId()).equals(context.getLocalProperty(
				FAIL_FIRST_ATTEMPT)) && context.attemptNumber() == 0)
			{
				throw new IllegalStateException("injected failure of the first attempt of partition " + context
					.partitionId());
			}
			if (context != null && String.valueOf(context.partitionId()).equals(context.getLocalProperty(
				FAIL_EVERY_ATTEMPT)))
			{
				throw new IllegalStateException("injected failure of attempt " + context.attemptNumber() +
					" of partition " + context.partitionId());
			}
			if (context != null && String.valueOf(context.partitionId()).equals(context.getLocalProperty(
				LOSE_EXECUTOR_AT)) && context.attemptNumber() == 0)
			{
				Runtime.getRuntime().halt(57); // the executor dies mid-task, as when its node is lost
			}
			final List<Indexed> indexed = new ArrayList<>();
			partition.forEachRemaining(indexed::add);
			if (indexed.isEmpty()) return List.<MemberResult> of().iterator();
			final List<Member> members = indexed.stream().map(Indexed::member).toList();
			final SimulationRequest request;
			try {
				request = new SimulationRequest(NetworkFile.parse(networkJson, "the driver's network"), durationMs,
					structureSeed, members, recording);
			}
			catch (final IOException e) {
				throw new UncheckedIOException(e);
			}
			final BatchResult result = Executors.simulator(backend, context == null ? 0 : context.cpus()).run(
				request);
			final List<MemberResult> out = new ArrayList<>();
			for (int k = 0; k < indexed.size(); k++) out.add(result.member(k).withIndex(indexed.get(k).index()));
			return out.iterator();
		}
	}

	/** One simulator per backend and thread count in each executor JVM, so compiled structure is reused. */
	static final class Executors {

		private static final Map<String, Simulator> SIMULATORS = new ConcurrentHashMap<>();

		private Executors() {}

		static Simulator simulator(final String backend, final int threads) {
			return SIMULATORS.computeIfAbsent(backend + "/" + threads, k -> Backends.simulator(backend, threads));
		}
	}
}
