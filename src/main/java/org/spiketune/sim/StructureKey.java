package org.spiketune.sim;

import java.util.List;

import org.spiketune.model.NetworkSpec;
import org.spiketune.model.NeuronGroup;
import org.spiketune.model.Projection;
import org.spiketune.model.Stimulus;

/**
 * The part of a spec a compiled network depends on: groups with their models (per-neuron values are
 * realized at compile time), projections without their gains, stimuli and dt. Bias, noise, step and projection gains are
 * applied per member, so specs that differ only in those share one compiled network.
 */
record StructureKey(String name, double dtMs, List<NeuronGroup> groups, List<Projection> projections,
	List<Stimulus> stimuli)
{

	static StructureKey of(final NetworkSpec spec) {
		return new StructureKey(spec.name(), spec.dtMs(), spec.groups().stream().map(g -> g.withBias(0).withNoise(
			0).withGain(1)).toList(), spec.projections().stream().map(p -> p.withGain(1).withPlasticity(p.isPlastic() ? p.plasticity()
			.structure() : null)).toList(), spec.stimuli());
	}
}
