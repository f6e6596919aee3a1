package org.spiketune.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.spiketune.model.CarlsonV1;
import org.spiketune.model.GratingPhase;
import org.spiketune.model.NetworkSpec;
import org.spiketune.model.Protocol;
import org.spiketune.objective.V1Tuning;
import org.spiketune.sim.Backend;
import org.spiketune.sim.BatchResult;
import org.spiketune.sim.Member;
import org.spiketune.sim.MemberResult;
import org.spiketune.sim.Recording;
import org.spiketune.sim.SimulationRequest;
import org.spiketune.sim.Simulator;
import org.spiketune.sim.backends.Backends;
import org.spiketune.sim.cpu.CpuBackend;
import org.spiketune.tune.ParameterSpace;
import org.spiketune.tune.StudySpaces;

/**
 * Random search over the V1 study's 14 parameters in one batch, to see which parts of the space learn
 * orientation selectivity at all: {@code V1Search side repeats timeScale members seed [csv]}. Samples
 * {@code members} points uniformly in the unit cube of {@code StudySpaces.carlsonV1(side)} (fixed values from
 * {@code -Dfixed=k=v,...} override them), trains and tests each once, and prints the best ten by the study's
 * fitness with their tuning curves and how oriented their receptive fields are, plus a summary; the optional
 * csv gets one row per member. {@code -Dbackend=} as in {@link V1Probe}.
 */
public final class V1Search {
	public static void main(final String[] args) throws IOException {
		final int side = Integer.parseInt(args[0]), repeats = Integer.parseInt(args[1]);
		final double scale = Double.parseDouble(args[2]);
		final int n = Integer.parseInt(args[3]);
		final long seed = Long.parseLong(args[4]);
		final Protocol protocol = CarlsonV1.protocol(repeats, 8, scale);
		final NetworkSpec network = CarlsonV1.network(side, protocol, GratingPhase.SINE);
		final ParameterSpace space = StudySpaces.carlsonV1(side);
		final Map<String, Double> fixed = parameters(System.getProperty("fixed", ""));
		final V1Tuning objective = V1Tuning.of(network, "exc", 1, CarlsonV1.frameAngles());
		final SplittableRandom random = new SplittableRandom(seed);
		final List<Member> members = new ArrayList<>();
		for (int m = 0; m < n; m++) {
			final double[] unit = new double[space.size()];
			for (int i = 0; i < unit.length; i++) unit[i] = random.nextDouble();
			final Map<String, Double> p = new LinkedHashMap<>(space.decode(unit));
			p.putAll(fixed);
			members.add(Member.of(seed * 100_000 + m, p));
		}
		final Backend backend = System.getProperty("backend") == null ? new CpuBackend() : Backends.byName(System
			.getProperty("backend"), 0);
		System.out.printf(Locale.ROOT, "backend %s, %d members, %d x %d, %.0f s%n", backend.name(), n, side, side,
			protocol.durationMs() / 1000);
		final long t0 = System.nanoTime();
		final BatchResult batch = new Simulator(backend).run(new SimulationRequest(network, protocol.durationMs(), seed,
			members, Recording.spikesOnly().withRateBin(1000).withSpikeGroups("exc", "inh")));
		System.out.printf(Locale.ROOT, "SIM %.1f s%n", (System.nanoTime() - t0) / 1e9);
		final List<Row> rows = new ArrayList<>();
		for (int m = 0; m < n; m++) {
			final MemberResult r = batch.member(m);
			final double[][] rates = objective.rates(r.spikes());
			rows.add(new Row(m, members.get(m).parameters(), rates, V1Tuning.fitness(rates, objective.angles()), r));
		}
		rows.sort(Comparator.comparingDouble((Row r) -> r.fitness.value()).reversed());
		int well = 0, distinct4 = 0, selective = 0;
		for (final Row r : rows) {
			if (r.fitness.wellTuned()) well++;
			if (distinctPreferred(r.fitness) == 4) distinct4++;
			if (selectiveNeurons(r.rates) == 4) selective++;
		}
		System.out.printf(Locale.ROOT, "SUMMARY well tuned %d, 4 distinct preferred angles %d, all 4 selective %d of %d%n",
			well, distinct4, selective, n);
		for (final Row r : rows.subList(0, Math.min(10, rows.size()))) print(r, side);
		if (args.length > 5) write(Path.of(args[5]), rows, space.names());
	}

	private record Row(int member, Map<String, Double> parameters, double[][] rates, V1Tuning.Fitness fitness,
		MemberResult result)
	{}

	/** A neuron is selective when its best test angle's rate is at least twice its mean over the angles. */
	static int selectiveNeurons(final double[][] rates) {
		int count = 0;
		for (final double[] curve : rates) {
			double max = 0, mean = 0;
			for (final double v : curve) {
				max = Math.max(max, v);
				mean += v / curve.length;
			}
			if (max > 0 && max >= 2 * mean) count++;
		}
		return count;
	}

	static int distinctPreferred(final V1Tuning.Fitness f) {
		return (int) java.util.Arrays.stream(f.preferred()).distinct().count();
	}

	private static void print(final Row r, final int side) {
		final V1Tuning.Fitness f = r.fitness;
		System.out.printf(Locale.ROOT,
			"== member %d fitness %.6f decorr %.2f gauss %.0f max %.0f pen %.0f, exc %.1f Hz inh %.1f Hz, selective %d%n",
			r.member, f.value(), f.decorrelation(), f.gaussian(), f.maxRate(), f.penalty(), r.result.rates().meanRateHz(
				"exc"), r.result.rates().meanRateHz("inh"), selectiveNeurons(r.rates));
		final StringBuilder p = new StringBuilder("  ");
		r.parameters.forEach((k, v) -> p.append(String.format(Locale.ROOT, "%s=%.4g,", k, v)));
		System.out.println(p);
		final float[][] on = r.result.learnedWeights("onbuf_exc"), off = r.result.learnedWeights("offbuf_exc");
		for (int i = 0; i < r.rates.length; i++) {
			final StringBuilder sb = new StringBuilder("  exc" + i + ":");
			for (final double v : r.rates[i]) sb.append(String.format(Locale.ROOT, " %5.1f", v));
			sb.append("  rf ").append(V1Probe.receptiveFieldOrientation(on, off, i, side));
			System.out.println(sb);
		}
	}

	private static void write(final Path csv, final List<Row> rows, final List<String> names) throws IOException {
		try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(csv))) {
			w.println("member," + String.join(",", names) + ",fitness,decorrelation,gaussian,maxRate,penalty,"
				+ "selective,distinct,excHz,inhHz");
			for (final Row r : rows) {
				final StringBuilder sb = new StringBuilder().append(r.member);
				for (final String k : names) sb.append(',').append(r.parameters.get(k));
				final V1Tuning.Fitness f = r.fitness;
				sb.append(String.format(Locale.ROOT, ",%.6g,%.4g,%.4g,%.4g,%.0f,%d,%d,%.2f,%.2f", f.value(), f
					.decorrelation(), f.gaussian(), f.maxRate(), f.penalty(), selectiveNeurons(r.rates),
					distinctPreferred(f), r.result.rates().meanRateHz("exc"), r.result.rates().meanRateHz("inh")));
				w.println(sb);
			}
		}
	}

	/** Parameter values written {@code name=value,name=value} (blank: none), as V1Probe and -Dfixed take them. */
	static Map<String, Double> parameters(final String text) {
		final Map<String, Double> p = new LinkedHashMap<>();
		for (final String kv : text.split(",")) {
			if (kv.isBlank()) continue;
			final String[] x = kv.split("=", -1);
			try {
				if (x.length != 2 || x[0].isBlank()) throw new NumberFormatException();
				p.put(x[0].trim(), Double.parseDouble(x[1].trim()));
			}
			catch (final NumberFormatException e) {
				throw new IllegalArgumentException("'" + kv + "' is not name=number (in \"" + text + "\")");
			}
		}
		return p;
	}
}
