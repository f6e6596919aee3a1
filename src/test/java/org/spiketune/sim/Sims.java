package org.spiketune.sim;

import java.util.List;

import org.spiketune.model.NetworkSpec;
import org.spiketune.model.NeuronGroup;
import org.spiketune.model.NeuronModel;
import org.spiketune.model.Stimulus;
import org.spiketune.sim.cpu.CpuBackend;

/** Small helpers for simulation tests. */
final class Sims {

	private Sims() {}

	static MemberResult run(final NetworkSpec spec, final double durationMs, final long seed,
		final int... traced)
	{
		final SimulationRequest request = SimulationRequest.of(spec, durationMs, seed).withRecording(Recording
			.spikesOnly().withTraces(traced));
		return new Simulator(new CpuBackend(1)).run(request).member(0);
	}

	/** One neuron of {@code model}, driven by current steps. */
	static NetworkSpec single(final NeuronModel model, final double dtMs, final Stimulus... steps) {
		return NetworkSpec.of("single", dtMs, List.of(NeuronGroup.of("n", 1, model)), List.of()).withStimuli(List
			.of(steps));
	}

	/** Spike times of neuron 0, in ms. */
	static double[] times(final MemberResult result) {
		return result.spikes().spikeTrains().times(0);
	}

	static double[] intervals(final double[] times) {
		final double[] isi = new double[Math.max(0, times.length - 1)];
		for (int i = 0; i < isi.length; i++) isi[i] = times[i + 1] - times[i];
		return isi;
	}
}
