package org.spiketune.sim;

import java.util.List;

import org.spiketune.model.AdEx;
import org.spiketune.model.Delay;
import org.spiketune.model.IzhikevichClass;
import org.spiketune.model.Lif;
import org.spiketune.model.NetworkSpec;
import org.spiketune.model.NeuronGroup;
import org.spiketune.model.PoissonSource;
import org.spiketune.model.Projection;
import org.spiketune.model.Stimulus;
import org.spiketune.model.Synapse;
import org.spiketune.model.Topology;
import org.spiketune.model.Weights;

/** Networks for the backend contract: together they use every feature a backend must support. */
public final class ContractNetworks {

	private ContractNetworks() {}

	/**
	 * Poisson sources drive LIF neurons through exponential synapses with per-synapse delays (sparse); LIF
	 * one-to-one to AdEx (pulse, current step on top); AdEx into Izhikevich by fixed in-degree (exponential);
	 * Izhikevich recurrent all-to-all inhibitory; noise, refractoriness and sub-steps; dt = 0.5 ms.
	 */
	public static NetworkSpec everything() {
		final List<NeuronGroup> groups = List.of( //
			NeuronGroup.of("src", 60, PoissonSource.of(40)), //
			new NeuronGroup("lif", 50, Lif.of(15, -70, -72, -54, 80, 2), 100, 30, 1), //
			new NeuronGroup("adex", 50, AdEx.of(200, 12, -70, -50, 2, 100, 2, 40, -58, -30, 1), 150, 40, 2), //
			new NeuronGroup("izh", 40, IzhikevichClass.RS.model(), 3, 2, 2));
		final List<Projection> projections = List.of( //
			Projection.of("src_lif", "src", "lif", Topology.fixedProbability(0.2), Weights.uniform(40, 90)).withSynapse(
				Synapse.exponential(5)).withDelay(Delay.uniform(1, 5)), //
			Projection.of("lif_adex", "lif", "adex", Topology.oneToOne(), Weights.constant(400)), //
			Projection.of("adex_izh", "adex", "izh", Topology.fixedInDegree(8), Weights.uniform(1, 4)).withSynapse(
				Synapse.exponential(3)).withDelay(Delay.of(2)), //
			Projection.of("izh_izh", "izh", "izh", new Topology.AllToAll(false), Weights.uniform(-1.5, 0)));
		return NetworkSpec.of("contract", 0.5, groups, projections).withStimuli(List.of(Stimulus.step("adex", 100,
			300, 250)));
	}
}
