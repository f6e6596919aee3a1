package org.spiketune.model;

import java.util.Arrays;
import java.util.List;

/**
 * Sources that replay recorded spike times: neuron {@code i} of the group fires in the step containing each
 * of its times (step {@code s} covers {@code [s dt, (s + 1) dt)}, so a simulated spike, timed at its step's
 * start, replays in the step it was fired). Times are in ms from the start of the run; times at or after
 * the run's end are never reached. A neuron fires at most once per step: several times in one step (a
 * recording finer than dt) count as one spike, as {@link #spikesLostAt(double)} tells.
 *
 * <p>Recorded trains (a spike-train file, events of an event camera per pixel and polarity) become network
 * input this way; the group has no parameters, noise or bias, so every member replays the same spikes.
 *
 * @implNote Immutable: the times are copied in and out; equality is by content.
 */
public final class SpikeReplay implements NeuronModel {

	private final double[][] timesMs;
	private final int hash;

	private SpikeReplay(final double[][] timesMs) {
		this.timesMs = timesMs;
		this.hash = Arrays.deepHashCode(timesMs);
	}

	/**
	 * Replays {@code timesMs[i]} on neuron {@code i}; each train is copied and sorted, every time must be finite
	 * and non-negative.
	 */
	public static SpikeReplay of(final double[][] timesMs) {
		Checks.notNull("replayed spike times", timesMs);
		if (timesMs.length == 0) throw new IllegalArgumentException("a replay group needs at least one train");
		final double[][] copy = new double[timesMs.length][];
		for (int i = 0; i < timesMs.length; i++) {
			if (timesMs[i] == null) throw new IllegalArgumentException("replayed train " + i + " is null");
			copy[i] = timesMs[i].clone();
			for (final double t : copy[i]) {
				if (!(t >= 0) || Double.isInfinite(t)) throw new IllegalArgumentException("replayed train " + i +
					" has spike time " + t + " ms; times must be finite and >= 0 (ms from the start of the run)");
			}
			Arrays.sort(copy[i]);
		}
		return new SpikeReplay(copy);
	}

	/** The number of trains, which must equal the group's size. */
	public int size() {
		return timesMs.length;
	}

	/** The times of train {@code i}, ascending (a copy). */
	public double[] times(final int i) {
		return timesMs[i].clone();
	}

	/**
	 * Per train, the distinct steps its times fall in at step length {@code dtMs}, ascending: the spikes the
	 * simulation replays.
	 */
	public int[][] steps(final double dtMs) {
		Checks.positive("time step", dtMs);
		final int[][] steps = new int[timesMs.length][];
		for (int i = 0; i < timesMs.length; i++) {
			final int[] s = new int[timesMs[i].length];
			int count = 0;
			for (final double t : timesMs[i]) {
				final double exact = Math.floor(t / dtMs + 1e-9);
				if (exact >= Integer.MAX_VALUE) break;
				final int step = (int) exact;
				if (count == 0 || s[count - 1] != step) s[count++] = step;
			}
			steps[i] = Arrays.copyOf(s, count);
		}
		return steps;
	}

	/** How many spikes share a step with an earlier spike of their train at step length {@code dtMs}. */
	public long spikesLostAt(final double dtMs) {
		long total = 0, kept = 0;
		for (final double[] t : timesMs) total += t.length;
		for (final int[] s : steps(dtMs)) kept += s.length;
		return total - kept;
	}

	@Override
	public String kind() {
		return "replay";
	}

	@Override
	public List<String> parameterNames() {
		return List.of();
	}

	@Override
	public List<Range> parameterRanges() {
		return List.of();
	}

	@Override
	public List<ParameterValue> parameters() {
		return List.of();
	}

	@Override
	public SpikeReplay withParameters(final List<ParameterValue> values) {
		NeuronModel.checkedValues(this, values);
		return this;
	}

	@Override
	public boolean isSource() {
		return true;
	}

	@Override
	public String currentUnit() {
		return "none";
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof SpikeReplay other && hash == other.hash && Arrays.deepEquals(timesMs, other.timesMs);
	}

	@Override
	public int hashCode() {
		return hash;
	}

	@Override
	public String toString() {
		long spikes = 0;
		for (final double[] t : timesMs) spikes += t.length;
		return "SpikeReplay[" + timesMs.length + " trains, " + spikes + " spikes]";
	}
}
