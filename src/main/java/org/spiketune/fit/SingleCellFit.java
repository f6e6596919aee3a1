package org.spiketune.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.spiketune.model.AdEx;
import org.spiketune.model.Checks;
import org.spiketune.model.Izhikevich;
import org.spiketune.model.NamedValues;
import org.spiketune.model.NetworkSpec;
import org.spiketune.model.NeuronGroup;
import org.spiketune.model.NeuronModel;
import org.spiketune.model.Stimulus;
import org.spiketune.objective.SpikeTrainMatch;
import org.spiketune.sim.Member;
import org.spiketune.sim.Recording;
import org.spiketune.sim.Simulator;
import org.spiketune.spikes.RecordedSweeps;
import org.spiketune.spikes.SpikeDetection;
import org.spiketune.spikes.SpikeTrains;
import org.spiketune.tune.Algorithm;
import org.spiketune.tune.ParameterSpace;
import org.spiketune.tune.NoiseHandling;
import org.spiketune.tune.Termination;
import org.spiketune.tune.Tuner;
import org.spiketune.tune.TuningConfig;
import org.spiketune.tune.TuningListener;
import org.spiketune.tune.TuningResult;

/**
 * Fits a single-neuron model to a current-clamp recording, as SpikeNetOpt does: each sweep becomes a
 * one-neuron group {@code sweep<k>} driven by the sweep's command current, so one batch member simulates
 * the model under every fitted sweep at once, and a generation is one batch. The fitted parameters are
 * shared by all sweeps (names {@code *.a} etc.); {@code *.gain} converts the recorded current (pA) into the
 * model's current unit and {@code *.bias} is a constant current, in the model's unit, that lets a cell
 * fire spontaneously.
 */
public final class SingleCellFit {

	/** The default threshold at which recorded spikes are detected (upward crossings, mV). */
	public static final double DEFAULT_THRESHOLD_MV = -20;

	/** The models that can be fitted, with their starting point and default parameter ranges. */
	public enum CellModel {
		/**
		 * Izhikevich (2003); a, b, c, d in SpikeNetOpt's ranges; gain in a.u. per pA, bias in a.u.
		 */
		IZHIKEVICH("izhikevich", Izhikevich.of(0.1, 0.2, -65, 2),
			"*.a=0.002:0.3, *.b=0.02:0.36, *.c=-75:-35, *.d=0.005:16, *.gain=0.005:0.5:log, *.bias=-10:20"),
		/**
		 * AdEx (Brette and Gerstner 2005), spike cut at 0 mV, no refractory time; gain dimensionless (pA per
		 * recorded pA), bias in pA.
		 */
		ADEX("adex", AdEx.of(281, 30, -70.6, -50.4, 2, 144, 4, 80.5, -70.6, 0, 0),
			"*.cm=50:400:log, *.gl=2:40:log, *.el=-80:-50, *.vt=-60:-35, *.deltat=0.5:5, *.tauw=10:300:log, " +
				"*.a=-2:20, *.b=0:200, *.vreset=-75:-40, *.gain=0.2:5:log, *.bias=-200:200");

		private final String key;
		private final NeuronModel prototype;
		private final String ranges;

		CellModel(final String key, final NeuronModel prototype, final String ranges) {
			this.key = key;
			this.prototype = prototype;
			this.ranges = ranges;
		}

		public String key() {
			return key;
		}

		public NeuronModel prototype() {
			return prototype;
		}

		/** The default ranges of the fitted parameters. */
		public ParameterSpace defaultSpace() {
			return ParameterSpace.parse(ranges);
		}

		public static CellModel parse(final String text) {
			final String t = Checks.notNull("cell model", text).trim().toLowerCase(Locale.ROOT);
			for (final CellModel m : values()) {
				if (m.key.equals(t)) return m;
			}
			throw new IllegalArgumentException("unknown cell model '" + text + "'; use izhikevich or adex");
		}
	}

	private SingleCellFit() {}

	/** The group simulating sweep {@code k}. */
	public static String group(final int sweep) {
		return "sweep" + sweep;
	}

	/**
	 * One single-neuron group per sweep of {@code indices}, in that order (neuron i simulates sweep
	 * {@code indices[i]}), each driven by its sweep's current, stepped every {@code dtMs}.
	 */
	public static NetworkSpec network(final CellModel model, final RecordedSweeps sweeps, final int[] indices,
		final double dtMs)
	{
		return network(model, sweeps, indices, dtMs, 0);
	}

	/**
	 * As {@link #network(CellModel, RecordedSweeps, int[], double)}, with white current noise of standard
	 * deviation {@code noise} (the model's current unit, not scaled by {@code *.gain}) drawn afresh every step
	 * in every sweep. Made for recovering a known model: under a fluctuating input, spike times lock to the
	 * fluctuations instead of drifting with every small change of the rate (Mainen and Sejnowski 1995), so
	 * the true parameters' basin is much wider than under steps alone. Each sweep's neuron draws its own noise;
	 * a run keeps it fixed with {@link #withFrozenNoise}.
	 */
	public static NetworkSpec network(final CellModel model, final RecordedSweeps sweeps, final int[] indices,
		final double dtMs, final double noise)
	{
		checkIndices(sweeps, indices);
		final List<NeuronGroup> groups = new ArrayList<>();
		final List<Stimulus> stimuli = new ArrayList<>();
		for (final int k : indices) {
			groups.add(NeuronGroup.of(group(k), 1, model.prototype()));
			stimuli.addAll(CurrentSteps.of(group(k), sweeps.current()[k], sweeps.dtMs()));
		}
		return withNoise(new NetworkSpec("single-cell-" + model.key(), dtMs, groups, List.of(), stimuli), noise);
	}

	/** {@code network} with current noise of standard deviation {@code noise} in every group. */
	private static NetworkSpec withNoise(final NetworkSpec network, final double noise) {
		Checks.nonNegative("current noise (sd)", noise);
		return new NetworkSpec(network.name(), network.dtMs(), network.groups().stream().map(g -> g.withNoise(noise))
			.toList(), network.projections(), network.stimuli());
	}

	/**
	 * {@code config} with current noise of standard deviation {@code noise} added to every fitted sweep and
	 * frozen: every evaluation draws it from {@link TuningConfig#frozenNoiseSeed()}, so the target spikes must
	 * come from that seed ({@link #simulate}).
	 */
	public static TuningConfig withFrozenNoise(final TuningConfig config, final double noise) {
		return new TuningConfig(withNoise(config.network(), noise), config.space(), config.objective(), config
			.algorithm(), config.termination(), config.durationMs(), config.seed(), NoiseHandling.frozenNoise());
	}

	/**
	 * The spikes of {@code parameters} under sweeps {@code indices} for {@code durationMs}, with current noise
	 * of standard deviation {@code noise} drawn from {@code noiseSeed}.
	 */
	public static SpikeTrains simulate(final Simulator simulator, final CellModel model,
		final Map<String, Double> parameters, final RecordedSweeps sweeps, final int[] indices, final double dtMs,
		final double noise, final long noiseSeed, final double durationMs)
	{
		final NetworkSpec network = network(model, sweeps, indices, dtMs, noise);
		final SpikeTrains spikes = simulator.runAll(network, durationMs, 0, List.of(Member.of(noiseSeed, parameters)),
			Recording.spikesOnly()).get(0).spikes().spikeTrains();
		final List<String> labels = new ArrayList<>();
		for (final int k : indices) labels.add("sweep " + k);
		return spikes.withLabels(labels);
	}

	/**
	 * The values of a known cell, e.g. {@code a=0.1, b=0.2, c=-60, d=2, gain=0.04}: a name without a group
	 * means every group ({@code a} is {@code *.a}). It names the parameters of {@code space}, no more and no
	 * fewer: a value for one the fit leaves alone would make a cell that no fitted model can be.
	 */
	public static Map<String, Double> knownCell(final String text, final ParameterSpace space) {
		final Map<String, Double> values = new LinkedHashMap<>();
		for (final Map.Entry<String, Double> e : NamedValues.parse(text).entrySet()) {
			Checks.finite("known cell's " + e.getKey(), e.getValue());
			values.put(e.getKey().contains(".") ? e.getKey() : "*." + e.getKey(), e.getValue());
		}
		for (final String name : space.names()) {
			if (!values.containsKey(name)) {
				throw new IllegalArgumentException("the known cell gives no value for " + name + ", which the fit tunes");
			}
		}
		for (final String name : values.keySet()) {
			if (!space.names().contains(name)) {
				throw new IllegalArgumentException("the known cell sets " + name + ", which the fit does not tune; give " +
					"the fitted parameters only (the others keep the model's values in both)");
			}
		}
		return values;
	}

	/**
	 * The spikes a known cell fires under every sweep of a recording (no noise), in place of the recorded
	 * ones ({@link #spikes}): fitting them back tells whether the protocol identifies the model at all.
	 */
	public static SpikeTrains knownCellSpikes(final Simulator simulator, final CellModel model,
		final Map<String, Double> truth, final RecordedSweeps sweeps, final double dtMs)
	{
		return simulate(simulator, model, truth, sweeps, identity(sweeps.count()), dtMs, 0, 0, sweeps.durationMs(0));
	}

	/**
	 * {@code config} (from {@link #config}, sweeps {@code fitSweeps}) fitting a known cell instead of the
	 * recording: with {@code noise} > 0 the sweeps carry a frozen white current noise of that standard
	 * deviation ({@link #withFrozenNoise}), and the target is what {@code truth} fires under them, so the
	 * truth scores 0. Steps alone often leave many models with the truth's spike counts; the noise pins spike
	 * times (bench/README.md, "Fitting a known cell").
	 */
	public static TuningConfig knownCellConfig(final Simulator simulator, final TuningConfig config,
		final CellModel model, final Map<String, Double> truth, final RecordedSweeps sweeps, final int[] fitSweeps,
		final double dtMs, final double noise)
	{
		if (!(config.objective() instanceof SpikeTrainMatch match)) {
			throw new IllegalArgumentException("a known-cell fit needs the spike-train objective of SingleCellFit.config");
		}
		final TuningConfig noisy = noise == 0 ? config : withFrozenNoise(config, noise);
		final SpikeTrains own = simulate(simulator, model, truth, sweeps, fitSweeps, dtMs, noise, noisy
			.frozenNoiseSeed(), config.durationMs());
		return noisy.withObjective(SpikeTrainMatch.of(own, identity(fitSweeps.length), match.loss(), match
			.windowMs()));
	}

	/**
	 * The recorded spikes: upward crossings of {@code thresholdMv}, one train per sweep over the sweep's
	 * duration, labelled {@code sweep <k>}. The sweeps must have one length.
	 */
	public static SpikeTrains spikes(final RecordedSweeps sweeps, final double thresholdMv) {
		Checks.finite("spike threshold (mV)", thresholdMv);
		if (sweeps.count() == 0) throw new IllegalArgumentException("the recording has no sweeps");
		final double[][] trains = new double[sweeps.count()][];
		final List<String> labels = new ArrayList<>();
		for (int k = 0; k < trains.length; k++) {
			if (sweeps.samples(k) != sweeps.samples(0)) {
				throw new IllegalArgumentException("sweep " + k + " has " + sweeps.samples(k) + " samples, sweep 0 " +
					sweeps.samples(0) + ": fitting needs sweeps of one length");
			}
			trains[k] = SpikeDetection.crossings(sweeps.voltage()[k], sweeps.dtMs(), thresholdMv);
			labels.add("sweep " + k);
		}
		return SpikeTrains.of(trains, 0, sweeps.durationMs(0)).withLabels(labels);
	}

	/** The trains of {@code indices}, in that order, in {@code spikes}' window. */
	public static SpikeTrains select(final SpikeTrains spikes, final int[] indices) {
		final double[][] trains = new double[indices.length][];
		final List<String> labels = new ArrayList<>();
		for (int i = 0; i < indices.length; i++) {
			trains[i] = spikes.times(indices[i]);
			labels.add(spikes.label(indices[i]));
		}
		return SpikeTrains.of(trains, spikes.startMs(), spikes.stopMs()).withLabels(labels);
	}

	/** A tuning run that fits {@code model} to the sweeps {@code fitSweeps} of a recording. */
	public static TuningConfig config(final CellModel model, final RecordedSweeps sweeps, final SpikeTrains data,
		final int[] fitSweeps, final ParameterSpace space, final SpikeTrainMatch.Loss loss, final double windowMs,
		final Algorithm algorithm, final Termination termination, final double dtMs, final long seed)
	{
		if (data.size() != sweeps.count()) {
			throw new IllegalArgumentException(data.size() + " spike trains for " + sweeps.count() + " sweeps");
		}
		final NetworkSpec network = network(model, sweeps, fitSweeps, dtMs);
		final SpikeTrainMatch objective = SpikeTrainMatch.of(select(data, fitSweeps), identity(fitSweeps.length),
			loss, windowMs);
		return TuningConfig.of(network, space, objective, algorithm, termination, data.stopMs(), seed);
	}

	/** How the fitted model predicts one sweep. */
	public record SweepPrediction(int sweep, double maxCurrent, int dataSpikes, int modelSpikes, double gamma,
		double spikeDistance)
	{

		/** Model minus data spikes. */
		public int countError() {
			return modelSpikes - dataSpikes;
		}
	}

	/** The predictions of some sweeps and the model's spike trains under them (train i: sweep i of the list). */
	public record Prediction(List<SweepPrediction> sweeps, SpikeTrains model) {

		public Prediction {
			sweeps = List.copyOf(sweeps);
		}

		/** Γ averaged over the sweeps where it is defined. */
		public double meanGamma() {
			return sweeps.stream().mapToDouble(SweepPrediction::gamma).filter(g -> !Double.isNaN(g)).average().orElse(
				Double.NaN);
		}
	}

	/** Simulates {@code parameters} under sweeps {@code indices} and compares with the recorded spikes. */
	public static Prediction predict(final Simulator simulator, final CellModel model,
		final Map<String, Double> parameters, final RecordedSweeps sweeps, final SpikeTrains data,
		final int[] indices, final double dtMs, final double windowMs)
	{
		return predict(simulator, model, parameters, sweeps, indices, select(data, indices), dtMs, windowMs, 0, 0);
	}

	/**
	 * How {@code parameters} predict sweeps {@code indices} with current noise of standard deviation
	 * {@code noise} drawn from {@code noiseSeed} ({@link #network(CellModel, RecordedSweeps, int[], double,
	 * double)}); {@code target} holds the spike trains of those sweeps, in that order, under the same noise
	 * (as {@link #simulate} gives them for a known model).
	 */
	public static Prediction predict(final Simulator simulator, final CellModel model,
		final Map<String, Double> parameters, final RecordedSweeps sweeps, final int[] indices,
		final SpikeTrains target, final double dtMs, final double windowMs, final double noise, final long noiseSeed)
	{
		if (target.size() != indices.length) {
			throw new IllegalArgumentException(target.size() + " target spike trains for " + indices.length + " sweeps");
		}
		final SpikeTrains simulated = simulate(simulator, model, parameters, sweeps, indices, dtMs, noise, noiseSeed,
			target.stopMs());
		final SpikeTrainMatch.Comparison c = SpikeTrainMatch.compare(target, simulated, identity(
			indices.length), windowMs);
		final List<SweepPrediction> out = new ArrayList<>();
		final List<String> labels = new ArrayList<>();
		for (int i = 0; i < indices.length; i++) {
			double max = Double.NEGATIVE_INFINITY;
			for (final double v : sweeps.current()[indices[i]]) max = Math.max(max, v);
			out.add(new SweepPrediction(indices[i], max, c.targetCount()[i], c.modelCount()[i], c.gamma()[i], c
				.spikeDistance()[i]));
			labels.add("model sweep " + indices[i]);
		}
		return new Prediction(out, simulated.withLabels(labels));
	}

	/**
	 * Runs {@code config}, then {@code refinements} more runs, each in the previous best's neighbourhood
	 * (a quarter of the previous ranges' width, see {@link ParameterSpace#narrowedAround}) with a seed of its
	 * own (under frozen noise, the run's seed, which draws the noise); returns the best result of all.
	 * Successive zooming helps where many parameter sets fit the coarse features (counts) and only a few the
	 * timing.
	 */
	public static TuningResult tune(final Tuner tuner, final TuningConfig config, final int refinements,
		final TuningListener listener)
	{
		return tune(tuner, config, refinements, config.algorithm(), listener);
	}

	/**
	 * As {@link #tune(Tuner, TuningConfig, int, TuningListener)}, with the refinements run by
	 * {@code refinementAlgorithm}, e.g. CMA-ES with more restarts than the first run. Within a zoomed box a
	 * spike-time loss can still have several pits a little off the truth, and which one a CMA-ES restart ends in
	 * depends on where it starts (bench/README.md, "Fitting a known cell"): more restarts there find the
	 * deepest more often, at less cost than more restarts over the whole ranges.
	 */
	public static TuningResult tune(final Tuner tuner, final TuningConfig config, final int refinements,
		final Algorithm refinementAlgorithm, final TuningListener listener)
	{
		Checks.atLeast("refinements", refinements, 0);
		Checks.notNull("refinement algorithm", refinementAlgorithm);
		TuningResult best = tuner.run(config, listener);
		ParameterSpace space = config.space();
		for (int stage = 1; stage <= refinements; stage++) {
			space = space.narrowedAround(best.best(), 0.25);
			// frozen noise comes from the seed: the stages keep it, so they fit the data's noise
			final long stageSeed = config.noise().frozen() ? config.seed() : config.seed() + stage;
			final TuningResult next = tuner.run(new TuningConfig(config.network(), space, config.objective(),
				refinementAlgorithm, config.termination(), config.durationMs(), stageSeed, config.noise()), listener);
			final boolean better = config.objective().minimize() ? next.bestFitness() < best.bestFitness() : next
				.bestFitness() > best.bestFitness();
			if (better) best = next;
		}
		return best;
	}

	private static int[] identity(final int n) {
		return java.util.stream.IntStream.range(0, n).toArray();
	}

	private static void checkIndices(final RecordedSweeps sweeps, final int[] indices) {
		if (indices.length == 0) throw new IllegalArgumentException("no sweeps selected");
		final java.util.Set<Integer> seen = new java.util.HashSet<>();
		for (final int k : indices) {
			if (k < 0 || k >= sweeps.count()) {
				throw new IllegalArgumentException("sweep " + k + " does not exist; the recording has sweeps 0-" +
					(sweeps.count() - 1));
			}
			if (!seen.add(k)) throw new IllegalArgumentException("sweep " + k + " is selected twice");
		}
	}

	/** Parses {@code "0,2,4-8"} into sweep indices. */
	public static int[] parseSweeps(final String text) {
		final List<Integer> out = new ArrayList<>();
		for (final String part : Checks.notNull("sweeps", text).split(",")) {
			final String p = part.trim();
			if (p.isEmpty()) continue;
			try {
				final int dash = p.indexOf('-', 1);
				if (dash < 0) out.add(Integer.parseInt(p));
				else {
					final int from = Integer.parseInt(p.substring(0, dash).trim()), to = Integer.parseInt(p.substring(dash +
						1).trim());
					if (to < from) throw new IllegalArgumentException("sweep range " + p + " runs backwards");
					for (int k = from; k <= to; k++) out.add(k);
				}
			}
			catch (final NumberFormatException e) {
				throw new IllegalArgumentException("sweeps must look like 0,2,4-8; got '" + text + "'");
			}
		}
		if (out.isEmpty()) throw new IllegalArgumentException("no sweeps given in '" + text + "'");
		return out.stream().mapToInt(Integer::intValue).toArray();
	}
}
