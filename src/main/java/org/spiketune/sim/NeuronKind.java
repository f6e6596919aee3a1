package org.spiketune.sim;

import org.spiketune.model.AdEx;
import org.spiketune.model.Izhikevich;
import org.spiketune.model.Lif;
import org.spiketune.model.NeuronModel;
import org.spiketune.model.PoissonSource;
import org.spiketune.model.SpikeReplay;

/** The neuron models a backend must implement; each picks one state-update kernel. */
public enum NeuronKind {
		IZHIKEVICH, ADEX, LIF, POISSON, REPLAY;

	public static NeuronKind of(final NeuronModel model) {
		return switch (model) {
			case Izhikevich i -> IZHIKEVICH;
			case AdEx a -> ADEX;
			case Lif l -> LIF;
			case PoissonSource p -> POISSON;
			case SpikeReplay r -> REPLAY;
		};
	}
}
