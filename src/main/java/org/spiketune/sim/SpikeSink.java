package org.spiketune.sim;

import java.util.Arrays;

/**
 * Where a backend puts a member's spikes: every spike counts in its group's population-rate bin, and only
 * spikes of the recorded groups ({@link Recording#spikeGroups()}) are kept as events, so a long run of a large
 * network keeps its rates without holding every spike. Events arrive ordered by step, then neuron.
 */
public final class SpikeSink {

	private final int groups, binSteps;
	private final int[] groupOf;
	private final boolean[] kept;
	private final int[] counts;
	private int[] steps = new int[1024], neurons = new int[1024];
	private int size;

	public SpikeSink(final CompiledNetwork network, final SimulationRequest request) {
		groups = network.groups().size();
		binSteps = MemberResults.binSteps(request, network);
		groupOf = new int[network.neuronCount()];
		kept = new boolean[groups];
		final java.util.List<String> recorded = request.recording().spikeGroups();
		for (final CompiledGroup g : network.groups()) {
			Arrays.fill(groupOf, g.offset(), g.end(), g.index());
			kept[g.index()] = recorded.isEmpty() || recorded.contains(g.name());
		}
		counts = new int[((request.steps() + binSteps - 1) / binSteps) * groups];
	}

	public void add(final int step, final int neuron) {
		final int g = groupOf[neuron];
		counts[(step / binSteps) * groups + g]++;
		if (!kept[g]) return;
		if (size == steps.length) {
			final int capacity = (int) Math.min(Integer.MAX_VALUE - 8, steps.length * 2L);
			if (capacity == size) throw new SimulationException("more than " + size + " spike events in one member");
			steps = Arrays.copyOf(steps, capacity);
			neurons = Arrays.copyOf(neurons, capacity);
		}
		steps[size] = step;
		neurons[size++] = neuron;
	}

	public int[] steps() {
		return Arrays.copyOf(steps, size);
	}

	public int[] neurons() {
		return Arrays.copyOf(neurons, size);
	}

	/** Spike counts per [bin][group], of every spike. */
	public int[] rateCounts() {
		return counts.clone();
	}
}
