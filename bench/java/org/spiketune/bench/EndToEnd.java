package org.spiketune.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.spiketune.model.NetworkSpec;
import org.spiketune.model.Presets;
import org.spiketune.sim.Backend;
import org.spiketune.sim.BatchResult;
import org.spiketune.sim.CompiledNetwork;
import org.spiketune.sim.CompiledProjection;
import org.spiketune.sim.Connectivity;
import org.spiketune.sim.MemberResult;
import org.spiketune.sim.NetworkCompiler;
import org.spiketune.sim.SimulationRequest;
import org.spiketune.sim.Simulator;
import org.spiketune.sim.backends.Backends;
import org.spiketune.sim.cpu.CpuBackend;
import org.spiketune.sim.opencl.OpenClPlatforms;
import org.spiketune.objective.RateTarget;
import org.spiketune.tune.Algorithm;
import org.spiketune.tune.ParameterSpace;
import org.spiketune.tune.Termination;
import org.spiketune.tune.Tuner;
import org.spiketune.tune.TuningConfig;
import org.spiketune.tune.TuningResult;

/**
 * The end-to-end benchmark: the foundation workloads W1-W3 on each backend (CPU, and OpenCL where this
 * machine has it), one table, then the tuning run T1. Each workload is warmed up, then timed over several
 * runs (median); building the structure is timed apart from simulating it, since a tuning run builds once and
 * simulates every generation. The spike count column shows that backends computed the same thing.
 *
 * <pre>
 * bench/run                      # everything, on cpu and opencl
 * bench/run --only W3            # one workload (W1, W2, W3, V1, T1, M1); --repeats N, --warmup N, --quick (for tests)
 * bench/run --backends opencl    # cpu, opencl, opencl:gpu, opencl:0, ... (comma-separated)
 * bench/run --gpu                # the GPU set: W2 with 20, 100 and 1000 members, W3 at N = 16000 and 100000
 * </pre>
 */
public final class EndToEnd {

	/** A benchmark case; {@code target} is the figure for the simulate time, in ms. */
	record Workload(String id, String description, NetworkSpec network, int members, int threads,
		double durationMs, double targetMs)
	{}

	/** One measured row. */
	record Row(Workload workload, String backend, int threads, double buildMs, double simulateMs,
		double minSimulateMs, long spikes, long synapticEvents, double rateHz)
	{

		double memberSeconds() {
			return workload.members * workload.durationMs / 1000;
		}

		double neuronUpdatesPerSecond() {
			final double steps = workload.durationMs / workload.network.dtMs();
			return workload.members * (double) workload.network.neuronCount() * steps / (simulateMs / 1000);
		}
	}

	private EndToEnd() {}

	public static void main(final String[] args) throws Exception {
		final Options options = Options.parse(args);
		final List<Backend> backends = backends(options.backends, System.out);
		try {
			final List<Row> rows = new ArrayList<>();
			for (final Workload w : options.gpu ? gpuWorkloads() : workloads(options.quick)) {
				if (options.only != null && !options.only.contains(w.id)) continue;
				for (final Backend b : backends) rows.add(measure(w, b, options.warmup, options.repeats));
			}
			if (!rows.isEmpty()) print(rows, backends, System.out);
			if (!options.gpu && (options.only == null || options.only.contains("T1"))) {
				System.out.println();
				final List<TuningRow> tuning = new ArrayList<>();
				for (final Backend b : backends) tuning.add(tuning(options.quick, b));
				printTuning(tuning, System.out);
			}
			if (!options.gpu && (options.only == null || options.only.contains("M1"))) {
				System.out.println();
				MetricsBench.print(MetricsBench.run(options.quick, Math.max(1, options.repeats)), System.out);
			}
		}
		finally {
			for (final Backend b : backends) if (b instanceof AutoCloseable c) c.close();
		}
	}

	/**
	 * The backends by name; {@code cpu} here means all processors (each workload sets its own thread count).
	 * An OpenCL backend that falls back to the CPU is left out, with the reason.
	 */
	static List<Backend> backends(final List<String> names, final PrintStream out) {
		final List<Backend> list = new ArrayList<>();
		for (final String name : names) {
			final Backend b = Backends.byName(name, 0);
			if (name.startsWith(Backends.OPENCL) && !b.name().equals(Backends.OPENCL)) {
				out.println("(" + name + " left out: " + OpenClPlatforms.unavailableReason().orElse("no device") + ")");
				continue;
			}
			list.add(b);
		}
		return list;
	}

	/** T1, the GA study's full run: I_E of izhikevich2003 to 5 Hz, ga, 20 x 100 generations of 1000 ms. */
	record TuningRow(String backend, int generations, long evaluations, double totalMs, double simulateMs,
		double error)
	{}

	static TuningRow tuning(final boolean quick, final Backend backend) {
		final TuningConfig config = TuningConfig.of(Presets.izhikevich2003(), ParameterSpace.parse("exc.bias=-5:5"),
			RateTarget.of(5), new Algorithm.Ga(20, 2, 0.95, 1, 0.1), Termination.generations(quick ? 3 : 100), quick
				? 50 : 1000, 1);
		final Tuner tuner = new Tuner(new Simulator(backend));
		if (!quick) tuner.run(config.withTermination(Termination.generations(10))); // warm-up
		final TuningResult r = tuner.run(config);
		return new TuningRow(backend.name(), r.generations().size(), r.evaluations(), r.totalMs(), r.simulateMs(), r
			.bestFitness());
	}

	static void printTuning(final List<TuningRow> rows, final PrintStream out) {
		out.println("| run | backend | generations | evaluations | total s | simulate s | EA and bookkeeping s | " +
			"best error Hz | target s |");
		out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|");
		for (final TuningRow r : rows) {
			out.printf(Locale.ROOT, "| T1: GA study, izhikevich2003 I_E to 5 Hz, ga 20 x %d | %s | %d | %d | %.2f | " +
				"%.2f | %.2f | %.4f | <= 30 |%n", r.generations, r.backend, r.generations, r.evaluations, r.totalMs /
					1000, r.simulateMs / 1000, (r.totalMs - r.simulateMs) / 1000, r.error);
		}
	}

	static List<Workload> workloads(final boolean quick) {
		final double duration = quick ? 50 : 1000;
		final int processors = Runtime.getRuntime().availableProcessors();
		final List<Workload> list = new ArrayList<>();
		list.add(new Workload("W1", "izhikevich2003, 1 member", Presets.izhikevich2003(), 1, 1, duration, 20));
		list.add(new Workload("W2", "izhikevich2003, 20 members", Presets.izhikevich2003(), 20, 2, duration, 200));
		for (final int n : quick ? new int[] { 1000, 4000 } : new int[] { 1000, 4000, 16000 }) {
			list.add(new Workload("W3", "N=" + n + ", 1000 inputs each", Presets.izhikevich2003Sparse(n, 1000), 1,
				processors, duration, n == 16000 ? 400 : Double.NaN));
		}
		list.add(v1Workload(quick ? 16 : 32, quick ? 0.02 : 0.2, processors));
		return list;
	}

	/**
	 * V1: one generation of the V1 study (10 networks learning under the grating protocol) for a fifth of
	 * one training repeat and the test; its target is the 30 min for the full ~100-minute protocol,
	 * scaled to this protocol's length (the simulation time is linear in it).
	 */
	static Workload v1Workload(final int side, final double timeScale, final int threads) {
		final org.spiketune.model.Protocol protocol = org.spiketune.model.CarlsonV1.protocol(1, 8, timeScale);
		final double full = org.spiketune.model.CarlsonV1.protocol(org.spiketune.model.CarlsonV1.STUDY_REPEATS, 8, 1)
			.durationMs();
		final NetworkSpec network = org.spiketune.model.CarlsonV1.network(side, protocol);
		return new Workload("V1", String.format(Locale.ROOT, "%s, 10 members, %.0f s of %.0f s", network.name(),
			protocol.durationMs() / 1000, full / 1000), network, 10, threads, protocol.durationMs(), 30 * 60_000 *
				protocol.durationMs() / full);
	}

	/** For a GPU: the population sizes of the source study and networks beyond one CPU's reach. */
	static List<Workload> gpuWorkloads() {
		final int processors = Runtime.getRuntime().availableProcessors();
		final List<Workload> list = new ArrayList<>();
		for (final int members : new int[] { 20, 100, 1000 }) {
			list.add(new Workload("W2", "izhikevich2003, " + members + " members", Presets.izhikevich2003(), members,
				processors, 1000, members == 1000 ? 2000 : Double.NaN));
		}
		for (final int n : new int[] { 16000, 100000 }) {
			list.add(new Workload("W3", "N=" + n + ", 1000 inputs each", Presets.izhikevich2003Sparse(n, 1000), 1,
				processors, 1000, Double.NaN));
		}
		list.add(v1Workload(32, 1, processors));
		return list;
	}

	/** Times a workload on a backend; the CPU backend runs with the workload's thread count. */
	static Row measure(final Workload w, final Backend backend, final int warmup, final int repeats) {
		final SimulationRequest request = SimulationRequest.batch(w.network, w.durationMs, 1, java.util.Collections
			.nCopies(w.members, Map.<String, Double> of()));
		final Backend used = backend.name().equals(Backends.CPU) ? new CpuBackend(w.threads) : backend;
		final Simulator simulator = new Simulator(used);
		for (int i = 0; i < warmup; i++) simulator.run(request);
		double buildMs = Double.MAX_VALUE; // after the warm-up, so the builder's code is compiled too
		for (int i = 0; i < Math.max(1, Math.min(3, repeats)); i++) {
			final long start = System.nanoTime();
			NetworkCompiler.compile(w.network, 1000 + i);
			buildMs = Math.min(buildMs, (System.nanoTime() - start) / 1e6);
		}
		final double[] times = new double[repeats];
		BatchResult last = null;
		for (int i = 0; i < repeats; i++) {
			last = simulator.run(request);
			times[i] = last.info().simulateMs();
		}
		Arrays.sort(times);
		final int[] outDegree = outDegrees(simulator.compiled(request));
		long spikes = 0, events = 0;
		double rate = 0;
		for (final MemberResult m : last.members()) {
			spikes += m.spikes().count();
			for (int k = 0; k < m.spikes().count(); k++) events += outDegree[m.spikes().neuron(k)];
			rate += m.rates().meanRateHz() / last.size();
		}
		return new Row(w, used.name(), used.threads(), buildMs, times[repeats / 2], times[0], spikes, events, rate);
	}

	/** Synapses leaving each neuron: how many targets one of its spikes reaches. */
	static int[] outDegrees(final CompiledNetwork network) {
		final int[] degree = new int[network.neuronCount()];
		for (final CompiledProjection p : network.projections()) {
			final int sources = network.groups().get(p.sourceGroup()).size();
			for (int s = 0; s < sources; s++) {
				degree[p.sourceOffset() + s] += switch (p.connectivity()) {
					case Connectivity.Dense d -> d.targets();
					case Connectivity.OneToOne o -> 1;
					case Connectivity.Sparse c -> c.rowStart()[s + 1] - c.rowStart()[s];
				};
			}
		}
		return degree;
	}

	static void print(final List<Row> rows, final List<Backend> backends, final PrintStream out) {
		final Runtime rt = Runtime.getRuntime();
		out.printf(Locale.ROOT, "SpikeTune end-to-end benchmark: Java %s, %d processors, max heap %d MiB%n", Runtime
			.version(), rt.availableProcessors(), rt.maxMemory() >> 20);
		for (final Backend b : backends) out.println("  " + b.name() + ": " + b.device());
		out.println();
		out.println("| workload | network | members | backend | threads or CUs | build ms | simulate ms (median) | " +
			"min ms | ms per member-second | neuron updates/s | synaptic events/s | spikes | rate Hz | target ms |");
		out.println("|---|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
		for (final Row r : rows) {
			out.printf(Locale.ROOT, "| %s | %s | %d | %s | %d | %.1f | %.1f | %.1f | %.2f | %.3g | %.3g | %d | %.2f | %s |%n",
				r.workload.id, r.workload.description, r.workload.members, r.backend, r.threads, r.buildMs, r.simulateMs,
				r.minSimulateMs, r.simulateMs / r.memberSeconds(), r.neuronUpdatesPerSecond(), r.synapticEvents / (r
					.simulateMs / 1000), r.spikes, r.rateHz, Double.isNaN(r.workload.targetMs) ? "-" : String.format(
						Locale.ROOT, "<= %.0f", r.workload.targetMs));
		}
	}

	private record Options(boolean quick, boolean gpu, int warmup, int repeats, List<String> only,
		List<String> backends)
	{

		static Options parse(final String[] args) {
			boolean quick = false, gpu = false;
			int warmup = 10, repeats = 15;
			List<String> only = null, backends = List.of(Backends.CPU, Backends.OPENCL);
			for (int i = 0; i < args.length; i++) {
				switch (args[i]) {
					case "--quick" -> quick = true;
					case "--gpu" -> gpu = true;
					case "--warmup" -> warmup = Integer.parseInt(args[++i]);
					case "--repeats" -> repeats = Integer.parseInt(args[++i]);
					case "--only" -> only = List.of(args[++i].split(","));
					case "--backends" -> backends = List.of(args[++i].split(","));
					default -> throw new IllegalArgumentException("unknown option " + args[i] +
						"; options: --quick, --gpu, --warmup N, --repeats N, --only W1,W2,W3,T1,M1, --backends cpu,opencl");
				}
			}
			if (repeats < 1) throw new IllegalArgumentException("--repeats must be >= 1");
			return new Options(quick, gpu, warmup, repeats, only, backends);
		}
	}
}
