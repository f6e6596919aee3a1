package org.spiketune.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import org.spiketune.fit.NetworkFit;
import org.spiketune.fit.SingleCellFit;
import org.spiketune.fit.SingleCellFit.CellModel;
import org.spiketune.model.Presets;
import org.spiketune.objective.SpikeTrainMatch;
import org.spiketune.sim.Simulator;
import org.spiketune.sim.cpu.CpuBackend;
import org.spiketune.spikes.IntervalStatistics;
import org.spiketune.spikes.RecordedSweeps;
import org.spiketune.spikes.SpikeTrains;
import org.spiketune.spikes.Validation;
import org.spiketune.spikes.io.Abf2;
import org.spiketune.tune.Algorithm;
import org.spiketune.tune.ParameterSpace;
import org.spiketune.tune.Termination;
import org.spiketune.tune.Tuner;
import org.spiketune.tune.TuningConfig;
import org.spiketune.tune.TuningListener;
import org.spiketune.tune.TuningResult;

/**
 * The fitting studies of issue 6 at full budget, printed as tables (quality, not speed):
 * {@code recover} (4a: a known Izhikevich cell under the FSI protocol), {@code fsi} (4b: the real cell,
 * Izhikevich and AdEx by CMA-ES, fit on even sweeps, predict odd ones), {@code network} (5: 200 E + 50 I with hidden
 * ee.gain, ie.gain, ee.p, ie.p; -Dfit.seeds for several ground truths).
 */
public final class FitReport {

	private static final Path ABF = Path.of("test-data", "pyabf-fsi-current-steps", "2019_07_24_0055_fsi.abf");
	private static final int[] EVEN = { 0, 2, 4, 6, 8, 10, 12, 14, 16 }, ODD = { 1, 3, 5, 7, 9, 11, 13, 15 };

	public static void main(final String[] args) throws Exception {
		final List<String> which = args.length == 0 ? List.of("recover", "fsi", "network") : List.of(args);
		final Simulator simulator = new Simulator(new CpuBackend());
		if (which.contains("recover")) recover(simulator);
		if (which.contains("fsi")) fsi(simulator);
		if (which.contains("network")) network(simulator);
	}

	/**
	 * CMA-ES, 16 restarts of 10 points for 200 generations, loss SPIKE-distance + count, for three seeds: the
	 * loss of the truth is 0, and the training loss says whether a run found its basin. With -Dfit.noise=σ
	 * every sweep also gets white current noise of sd σ (a.u.), frozen during the fit; the fit is then tested
	 * on the odd sweeps under a fresh noise draw and without noise, and each table is followed by Γ of the
	 * truth with b changed by 10^-4 (how precisely that stimulus can judge a fit at all).
	 */
	private static void recover(final Simulator simulator) throws Exception {
		final RecordedSweeps protocol = Abf2.read(ABF);
		final Map<String, Double> truth = Map.of("*.a", 0.1, "*.b", 0.2, "*.c", -60.0, "*.d", 2.0, "*.gain", 0.04);
		// -Dfit.seeds=42,7 -Dfit.loss=GAMMA_RATE -Dfit.population=10 -Dfit.restarts=16 -Dfit.generations=200
		// -Dfit.noise=15 -Dfit.refine=2 -Dfit.refinerestarts=32 to try other settings
		final int population = intOption("fit.population", 10), restarts = intOption("fit.restarts", 16);
		final int generations = intOption("fit.generations", 200), refinements = intOption("fit.refine", 0);
		final int refinementRestarts = intOption("fit.refinerestarts", restarts);
		final double noise = doubleOption("fit.noise", 0);
		final SpikeTrainMatch.Loss loss = loss();
		for (final long seed : seeds("42,7,1")) {
			final int[] all = IntStream.range(0, EVEN.length).toArray();
			final TuningConfig probe = SingleCellFit.withFrozenNoise(TuningConfig.of(SingleCellFit.network(
				CellModel.IZHIKEVICH, protocol, EVEN, 0.1), ParameterSpace.parse(
					"*.a=0.002:0.3, *.b=0.02:0.36, *.c=-75:-35, *.d=0.005:16, *.gain=0.005:0.5:log"), SpikeTrainMatch.of(
						SpikeTrains.of(new double[EVEN.length][0], 0, 3000), all, loss, 4), new Algorithm.CmaEs(population,
							restarts, 0.3), Termination.generations(generations), 3000, seed), noise);
			// the data: the truth under the noise the run will freeze
			final SpikeTrains own = SingleCellFit.simulate(simulator, CellModel.IZHIKEVICH, truth, protocol, EVEN, 0.1,
				noise, probe.frozenNoiseSeed(), 3000);
			final TuningConfig config = probe.withObjective(SpikeTrainMatch.of(own, all, loss, 4));
			final long start = System.nanoTime();
			final TuningResult result = SingleCellFit.tune(new Tuner(simulator), config, refinements,
				new Algorithm.CmaEs(population, refinementRestarts, 0.3), TuningListener.NONE);
			System.out.printf(Locale.ROOT, "%n4a recover a known Izhikevich cell (truth %s), current noise sd %.1f, " +
				"loss %s, cma-es %d x %d, %d refinements (%d restarts), seed %d: %.0f s%nbest %s, training loss %.4f%n",
				truth, noise, loss.key(), restarts, population, refinements, refinementRestarts, seed, (System.nanoTime() -
					start) / 1e9, result.best(), result.bestFitness());
			// whether the winning run needed its generations: the first generation that reached its best
			final int bestFrom = result.generations().stream().filter(g -> g.best() <= result.bestFitness()).mapToInt(
				g -> g.generation()).min().orElse(-1);
			System.out.printf(Locale.ROOT, "the winning run: %d generations, %d simulations, best from generation %d%n",
				result.generations().size(), result.evaluations(), bestFrom);
			for (final double testNoise : noise > 0 ? new double[] { noise, 0 } : new double[] { 0 }) {
				final long testSeed = 987654321;
				final SpikeTrains unseen = SingleCellFit.simulate(simulator, CellModel.IZHIKEVICH, truth, protocol, ODD,
					0.1, testNoise, testSeed, 3000);
				if (noise > 0) System.out.printf(Locale.ROOT, "odd sweeps, current noise sd %.1f%s:%n", testNoise,
					testNoise > 0 ? " (a draw not used in the fit)" : "");
				table(SingleCellFit.predict(simulator, CellModel.IZHIKEVICH, result.best(), protocol, ODD, unseen, 0.1, 4,
					testNoise, testSeed));
				// how far Γ falls for a change too small to matter: the most a fit can be asked for here
				final Map<String, Double> nudged = new HashMap<>(truth);
				nudged.put("*.b", truth.get("*.b") * (1 + 1e-4));
				System.out.print("Γ of the truth with b x 1.0001 (this stimulus's precision):");
				for (final SingleCellFit.SweepPrediction p : SingleCellFit.predict(simulator, CellModel.IZHIKEVICH, nudged,
					protocol, ODD, unseen, 0.1, 4, testNoise, testSeed).sweeps()) {
					System.out.printf(Locale.ROOT, " %.3f", p.gamma());
				}
				System.out.println();
			}
		}
	}

	/** -D{@code name}, a whole number, or {@code fallback} when not given; a value that is not one is named. */
	private static int intOption(final String name, final int fallback) {
		return (int) doubleOption(name, fallback, true);
	}

	/** -D{@code name}, a number, or {@code fallback} when not given; a value that is not one is named. */
	private static double doubleOption(final String name, final double fallback) {
		return doubleOption(name, fallback, false);
	}

	private static double doubleOption(final String name, final double fallback, final boolean whole) {
		final String text = System.getProperty(name);
		if (text == null) return fallback;
		try {
			return whole ? Integer.parseInt(text.trim()) : Double.parseDouble(text.trim());
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException("-D" + name + " must be " + (whole ? "a whole number" : "a number") +
				", got '" + text + "'");
		}
	}

	/** -Dfit.seeds, comma-separated, or {@code defaults}. */
	private static long[] seeds(final String defaults) {
		final String text = System.getProperty("fit.seeds", defaults);
		try {
			return java.util.Arrays.stream(text.split(",")).map(String::trim).mapToLong(Long::parseLong).toArray();
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException("fit.seeds must be whole numbers separated by commas, got '" + text + "'");
		}
	}

	/** The single-cell loss: -Dfit.loss=SPIKE_COUNT (the study's, default), GAMMA_RATE, ... */
	private static SpikeTrainMatch.Loss loss() {
		return SpikeTrainMatch.Loss.parse(System.getProperty("fit.loss", "SPIKE_COUNT"));
	}

	private static void fsi(final Simulator simulator) throws Exception {
		final RecordedSweeps recording = Abf2.read(ABF);
		final SpikeTrains data = SingleCellFit.spikes(recording, -20);
		for (final CellModel model : CellModel.values()) {
			final TuningConfig config = SingleCellFit.config(model, recording, data, EVEN, model.defaultSpace(),
				loss(), 4, new Algorithm.CmaEs(10, 16, 0.3), Termination.generations(200), 0.1,
				42);
			final long start = System.nanoTime();
			final TuningResult result = new Tuner(simulator).run(config);
			System.out.printf(Locale.ROOT, "%n4b FSI, %s, loss %s, fit on sweeps 0,2,...,16, %.0f s%nbest %s%n", model
				.key(), loss().key(), (System.nanoTime() - start) / 1e9, result.best());
			System.out.println("fitted:");
			table(SingleCellFit.predict(simulator, model, result.best(), recording, data, EVEN, 0.1, 4));
			System.out.println("predicted:");
			table(SingleCellFit.predict(simulator, model, result.best(), recording, data, ODD, 0.1, 4));
		}
	}

	private static void table(final SingleCellFit.Prediction p) {
		System.out.println("| sweep | max current pA | data spikes | model spikes | count error | Γ | SPIKE-distance |");
		System.out.println("|---:|---:|---:|---:|---:|---:|---:|");
		for (final SingleCellFit.SweepPrediction s : p.sweeps()) {
			System.out.printf(Locale.ROOT, "| %d | %.0f | %d | %d | %+d | %.3f | %.3f |%n", s.sweep(), s.maxCurrent(), s
				.dataSpikes(), s.modelSpikes(), s.countError(), s.gamma(), s.spikeDistance());
		}
	}

	/** -Dfit.seeds (default 11): each seed draws its own ground-truth graph, noise and GA run. */
	private static void network(final Simulator simulator) {
		for (final long seed : seeds("11")) network(simulator, seed);
	}

	private static void network(final Simulator simulator, final long seed) {
		final Map<String, Double> truth = new LinkedHashMap<>();
		truth.put("ee.gain", 2.0);
		truth.put("ie.gain", 1.5);
		truth.put("ee.p", 0.15);
		truth.put("ie.p", 0.25);
		final ParameterSpace space = ParameterSpace.parse("ee.gain=0.5:4, ie.gain=0.5:4, ee.p=0.05:0.3, ie.p=0.05:0.5");
		final var network = Presets.get(Presets.IZHIKEVICH_2003_RANDOM);
		final double duration = 2000;
		final TuningConfig probe = NetworkFit.config(network, SpikeTrains.of(new double[250][0], 0, duration), space,
			SpikeTrainMatch.Loss.SPIKE, Algorithm.Ga.defaults(), Termination.generations(1), seed);
		final SpikeTrains data = NetworkFit.simulate(simulator, probe, truth);
		// -Dfit.netalgorithm=cma-es: CMA-ES, -Dfit.restarts (default 8) of 10 for 30 generations
		final boolean cma = "cma-es".equals(System.getProperty("fit.netalgorithm", "ga"));
		final Algorithm algorithm = cma ? new Algorithm.CmaEs(10, intOption("fit.restarts", 8), 0.3)
			: new Algorithm.Ga(40, 2, 0.8, 1, 0.1);
		final String described = cma ? "CMA-ES " + ((Algorithm.CmaEs) algorithm).restarts() + " x 10 x 30" : "GA 40 x 30";
		final TuningConfig config = NetworkFit.config(network, data, space, SpikeTrainMatch.Loss.SPIKE, algorithm,
			Termination.generations(30), seed);
		if (System.getProperty("fit.scan") != null) { // -Dfit.scan=ee.p: the loss along one parameter, no fit
			scan(simulator, config, truth, data, System.getProperty("fit.scan"));
			return;
		}
		final long start = System.nanoTime();
		// -Dfit.window=250: growing windows from 250 ms, doubled, each stage in half the previous ranges
		final double[] stops = NetworkFit.doublingStops(data, doubleOption("fit.window", duration));
		final TuningResult result = NetworkFit.tuneOverGrowingWindows(new Tuner(simulator), config, stops, 0.5,
			TuningListener.NONE);
		final double seconds = (System.nanoTime() - start) / 1e9;
		final SpikeTrains model = NetworkFit.simulate(simulator, config, result.best());
		System.out.printf(Locale.ROOT, "%n5 network 200 E + 50 I, seed %d, %.0f ms, %d data spikes (%.2f Hz), %s, " +
			"windows %s ms then the whole, %.0f s%n", seed, duration, data.totalCount(), data.meanRateHz(), described,
			Arrays.toString(stops), seconds);
		System.out.println("| parameter | truth | fitted | error % of range |");
		System.out.println("|---|---:|---:|---:|");
		for (final var r : space.ranges()) {
			final double t = truth.get(r.name()), f = result.best().get(r.name());
			System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.1f |%n", r.name(), t, f, 100 * Math.abs(f - t) / (r
				.max() - r.min()));
		}
		System.out.printf(Locale.ROOT, "loss: fitted %.3f, truth %.3f (summed SPIKE-distance over 250 pairs)%n", result
			.bestFitness(), new Tuner(simulator).validate(config, truth, 1, 0, false).get(0).value());
		for (final Validation.Row row : Validation.compare(model, data).rows()) {
			System.out.printf(Locale.ROOT, "%s: model %.3f ± %.3f, data %.3f ± %.3f, t p = %.3g, KS D = %.3f p = %.3g%n",
				row.statistic(), row.modelMean(), row.modelSd(), row.dataMean(), row.dataSd(), row.tP(), row.ks(), row
					.ksP());
		}
		System.out.printf(Locale.ROOT, "mean CV model %.3f, data %.3f%n", meanCv(model), meanCv(data));
	}

	/** The summed SPIKE-distance with {@code name} at multiples of its true value, the others held. */
	private static void scan(final Simulator simulator, final TuningConfig config, final Map<String, Double> truth,
		final SpikeTrains data, final String name)
	{
		if (!truth.containsKey(name)) throw new IllegalArgumentException("fit.scan: no hidden parameter " + name);
		for (final double factor : new double[] { 0.9, 0.98, 0.995, 1, 1.005, 1.02, 1.1 }) {
			final Map<String, Double> at = new LinkedHashMap<>(truth);
			at.put(name, truth.get(name) * factor);
			final SpikeTrainMatch.Comparison c = SpikeTrainMatch.compare(data, NetworkFit.simulate(simulator, config,
				at), IntStream.range(0, data.size()).toArray(), SpikeTrainMatch.DEFAULT_WINDOW_MS);
			System.out.printf(Locale.ROOT, "scan %s x%.3f: summed SPIKE-distance %.2f%n", name, factor, c.distanceSum());
		}
	}

	private static double meanCv(final SpikeTrains trains) {
		return IntStream.range(0, trains.size()).mapToDouble(i -> IntervalStatistics.cv(IntervalStatistics.intervals(
			trains.times(i)))).filter(Double::isFinite).average().orElse(Double.NaN);
	}
}
