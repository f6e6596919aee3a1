package org.spiketune.sim;

import java.util.List;

/**
 * Spike counts per group in consecutive time bins, read as population rates: the group's spikes per bin
 * divided by its size and the bin width. The last bin may be shorter than the others.
 *
 * @implNote Immutable.
 */
public final class PopulationRates implements java.io.Serializable {

	private static final long serialVersionUID = 1L;

	private final List<String> groups;
	private final int[] sizes;
	private final boolean[] sources;
	private final double binMs;
	private final double durationMs;
	private final int[] counts; // [bin * groups + group]

	public PopulationRates(final List<String> groups, final int[] sizes, final boolean[] sources,
		final double binMs, final double durationMs, final int[] counts)
	{
		this.groups = List.copyOf(groups);
		this.sizes = sizes.clone();
		this.sources = sources.clone();
		this.binMs = binMs;
		this.durationMs = durationMs;
		this.counts = counts;
		if (counts.length != bins() * groups.size()) {
			throw new IllegalArgumentException(counts.length + " counts for " + bins() + " bins x " + groups.size() +
				" groups");
		}
	}

	/**
	 * The rates of spike trains (from a file, say) split into named groups of consecutive neurons
	 * ({@code sizes}, in order), in bins of {@code binMs} from the trains' start.
	 */
	public static PopulationRates of(final org.spiketune.spikes.SpikeTrains trains, final List<String> groups,
		final int[] sizes, final double binMs)
	{
		if (!(binMs > 0)) throw new IllegalArgumentException("rate bin must be > 0 ms, got " + binMs);
		int total = 0;
		for (final int size : sizes) total += size;
		if (total != trains.size() || groups.size() != sizes.length) {
			throw new IllegalArgumentException("groups of " + java.util.Arrays.toString(sizes) + " neurons for " +
				trains.size() + " trains");
		}
		final int bins = (int) Math.ceil(trains.durationMs() / binMs - 1e-9);
		final int[] counts = new int[bins * sizes.length];
		int neuron = 0;
		for (int g = 0; g < sizes.length; g++) {
			for (int i = 0; i < sizes[g]; i++, neuron++) {
				for (final double t : trains.times(neuron)) {
					counts[Math.min(bins - 1, (int) ((t - trains.startMs()) / binMs)) * sizes.length + g]++;
				}
			}
		}
		return new PopulationRates(groups, sizes, new boolean[sizes.length], binMs, trains.durationMs(), counts);
	}

	public List<String> groups() {
		return groups;
	}

	public double binMs() {
		return binMs;
	}

	public int bins() {
		return (int) Math.ceil(durationMs / binMs - 1e-9);
	}

	public int count(final int group, final int bin) {
		return counts[bin * groups.size() + group];
	}

	/** Total spikes of a group. */
	public long totalCount(final int group) {
		long total = 0;
		for (int b = 0; b < bins(); b++) total += count(group, b);
		return total;
	}

	/** The group's rate in one bin, in Hz. */
	public double rateHz(final int group, final int bin) {
		final double width = Math.min(binMs, durationMs - bin * binMs);
		return count(group, bin) * 1000.0 / (width * sizes[group]);
	}

	/** The group's rate trace over all bins, in Hz. */
	public double[] rateTraceHz(final int group) {
		final double[] trace = new double[bins()];
		for (int b = 0; b < trace.length; b++) trace[b] = rateHz(group, b);
		return trace;
	}

	/** The group's mean rate over the whole run, in Hz. */
	public double meanRateHz(final int group) {
		return totalCount(group) * 1000.0 / (durationMs * sizes[group]);
	}

	public double meanRateHz(final String group) {
		final int index = groups.indexOf(group);
		if (index < 0) throw new IllegalArgumentException("no group '" + group + "'; groups: " + groups);
		return meanRateHz(index);
	}

	/** Mean rate over all neurons that are not spike sources, in Hz: the network's population rate. */
	public double meanRateHz() {
		long spikes = 0, neurons = 0;
		for (int g = 0; g < groups.size(); g++) {
			if (sources[g]) continue;
			spikes += totalCount(g);
			neurons += sizes[g];
		}
		return neurons == 0 ? 0 : spikes * 1000.0 / (durationMs * neurons);
	}
}
