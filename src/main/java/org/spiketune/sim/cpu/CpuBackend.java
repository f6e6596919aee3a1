package org.spiketune.sim.cpu;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.spiketune.model.Checks;
import org.spiketune.sim.Backend;
import org.spiketune.sim.BatchResult;
import org.spiketune.sim.CompiledNetwork;
import org.spiketune.sim.MemberResult;
import org.spiketune.sim.RunInfo;
import org.spiketune.sim.SimulationException;
import org.spiketune.sim.SimulationRequest;

/**
 * The reference backend: pure Java, multithreaded. With at least as many members as threads, each thread
 * simulates whole members, one after another (no synchronization within a run). With fewer members than
 * threads, a large member's neurons are split across several threads that meet once per step.
 */
public final class CpuBackend implements Backend {

	/** Below this many neurons per thread, splitting a member costs more than it gains. */
	static final int MIN_NEURONS_PER_PARTITION = 1024;

	private final int threads;

	/** A backend using every available processor. */
	public CpuBackend() {
		this(Runtime.getRuntime().availableProcessors());
	}

	public CpuBackend(final int threads) {
		this.threads = Checks.atLeast("threads", threads, 1);
	}

	@Override
	public String name() {
		return "cpu";
	}

	@Override
	public String device() {
		return System.getProperty("os.arch") + " CPU, " + Runtime.getRuntime().availableProcessors() +
			" processors (Java " + Runtime.version().feature() + ")";
	}

	@Override
	public int threads() {
		return threads;
	}

	@Override
	public int concurrentMembers(final SimulationRequest request) {
		return Math.min(threads, request.size());
	}

	/** Partitions per member for this request: 1 unless threads would otherwise stay idle. */
	public int partitionsPerMember(final int members, final int neurons) {
		if (members >= threads) return 1;
		return Math.max(1, Math.min(threads / members, neurons / MIN_NEURONS_PER_PARTITION));
	}

	@Override
	public BatchResult simulate(final CompiledNetwork network, final SimulationRequest request) {
		final long start = System.nanoTime();
		final int members = request.size();
		final int partitions = partitionsPerMember(members, network.neuronCount());
		final MemberResult[] results = new MemberResult[members];
		if (partitions == 1 && (threads == 1 || members == 1)) {
			for (int m = 0; m < members; m++) results[m] = newRun(network, request, m, 1).runAlone();
		}
		else if (partitions == 1) {
			runMembersInParallel(network, request, results);
		}
		else {
			runPartitioned(network, request, partitions, results);
		}
		final double simulateMs = (System.nanoTime() - start) / 1e6;
		return new BatchResult(request, List.of(results), new RunInfo(name(), device(), threads, 0, simulateMs));
	}

	private MemberRun newRun(final CompiledNetwork network, final SimulationRequest request, final int member,
		final int partitions)
	{
		return new MemberRun(network, request, member, partitions);
	}

	/** Each worker takes the next unsimulated member until none is left. */
	private void runMembersInParallel(final CompiledNetwork network, final SimulationRequest request,
		final MemberResult[] results)
	{
		final AtomicInteger next = new AtomicInteger();
		final int workers = Math.min(threads, results.length);
		runAll(workers, worker -> () -> {
			for (int m = next.getAndIncrement(); m < results.length; m = next.getAndIncrement()) {
				results[m] = newRun(network, request, m, 1).runAlone();
			}
		});
	}

	/** Members run concurrently, each on {@code partitions} threads. */
	private void runPartitioned(final CompiledNetwork network, final SimulationRequest request,
		final int partitions, final MemberResult[] results)
	{
		final MemberRun[] runs = new MemberRun[results.length];
		for (int m = 0; m < runs.length; m++) runs[m] = newRun(network, request, m, partitions);
		runAll(runs.length * partitions, worker -> runs[worker / partitions].partition(worker % partitions));
		for (int m = 0; m < runs.length; m++) results[m] = runs[m].result();
	}

	private static void runAll(final int workers, final java.util.function.IntFunction<Runnable> task) {
		final ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
			final Thread t = new Thread(r, "spiketune-cpu");
			t.setDaemon(true);
			return t;
		});
		try {
			final List<Future<?>> futures = new ArrayList<>();
			for (int w = 0; w < workers; w++) futures.add(pool.submit(task.apply(w)));
			for (final Future<?> f : futures) f.get();
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new java.util.concurrent.CancellationException("simulation interrupted");
		}
		catch (final ExecutionException e) {
			final Throwable cause = e.getCause();
			if (cause instanceof RuntimeException r) throw r;
			if (cause instanceof Error err) throw err;
			throw new SimulationException("simulation failed: " + cause, cause);
		}
		finally {
			pool.shutdownNow();
		}
	}
}
