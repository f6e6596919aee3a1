package org.spiketune.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.spiketune.model.Checks;
import org.spiketune.model.NetworkSpec;
import org.spiketune.objective.SpikeTrainMatch;
import org.spiketune.sim.Member;
import org.spiketune.sim.Recording;
import org.spiketune.sim.Simulator;
import org.spiketune.spikes.SpikeTrains;
import org.spiketune.tune.Algorithm;
import org.spiketune.tune.NoiseHandling;
import org.spiketune.tune.ParameterRange;
import org.spiketune.tune.ParameterSpace;
import org.spiketune.tune.Termination;
import org.spiketune.tune.Tuner;
import org.spiketune.tune.TuningConfig;
import org.spiketune.tune.TuningListener;
import org.spiketune.tune.TuningResult;

/**
 * Fits a network to recorded spike trains, as SpikeNetOpt does: train k is compared with neuron k of the
 * network (the first {@code data.size()} neurons, groups in order) over the data's window (the simulation
 * runs from 0 to its stop), the pairs' losses summed (by default the
 * SPIKE-distance). Every evaluation sees the same noise (frozen, the network's "recorded input"), so the
 * loss is a deterministic function of the parameters; connection probabilities ({@code <projection>.p})
 * may be fitted too, each distinct value then simulated as a network of its own.
 * <p>
 * A recurrent network is chaotic: over seconds, a change of a weight by 0.5% moves spike times all over it,
 * so the summed distance over a long recording is a needle at the truth over a floor that barely rises away
 * from it. Over a short window the trajectories have not yet diverged, and the loss falls towards the truth
 * from afar. {@link #tuneOverGrowingWindows} uses that: it fits the first window, then longer ones, each
 * in a neighbourhood of the previous best.
 */
public final class NetworkFit {

	private NetworkFit() {}

	/** A tuning run that fits {@code space} of {@code network} to {@code data} over the data's window. */
	public static TuningConfig config(final NetworkSpec network, final SpikeTrains data, final ParameterSpace space,
		final SpikeTrainMatch.Loss loss, final Algorithm algorithm, final Termination termination, final long seed)
	{
		Checks.notNull("network", network);
		Checks.notNull("spike trains", data);
		if (data.size() > network.neuronCount()) {
			throw new IllegalArgumentException(data.size() + " spike trains but network '" + network.name() +
				"' has only " + network.neuronCount() + " neurons to compare them with");
		}
		if (data.startMs() < 0) {
			throw new IllegalArgumentException("the spike trains' window starts at " + data.startMs() +
				" ms; the simulation starts at 0 ms");
		}
		final SpikeTrainMatch objective = SpikeTrainMatch.of(data, IntStream.range(0, data.size()).toArray(), loss,
			SpikeTrainMatch.DEFAULT_WINDOW_MS);
		return TuningConfig.of(network, space, objective, algorithm, termination, data.stopMs(), seed).withNoise(
			NoiseHandling.frozenNoise());
	}

	/** The spike trains of the network with {@code parameters}, under the run's frozen noise. */
	public static SpikeTrains simulate(final Simulator simulator, final TuningConfig config,
		final Map<String, Double> parameters)
	{
		return simulator.runAll(config.network(), config.durationMs(), config.seed(), List.of(Member.of(config
			.frozenNoiseSeed(), parameters)), Recording.spikesOnly()).get(0).spikes().spikeTrains();
	}

	/**
	 * Window stops for {@link #tuneOverGrowingWindows}: the data's start plus {@code firstMs}, doubled while
	 * the window stays shorter than the data's (none when {@code firstMs} already covers the data).
	 */
	public static double[] doublingStops(final SpikeTrains data, final double firstMs) {
		Checks.positive("first window (ms)", firstMs);
		final List<Double> stops = new ArrayList<>();
		for (double length = firstMs; data.startMs() + length < data.stopMs(); length *= 2) {
			stops.add(data.startMs() + length);
		}
		return stops.stream().mapToDouble(Double::doubleValue).toArray();
	}

	/**
	 * Fits over growing windows of the data: first up to {@code stopsMs[0]} in the whole space, then up to
	 * each later stop and finally over the data's whole window, each stage in {@code zoom} of the previous
	 * ranges' width around the previous stage's best (see {@link ParameterSpace#narrowedAround}). Every stage
	 * keeps the run's seed, so the frozen noise is the data's throughout. Returns the last stage's result.
	 */
	public static TuningResult tuneOverGrowingWindows(final Tuner tuner, final TuningConfig config,
		final double[] stopsMs, final double zoom, final TuningListener listener)
	{
		return tuner.run(narrowOverWindows(tuner, config, stopsMs, zoom, listener), listener);
	}

	/**
	 * The stages of {@link #tuneOverGrowingWindows} before the last: runs them and returns the last stage's
	 * config (the data's whole window in the space they narrowed), to be run with a history or checkpoints.
	 * A fixed seed makes the stages repeat exactly, so that config can resume from its checkpoint.
	 */
	public static TuningConfig narrowOverWindows(final Tuner tuner, final TuningConfig config,
		final double[] stopsMs, final double zoom, final TuningListener listener)
	{
		final SpikeTrains data = target(config);
		double previous = data.startMs();
		for (final double stop : stopsMs) {
			if (!(stop > previous && stop < data.stopMs())) {
				throw new IllegalArgumentException("window stops must rise inside the data's window (" + data
					.startMs() + " to " + data.stopMs() + " ms), got " + Arrays.toString(stopsMs));
			}
			previous = stop;
		}
		if (!(zoom > 0 && zoom <= 1)) throw new IllegalArgumentException("zoom must be in (0, 1], got " + zoom);
		ParameterSpace space = config.space();
		for (final double stop : stopsMs) {
			final TuningResult stage = tuner.run(window(config, stop, space), listener);
			space = space.narrowedAround(stage.best(), zoom);
		}
		return window(config, data.stopMs(), space);
	}

	/**
	 * The last stage's config of {@link #narrowOverWindows} from the space its stages narrowed to (as a
	 * checkpoint of that stage records it), so that a resumed run need not run the stages again, and may go
	 * on for more generations, which would change them.
	 *
	 * @throws IllegalArgumentException when {@code narrowed} is not a narrowing of the config's space
	 */
	public static TuningConfig lastWindow(final TuningConfig config, final ParameterSpace narrowed) {
		final SpikeTrains data = target(config);
		final List<ParameterRange> wide = config.space().ranges(), narrow = narrowed.ranges();
		boolean inside = wide.size() == narrow.size();
		for (int k = 0; inside && k < wide.size(); k++) {
			final ParameterRange w = wide.get(k), n = narrow.get(k);
			final double slack = 1e-9 * (w.max() - w.min());
			inside = w.name().equals(n.name()) && w.scale() == n.scale() && n.min() >= w.min() - slack && n.max() <= w
				.max() + slack;
		}
		if (!inside) {
			throw new IllegalArgumentException("the ranges " + narrowed + " are not a narrowing of " + config.space());
		}
		return window(config, data.stopMs(), narrowed);
	}

	/**
	 * {@code config} over the data's window up to {@code stopMs} (spikes before it: the simulation's last
	 * step ends there) in {@code space}.
	 */
	static TuningConfig window(final TuningConfig config, final double stopMs, final ParameterSpace space) {
		final SpikeTrainMatch match = (SpikeTrainMatch) config.objective();
		final SpikeTrains data = match.target();
		final SpikeTrains cut = stopMs == data.stopMs() ? data : data.before(stopMs);
		final SpikeTrainMatch objective = SpikeTrainMatch.of(cut, IntStream.range(0, data.size()).toArray(), match
			.loss(), match.windowMs());
		return new TuningConfig(config.network(), space, objective, config.algorithm(), config.termination(),
			stopMs, config.seed(), config.noise());
	}

	private static SpikeTrains target(final TuningConfig config) {
		if (!(config.objective() instanceof SpikeTrainMatch match)) {
			throw new IllegalArgumentException("a growing-window fit needs the spike-train objective of " +
				"NetworkFit.config, not " + config.objective().name());
		}
		return match.target();
	}
}
