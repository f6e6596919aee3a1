package org.spiketune.sim;

import java.util.List;

import org.spiketune.model.AdEx;
import org.spiketune.model.Delay;
import org.spiketune.model.IzhikevichClass;
import org.spiketune.model.Lif;
import org.spiketune.model.NetworkSpec;
import org.spiketune.model.NeuronGroup;
import org.spiketune.model.Plasticity;
import org.spiketune.model.PoissonSource;
import org.spiketune.model.Projection;
import org.spiketune.model.SpikeReplay;
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
	 * Izhikevich recurrent all-to-all inhibitory; replayed spike trains into Izhikevich (AMPA scaled 0.5 and
	 * NMDA from one weight, per-synapse delays); Izhikevich into AdEx (GABA-A and GABA-B scaled 0.03 from one
	 * weight) and sources into AdEx (AMPA); sources into Izhikevich through learning AMPA + NMDA synapses
	 * (classical STDP with homeostasis, applied every 50 ms, learning until 450 ms) and Izhikevich into LIF through learning exponential synapses (inverted STDP, applied every
	 * 100 ms); On/Off Poisson groups driven by images in a shuffled protocol; noise, refractoriness and
	 * sub-steps; dt = 0.5 ms.
	 */
	public static NetworkSpec everything() {
		final List<NeuronGroup> groups = List.of( //
			NeuronGroup.of("src", 60, PoissonSource.of(40)), //
			new NeuronGroup("lif", 50, Lif.of(15, -70, -72, -54, 80, 2), 100, 30, 1), //
			new NeuronGroup("adex", 50, AdEx.of(200, 12, -70, -50, 2, 100, 2, 40, -58, -30, 1), 150, 40, 2), //
			new NeuronGroup("izh", 40, IzhikevichClass.RS.model(), 3, 2, 2), //
			NeuronGroup.of("rep", 30, replayedTrains(30)), //
			NeuronGroup.of("on", 12, PoissonSource.of(150)), //
			NeuronGroup.of("off", 12, PoissonSource.of(120)));
		final List<Projection> projections = List.of( //
			Projection.of("src_lif", "src", "lif", Topology.fixedProbability(0.2), Weights.uniform(40, 90)).withSynapse(
				Synapse.exponential(5)).withDelay(Delay.uniform(1, 5)), //
			Projection.of("lif_adex", "lif", "adex", Topology.oneToOne(), Weights.constant(400)), //
			Projection.of("adex_izh", "adex", "izh", Topology.fixedInDegree(8), Weights.uniform(1, 4)).withSynapse(
				Synapse.exponential(3)).withDelay(Delay.of(2)), //
			Projection.of("izh_izh", "izh", "izh", new Topology.AllToAll(false), Weights.uniform(-1.5, 0)), //
			Projection.of("rep_izh", "rep", "izh", Topology.fixedProbability(0.3), Weights.uniform(0.2, 1)).withDelay(
				Delay.uniform(1, 3)).withSynapse(new Synapse.Receptors(Synapse.ampa(), Synapse.nmda(), 0.5, 1)), //
			Projection.of("izh_adex", "izh", "adex", Topology.fixedProbability(0.2), Weights.uniform(1, 3))
				.withSynapse(new Synapse.Receptors(Synapse.gabaA(), Synapse.gabaB(), 1, 0.03)), //
			Projection.of("src_adex", "src", "adex", Topology.fixedProbability(0.1), Weights.uniform(0.5, 1.5))
				.withSynapse(Synapse.ampa()).withDelay(Delay.of(2)), //
			Projection.of("src_lif_gaba", "src", "lif", Topology.fixedProbability(0.1), Weights.uniform(2, 6))
				.withSynapse(Synapse.gabaB()), //
			Projection.of("src_izh", "src", "izh", Topology.allToAll(), Weights.uniform(0, 0.01)).withSynapse(Synapse
				.ampaNmda()).withPlasticity(new Plasticity(Plasticity.Stdp.classical(0.0008, 20, 0.001, 40),
					new Plasticity.Homeostasis(20, 0.1, 50, 1000), 0, 0.02, 1, 0, 50, 450)), //
			Projection.of("izh_lif", "izh", "lif", Topology.allToAll(), Weights.uniform(0, 2)).withSynapse(Synapse
				.exponential(5)).withPlasticity(new Plasticity(Plasticity.Stdp.inverted(0.08, 15, 0.1, 25), null, 0, 4,
					1, 0.05, 100, Double.POSITIVE_INFINITY)));
		return NetworkSpec.of("contract", 0.5, groups, projections).withStimuli(List.of(Stimulus.step("adex", 100,
			300, 250), imageDrive()));
	}

	/** Three 4x3 images (one static, two counterphase at 8 and 20 Hz), shuffled per member, gaps at 20 Hz. */
	static Stimulus imageDrive() {
		final java.util.List<float[]> frames = new java.util.ArrayList<>();
		for (int f = 0; f < 3; f++) {
			final float[] frame = new float[12];
			for (int i = 0; i < 12; i++) frame[i] = (float) Math.sin(0.7 * i + 2.1 * f);
			frames.add(frame);
		}
		final org.spiketune.model.Protocol.Phase phase = new org.spiketune.model.Protocol.Phase("p", List.of(
			new org.spiketune.model.Protocol.Presentation(0, 50, 0), new org.spiketune.model.Protocol.Presentation(1,
				50, 8), new org.spiketune.model.Protocol.Presentation(2, 45.3, 20)), 3, true, 20);
		return new Stimulus.ImageDrive("on", "off", frames, org.spiketune.model.Protocol.of(phase), 20);
	}

	/**
	 * Train i: a regular train with its own period and phase, plus two times in one 0.5 ms step and one after
	 * any contract run's end.
	 */
	static SpikeReplay replayedTrains(final int count) {
		final double[][] times = new double[count][];
		for (int i = 0; i < count; i++) {
			final double period = 9.5 + 1.75 * i, phase = 0.3 * i;
			final int regular = (int) ((600 - phase) / period);
			times[i] = new double[regular + 3];
			for (int k = 0; k < regular; k++) times[i][k] = phase + k * period;
			times[i][regular] = 100.1 + i;
			times[i][regular + 1] = 100.2 + i;
			times[i][regular + 2] = 5000;
		}
		return SpikeReplay.of(times);
	}
}
