package org.spiketune.spikes;

import java.util.Arrays;

/**
 * Spike times of a set of neurons over an observation window [start, stop] (both edges included), in
 * milliseconds, each train
 * sorted ascending.
 *
 * @implNote Immutable: arrays are copied in and out.
 */
public final class SpikeTrains {

	private final double[][] times;
	private final double startMs;
	private final double stopMs;
	private final String[] labels; // null: the index

	private SpikeTrains(final double[][] times, final double startMs, final double stopMs, final String[] labels) {
		this.times = times;
		this.startMs = startMs;
		this.stopMs = stopMs;
		this.labels = labels;
	}

	private SpikeTrains(final double[][] times, final double startMs, final double stopMs) {
		this(times, startMs, stopMs, null);
	}

	/** The same trains, named (a unit id from a recording, a pixel and polarity of an event camera). */
	public SpikeTrains withLabels(final java.util.List<String> names) {
		if (names.size() != times.length) throw new IllegalArgumentException(names.size() + " labels for " +
			times.length + " trains");
		return new SpikeTrains(times, startMs, stopMs, names.toArray(String[]::new));
	}

	/** The name of train {@code i}: its label, or its index when it has none. */
	public String label(final int i) {
		return labels == null ? Integer.toString(i) : labels[i];
	}

	/** Trains from per-neuron arrays (copied and sorted); every time must lie in [start, stop]. */
	public static SpikeTrains of(final double[][] trains, final double startMs, final double stopMs) {
		if (!Double.isFinite(startMs) || !Double.isFinite(stopMs) || stopMs <= startMs) {
			throw new IllegalArgumentException("observation window must be finite with stop > start, got [" +
				startMs + ", " + stopMs + ")");
		}
		final double[][] copy = new double[trains.length][];
		for (int i = 0; i < trains.length; i++) {
			copy[i] = trains[i].clone();
			Arrays.sort(copy[i]);
			for (final double t : copy[i]) {
				if (!(t >= startMs && t <= stopMs)) {
					throw new IllegalArgumentException("spike time " + t + " ms of neuron " + i +
						" lies outside the window [" + startMs + ", " + stopMs + "]");
				}
			}
		}
		return new SpikeTrains(copy, startMs, stopMs);
	}

	/**
	 * Trains from event arrays, as a simulator or file reader produces them: event {@code k} is a spike of
	 * neuron {@code neurons[k]} at {@code timesMs[k]}.
	 */
	public static SpikeTrains fromEvents(final int neuronCount, final int[] neurons, final double[] timesMs,
		final double startMs, final double stopMs)
	{
		if (neurons.length != timesMs.length) {
			throw new IllegalArgumentException(neurons.length + " neuron indices for " + timesMs.length + " times");
		}
		final int[] counts = new int[neuronCount];
		for (final int neuron : neurons) {
			if (neuron < 0 || neuron >= neuronCount) {
				throw new IllegalArgumentException("neuron index " + neuron + " outside [0, " + neuronCount + ")");
			}
			counts[neuron]++;
		}
		final double[][] trains = new double[neuronCount][];
		for (int i = 0; i < neuronCount; i++) trains[i] = new double[counts[i]];
		final int[] filled = new int[neuronCount];
		for (int k = 0; k < neurons.length; k++) {
			trains[neurons[k]][filled[neurons[k]]++] = timesMs[k];
		}
		return of(trains, startMs, stopMs);
	}

	public int size() {
		return times.length;
	}

	public double startMs() {
		return startMs;
	}

	public double stopMs() {
		return stopMs;
	}

	public double durationMs() {
		return stopMs - startMs;
	}

	/** A copy of neuron {@code i}'s spike times. */
	public double[] times(final int neuron) {
		return times[neuron].clone();
	}

	/**
	 * Every train's times in ms from the window's start, as a replay group takes them
	 * ({@code SpikeReplay.of(trains.timesFromStart())}).
	 */
	public double[][] timesFromStart() {
		final double[][] shifted = new double[times.length][];
		for (int i = 0; i < times.length; i++) {
			shifted[i] = times[i].clone();
			for (int k = 0; k < shifted[i].length; k++) shifted[i][k] -= startMs;
		}
		return shifted;
	}

	public int count(final int neuron) {
		return times[neuron].length;
	}

	public long totalCount() {
		long total = 0;
		for (final double[] t : times) total += t.length;
		return total;
	}

	/** Mean rate of one neuron, in Hz. */
	public double rateHz(final int neuron) {
		return times[neuron].length * 1000.0 / durationMs();
	}

	/** Mean rate over all neurons, in Hz. */
	public double meanRateHz() {
		return totalCount() * 1000.0 / (durationMs() * times.length);
	}

	/** The spikes inside [start, stop], over that window, labels kept. */
	public SpikeTrains window(final double start, final double stop) {
		return cut(start, stop, t -> t >= start && t <= stop);
	}

	/**
	 * The spikes before {@code stop}, over [start, stop), labels kept: what a simulation ending at
	 * {@code stop} can have fired (a spike at its stop would come from a step after the last).
	 */
	public SpikeTrains before(final double stop) {
		return cut(startMs, stop, t -> t < stop);
	}

	private SpikeTrains cut(final double start, final double stop, final java.util.function.DoublePredicate keep) {
		final double[][] cut = new double[times.length][];
		for (int i = 0; i < cut.length; i++) cut[i] = Arrays.stream(times[i]).filter(keep).toArray();
		final SpikeTrains out = of(cut, start, stop);
		return new SpikeTrains(out.times, start, stop, labels);
	}

	/** The trains of neurons [from, to), in the same window. */
	public SpikeTrains subset(final int from, final int to) {
		return new SpikeTrains(Arrays.copyOfRange(times, from, to), startMs, stopMs, labels == null ? null : Arrays
			.copyOfRange(labels, from, to));
	}
}
