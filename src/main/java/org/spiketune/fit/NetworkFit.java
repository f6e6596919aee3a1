package org.spiketune.fit;

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
import org.spiketune.tune.ParameterSpace;
import org.spiketune.tune.Termination;
import org.spiketune.tune.TuningConfig;

/**
 * Fits a network to recorded spike trains, as SpikeNetOpt does: train k is compared with neuron k of the
 * network (the first {@code data.size()} neurons, groups in order) over the data's window (the simulation
 * runs from 0 to its stop), the pairs' losses summed (by default the
 * SPIKE-distance). Every evaluation sees the same noise (frozen, the network's "recorded input"), so the
 * loss is a deterministic function of the parameters; connection probabilities ({@code <projection>.p})
 * may be fitted too, each distinct value then simulated as a network of its own.
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
}
