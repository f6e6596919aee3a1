package org.spiketune.sim;

import java.util.Locale;

import org.spiketune.model.NetworkSpec;
import org.spiketune.model.NeuronGroup;
import org.spiketune.model.Projection;
import org.spiketune.model.Topology;

/**
 * Bytes a request needs, estimated from the spec alone, before anything is allocated: the shared
 * structure, the state of the members held at once, and the results of all members (spikes assumed at
 * {@link #ASSUMED_RATE_HZ} at most on average).
 */
public record MemoryEstimate(long structureBytes, long stateBytesPerMember, int concurrentMembers,
	long resultBytesPerMember, int members)
{

	/** Average rate assumed when reserving room for recorded spikes. */
	public static final double ASSUMED_RATE_HZ = 50;

	public static MemoryEstimate of(final SimulationRequest request, final int concurrentMembers) {
		final NetworkSpec spec = request.network();
		final long n = spec.neuronCount();
		long structure = 0;
		int maxDelaySteps = 1;
		boolean exponential = false;
		int channels = 0;
		long plastic = 0, learned = 0;
		for (final Projection p : spec.projections()) {
			structure += projectionBytes(spec, p);
			if (p.isPlastic()) {
				// the member's weights and accumulators, traces and rates; its learned weights are a result
				final long ns = spec.group(p.source()).size(), nt = spec.group(p.target()).size();
				plastic += 8 * ns * nt + 4 * ns + 8 * nt;
				learned += 4 * ns * nt;
			}
			maxDelaySteps = Math.max(maxDelaySteps, (int) Math.round(p.delay().maxMs() / spec.dtMs()));
			exponential |= !(p.synapse() instanceof org.spiketune.model.Synapse.CurrentPulse);
		}
		channels = (int) spec.projections().stream().flatMap(p -> p.synapse().channels().stream()).distinct().count();
		for (final NeuronGroup g : spec.groups()) structure += 4L * g.size() * g.model().parameterNames().size();
		final long ring = 4L * n * (maxDelaySteps + 1) * channels;
		final long state = 4L * n * 6 + ring + (exponential ? 4L * n * channels : 0) + 8L * n + plastic;
		final long traces = 8L * request.tracedSteps() * request.recording().tracedCount();
		final double seconds = request.durationMs() / 1000;
		long recorded = 0;
		for (final NeuronGroup g : spec.groups()) {
			if (request.recording().spikeGroups().isEmpty() || request.recording().spikeGroups().contains(g.name())) {
				recorded += g.size();
			}
		}
		final long spikes = (long) (8 * ASSUMED_RATE_HZ * seconds * recorded);
		final long rates = 4L * spec.groups().size() * (long) Math.ceil(request.durationMs() / request.recording()
			.rateBinMs());
		return new MemoryEstimate(structure, state + traces, concurrentMembers, spikes + rates + traces + learned,
			request.size());
	}

	private static long projectionBytes(final NetworkSpec spec, final Projection p) {
		final long ns = spec.group(p.source()).size(), nt = spec.group(p.target()).size();
		final long synapses = switch (p.topology()) {
			case Topology.AllToAll a -> ns * nt;
			case Topology.OneToOne o -> ns;
			case Topology.FixedInDegree f -> nt * f.k();
			case Topology.FixedProbability f -> (long) Math.ceil(f.p() * ns * nt + 5 * Math.sqrt(f.p() * ns * nt));
		};
		final boolean dense = p.topology() instanceof Topology.AllToAll && p.delay().isConstant();
		final long perSynapse = dense ? 4 : 8 + (p.delay().isConstant() ? 0 : 2);
		// fixed in-degree also holds the drawn sources and the per-row lists while building
		final long building = p.topology() instanceof Topology.FixedInDegree ? 8 * synapses : 0;
		return synapses * perSynapse + building + 4 * (ns + 1);
	}

	public long totalBytes() {
		return structureBytes + stateBytesPerMember * concurrentMembers + resultBytesPerMember * members;
	}

	/** Throws a {@link SimulationException} with the figures when {@code availableBytes} is too little. */
	public void check(final long availableBytes, final String what) {
		if (totalBytes() <= availableBytes) return;
		throw new SimulationException(String.format(Locale.ROOT,
			"%s needs about %s of memory but only %s is available: structure %s, state %s x %d members at once, " +
				"results %s x %d members. Use fewer or smaller members, a shorter run, or more memory (-Xmx).",
			what, format(totalBytes()), format(availableBytes), format(structureBytes), format(stateBytesPerMember),
			concurrentMembers, format(resultBytesPerMember), members));
	}

	public static String format(final long bytes) {
		if (bytes < 1024) return bytes + " B";
		final String[] units = { "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };
		double value = bytes;
		int unit = -1;
		while (value >= 1024 && unit < units.length - 1) {
			value /= 1024;
			unit++;
		}
		return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
	}
}
