package org.spiketune.sim;

import java.util.Locale;

/**
 * Finds members whose simulation broke down: a neuron's state became NaN or infinite, or a group of model
 * neurons fired faster than any neuron can (its mean rate over a check window above {@link #rateLimitHz}),
 * which is what an unstable integration or a runaway network does. Both backends check every member at the
 * same steps ({@link #isCheckStep}) and stop a faulty one there, so they agree on its spikes and its fault.
 */
public final class NumericalFaults {

	/** Steps between checks; OpenCL launches end on these boundaries. */
	public static final int CHECK_STEPS = 1000;

	private NumericalFaults() {}

	/** Whether the state is checked after {@code step} steps of {@code total}. */
	public static boolean isCheckStep(final int step, final int total) {
		return step > 0 && (step % CHECK_STEPS == 0 || step == total);
	}

	/** The steps of the window a check after {@code step} steps looks back on. */
	public static int windowSteps(final int step) {
		final int rest = step % CHECK_STEPS;
		return rest == 0 ? CHECK_STEPS : rest;
	}

	/** A group mean rate above this is no neuron's: 1000 Hz, or half the step rate for steps over 0.5 ms. */
	public static double rateLimitHz(final double dtMs) {
		return Math.min(1000, 500 / dtMs);
	}

	/**
	 * The fault found after {@code step} steps, or null.
	 *
	 * @param counts spikes per group in the window before {@code step}
	 * @param nonFinite the first neuron whose state is NaN or infinite, or -1
	 */
	public static String fault(final CompiledNetwork network, final int step, final long[] counts,
		final int nonFinite)
	{
		final double atMs = step * network.dtMs();
		if (nonFinite >= 0) {
			return String.format(Locale.ROOT, "the state of neuron %d (group %s) became NaN or infinite before %.1f ms",
				nonFinite, groupOf(network, nonFinite).name(), atMs);
		}
		final double windowS = windowSteps(step) * network.dtMs() / 1000, limit = rateLimitHz(network.dtMs());
		for (final CompiledGroup g : network.groups()) {
			if (g.isSource()) continue; // a Poisson or replayed group fires as told
			final double rate = counts[g.index()] / (g.size() * windowS);
			if (rate > limit) {
				return String.format(Locale.ROOT, "group %s fired at %.0f Hz on average over the %.0f ms before %.1f ms " +
					"(limit %.0f Hz): the integration became unstable or the network ran away", g.name(), rate, windowS * 1000,
					atMs, limit);
			}
		}
		return null;
	}

	private static CompiledGroup groupOf(final CompiledNetwork network, final int neuron) {
		for (final CompiledGroup g : network.groups()) {
			if (neuron >= g.offset() && neuron < g.end()) return g;
		}
		throw new IllegalArgumentException("no group has neuron " + neuron);
	}
}
