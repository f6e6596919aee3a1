package org.spiketune.sim;

import org.spiketune.spikes.SpikeTrains;

/**
 * The spikes of one member, compactly: event {@code k} is neuron {@code neuron(k)} firing in step
 * {@code step(k)}, events ordered by step, then neuron. A spike in step {@code s} is timed at the step's
 * start, {@code s * dt} (Brian2's convention); Izhikevich's (2003) MATLAB code labels the same spike
 * {@code s + 1} because it detects it at the beginning of the next step.
 *
 * @implNote Immutable.
 */
public final class SpikeRecord implements java.io.Serializable {

	private static final long serialVersionUID = 1L;

	private final int neuronCount;
	private final double dtMs;
	private final int stepCount;
	private final int[] steps;
	private final int[] neurons;

	public SpikeRecord(final int neuronCount, final double dtMs, final int stepCount, final int[] steps,
		final int[] neurons)
	{
		if (steps.length != neurons.length) {
			throw new IllegalArgumentException(steps.length + " steps for " + neurons.length + " neurons");
		}
		this.neuronCount = neuronCount;
		this.dtMs = dtMs;
		this.stepCount = stepCount;
		this.steps = steps;
		this.neurons = neurons;
	}

	public int count() {
		return steps.length;
	}

	public int step(final int event) {
		return steps[event];
	}

	public int neuron(final int event) {
		return neurons[event];
	}

	public double timeMs(final int event) {
		return steps[event] * dtMs;
	}

	public int neuronCount() {
		return neuronCount;
	}

	public double dtMs() {
		return dtMs;
	}

	public int stepCount() {
		return stepCount;
	}

	public double durationMs() {
		return stepCount * dtMs;
	}

	/** A copy of all event steps. */
	public int[] steps() {
		return steps.clone();
	}

	/** A copy of all event neurons. */
	public int[] neurons() {
		return neurons.clone();
	}

	/** Spike counts per neuron. */
	public int[] countsPerNeuron() {
		final int[] counts = new int[neuronCount];
		for (final int n : neurons) counts[n]++;
		return counts;
	}

	/** The spikes as per-neuron trains over [0, duration). */
	public SpikeTrains spikeTrains() {
		final double[] times = new double[steps.length];
		for (int k = 0; k < times.length; k++) times[k] = steps[k] * dtMs;
		return SpikeTrains.fromEvents(neuronCount, neurons, times, 0, durationMs());
	}

	/** True when both records hold the same events on the same grid. */
	public boolean sameEvents(final SpikeRecord other) {
		return neuronCount == other.neuronCount && dtMs == other.dtMs && stepCount == other.stepCount && java.util
			.Arrays.equals(steps, other.steps) && java.util.Arrays.equals(neurons, other.neurons);
	}
}
