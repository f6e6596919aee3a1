package org.spiketune.sim;

import org.spiketune.model.NeuronGroup;

/**
 * A group laid out for simulation: its neuron range, kernel, per-neuron parameter values realized from the
 * structure seed ({@code baseValues[parameter][neuron - offset]}), the current steps that drive it (in
 * steps: active for {@code stepStart <= s < stepEnd}) and its channels and outgoing projections. A replay
 * group's spikes are {@code replaySteps[replayStart[l] .. replayStart[l + 1])} for local neuron {@code l},
 * ascending; other groups have {@code replayStart = {0}} and no replay steps.
 */
public record CompiledGroup(NeuronGroup spec, int index, int offset, NeuronKind kind, float[][] baseValues,
	int[] stepStart, int[] stepEnd, float[] stepAmplitude, int[] inputChannels, int[] outgoing,
	int[] replayStart, int[] replaySteps)
{

	public String name() {
		return spec.name();
	}

	public int size() {
		return spec.size();
	}

	public int end() {
		return offset + spec.size();
	}

	public int substeps() {
		return spec.substeps();
	}

	public boolean isSource() {
		return kind == NeuronKind.POISSON || kind == NeuronKind.REPLAY;
	}

	/** Sum of the current steps active in step {@code step}, in list order. */
	public float stepCurrent(final int step) {
		float sum = 0;
		for (int i = 0; i < stepStart.length; i++) {
			if (step >= stepStart[i] && step < stepEnd[i]) sum += stepAmplitude[i];
		}
		return sum;
	}
}
