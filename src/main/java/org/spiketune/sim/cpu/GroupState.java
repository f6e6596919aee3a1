package org.spiketune.sim.cpu;

import org.spiketune.sim.Channel;
import org.spiketune.sim.CompiledGroup;
import org.spiketune.sim.CompiledNetwork;
import org.spiketune.sim.NeuronKind;
import org.spiketune.sim.NeuronState;

/**
 * The state of one group of one member, struct-of-arrays indexed by local neuron: v, u (Izhikevich u,
 * AdEx w), the step's input current, refractory counters, and per input channel a delay ring of
 * {@code ringLength} slots and, for exponential channels, the decaying current. Derived per-neuron
 * constants (LIF decay, refractory steps, Poisson spike probability) are computed once here; a replay
 * group keeps a cursor per neuron into its replayed steps.
 */
final class GroupState {

	final CompiledGroup group;
	final float[][] parameters;
	final float[] v, u, input;
	final int[] refractory;
	/** [input channel k][slot][neuron]; k indexes {@link CompiledGroup#inputChannels()}. */
	final float[][][] ring;
	/** [input channel k][neuron]: the decaying current or conductance; null for pulse channels. */
	final float[][] current;
	final float[] decay; // per decaying input channel k
	/** Per input channel k: 0 a current, 1 a conductance, 2 an NMDA-gated conductance; its reversal (mV). */
	final int[] conductance;
	final float[] reversal;
	/** Per neuron, the step's summed synaptic conductance (NMDA gated); null without conductance channels. */
	final float[] conductanceSum;
	/** Scratch for an NMDA channel's gated conductance; null without one. */
	final float[] gated;
	float[] lifDecay;
	int[] refractorySteps;
	float[] spikeProbability;
	/** Poisson groups: this step's probabilities when an image drives the group. */
	float[] drivenProbability;
	/** Replay groups: per neuron, the index of its next replayed step in the group's replay steps. */
	int[] replayNext;

	GroupState(final CompiledNetwork network, final CompiledGroup group, final float[][] parameters) {
		this.group = group;
		this.parameters = parameters;
		final int size = group.size();
		v = new float[size];
		u = new float[size];
		input = new float[size];
		refractory = new int[size];
		final int[] channels = group.inputChannels();
		ring = new float[channels.length][network.ringLength()][size];
		current = new float[channels.length][];
		decay = new float[channels.length];
		reversal = new float[channels.length];
		conductance = new int[channels.length];
		for (int k = 0; k < channels.length; k++) {
			final Channel channel = network.channels().get(channels[k]);
			if (channel.decays()) {
				current[k] = new float[size];
				decay[k] = channel.decay();
				reversal[k] = channel.reversalMv();
				conductance[k] = channel.kind() == Channel.Kind.CONDUCTANCE ? 1 : channel.kind() == Channel.Kind
					.GATED_CONDUCTANCE ? 2 : 0;
			}
		}
		boolean conductances = false;
		for (final int kind : conductance) conductances |= kind != 0;
		conductanceSum = conductances ? new float[size] : null;
		boolean nmda = false;
		for (final int kind : conductance) nmda |= kind == 2;
		gated = nmda ? new float[size] : null;
		initialize(network.dtMs());
	}

	private void initialize(final float dt) {
		final float[][] p = parameters;
		final NeuronKind kind = group.kind();
		for (int l = 0; l < v.length; l++) {
			v[l] = NeuronState.initialV(kind, p, l);
			u[l] = NeuronState.initialU(kind, p, l);
		}
		if (kind == NeuronKind.ADEX || kind == NeuronKind.LIF) {
			refractorySteps = new int[v.length];
			for (int l = 0; l < v.length; l++) refractorySteps[l] = NeuronState.refractorySteps(kind, p, l, dt);
		}
		if (kind == NeuronKind.LIF) {
			lifDecay = new float[v.length];
			for (int l = 0; l < v.length; l++) lifDecay[l] = NeuronState.lifDecay(p, l, dt);
		}
		if (kind == NeuronKind.REPLAY) replayNext = java.util.Arrays.copyOf(group.replayStart(), v.length);
		if (kind == NeuronKind.POISSON) {
			spikeProbability = new float[v.length];
			for (int l = 0; l < v.length; l++) spikeProbability[l] = NeuronState.spikeProbability(p, l, dt);
			drivenProbability = new float[v.length];
		}
	}

	/** Index of global channel {@code channel} among this group's input channels. */
	int inputIndex(final int channel) {
		final int[] channels = group.inputChannels();
		for (int k = 0; k < channels.length; k++) {
			if (channels[k] == channel) return k;
		}
		throw new IllegalArgumentException("channel " + channel + " does not reach group " + group.name());
	}

}
