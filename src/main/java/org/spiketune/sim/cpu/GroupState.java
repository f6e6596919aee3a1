package org.spiketune.sim.cpu;

import java.util.Arrays;

import org.spiketune.sim.Channel;
import org.spiketune.sim.CompiledGroup;
import org.spiketune.sim.CompiledNetwork;

/**
 * The state of one group of one member, struct-of-arrays indexed by local neuron: v, u (Izhikevich u,
 * AdEx w), the step's input current, refractory counters, and per input channel a delay ring of
 * {@code ringLength} slots and, for exponential channels, the decaying current. Derived per-neuron
 * constants (LIF decay, refractory steps, Poisson spike probability) are computed once here.
 */
final class GroupState {

	final CompiledGroup group;
	final float[][] parameters;
	final float[] v, u, input;
	final int[] refractory;
	/** [input channel k][slot][neuron]; k indexes {@link CompiledGroup#inputChannels()}. */
	final float[][][] ring;
	/** [input channel k][neuron], null for pulse channels. */
	final float[][] current;
	final float[] decay; // per exponential input channel k
	float[] lifDecay;
	int[] refractorySteps;
	float[] spikeProbability;

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
		for (int k = 0; k < channels.length; k++) {
			final Channel channel = network.channels().get(channels[k]);
			if (channel.kind() == Channel.Kind.EXPONENTIAL) {
				current[k] = new float[size];
				decay[k] = channel.decay();
			}
		}
		initialize(network.dtMs());
	}

	private void initialize(final float dt) {
		final float[][] p = parameters;
		switch (group.kind()) {
			case IZHIKEVICH -> {
				System.arraycopy(p[5], 0, v, 0, v.length);
				for (int l = 0; l < v.length; l++) u[l] = p[1][l] * p[5][l];
			}
			case ADEX -> {
				System.arraycopy(p[2], 0, v, 0, v.length);
				refractorySteps = stepsOf(p[10], dt);
			}
			case LIF -> {
				System.arraycopy(p[1], 0, v, 0, v.length);
				refractorySteps = stepsOf(p[5], dt);
				lifDecay = new float[v.length];
				for (int l = 0; l < v.length; l++) lifDecay[l] = (float) Math.exp(-dt / (double) p[0][l]);
			}
			case POISSON -> {
				spikeProbability = new float[v.length];
				for (int l = 0; l < v.length; l++) {
					spikeProbability[l] = (float) Math.min(1.0, p[0][l] * (double) dt / 1000.0);
				}
				Arrays.fill(v, 0f);
			}
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

	private static int[] stepsOf(final float[] ms, final float dt) {
		final int[] result = new int[ms.length];
		for (int l = 0; l < ms.length; l++) result[l] = (int) Math.round(ms[l] / (double) dt);
		return result;
	}
}
