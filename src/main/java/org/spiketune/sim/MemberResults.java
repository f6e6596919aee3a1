package org.spiketune.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a member's result from what any backend records: its spike events (ordered by step, then neuron)
 * its traces and the learned weights of plastic projections. Rates are binned from the events here, so all backends report them identically.
 */
public final class MemberResults {

	private MemberResults() {}

	public static MemberResult of(final CompiledNetwork network, final SimulationRequest request, final int index,
		final int[] steps, final int[] neurons, final float[] traceV, final float[] traceU,
		final java.util.Map<String, float[][]> learnedWeights)
	{
		return of(network, request, index, steps, neurons, null, traceV, traceU, learnedWeights, null);
	}

	/** As above, the rates from {@code rateCounts} ([bin][group], of every spike) when given. */
	public static MemberResult of(final CompiledNetwork network, final SimulationRequest request, final int index,
		final int[] steps, final int[] neurons, final int[] rateCounts, final float[] traceV, final float[] traceU,
		final java.util.Map<String, float[][]> learnedWeights, final String fault)
	{
		final double dtMs = network.spec().dtMs();
		final int stepCount = request.steps();
		final int binSteps = binSteps(request, network);
		final int bins = (stepCount + binSteps - 1) / binSteps;
		final List<CompiledGroup> groups = network.groups();
		final int[] groupOf = new int[network.neuronCount()];
		final List<String> names = new ArrayList<>();
		final int[] sizes = new int[groups.size()];
		final boolean[] sources = new boolean[groups.size()];
		for (final CompiledGroup g : groups) {
			java.util.Arrays.fill(groupOf, g.offset(), g.end(), g.index());
			names.add(g.name());
			sizes[g.index()] = g.size();
			sources[g.index()] = g.isSource();
		}
		final int[] counts = rateCounts != null ? rateCounts : new int[bins * groups.size()];
		if (rateCounts == null) {
			for (int k = 0; k < steps.length; k++) counts[(steps[k] / binSteps) * groups.size() + groupOf[neurons[k]]]++;
		}
		final PopulationRates rates = new PopulationRates(names, sizes, sources, binSteps * dtMs, stepCount * dtMs,
			counts);
		final SpikeRecord spikes = new SpikeRecord(network.neuronCount(), dtMs, stepCount, steps, neurons);
		return new MemberResult(index, request.members().get(index), spikes, rates, new StateTraces(request
			.recording().tracedNeurons(), request.firstTracedStep(), request.tracedSteps(), traceV, traceU), learnedWeights, fault);
	}

	/** The rate bin in whole steps (at least one). */
	public static int binSteps(final SimulationRequest request, final CompiledNetwork network) {
		return Math.max(1, (int) Math.round(request.recording().rateBinMs() / network.dtMs()));
	}
}
