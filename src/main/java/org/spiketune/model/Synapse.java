package org.spiketune.model;

import java.util.List;

/** How an arriving spike acts on the target. */
public sealed interface Synapse {

	/**
	 * The single-receptor synapses this one drives, each kept by the simulator as one input channel of the
	 * target: itself, or a {@link Receptors}' fast and slow conductance.
	 */
	default List<Synapse> channels() {
		return List.of(this);
	}

	/**
	 * The weight is added to the target's input current for the one step in which the spike arrives
	 * (Izhikevich 2003).
	 */
	record CurrentPulse() implements Synapse {}

	/** The weight jumps a current that then decays with time constant {@code tauMs}. */
	record ExponentialCurrent(double tauMs) implements Synapse {

		public ExponentialCurrent {
			Checks.positive("synapse tauMs", tauMs);
		}
	}

	/**
	 * A conductance: each spike adds its weight to a conductance g that decays with time constant
	 * {@code tauMs}; the target receives the current {@code g (reversalMv - v)}, times the NMDA magnesium
	 * gate {@code x² / (1 + x²)}, {@code x = (v + 80) / 60}, when {@code voltageGated} (Carlson et al. 2014,
	 * CARLsim). Weights are conductances in the target's units (nS for AdEx and LIF, whose currents are pA;
	 * dimensionless for Izhikevich) and should be non-negative: the reversal potential sets the sign.
	 */
	record Conductance(String receptor, double tauMs, double reversalMv, boolean voltageGated) implements Synapse {

		public Conductance {
			Checks.name("synapse receptor", receptor);
			Checks.positive("synapse '" + receptor + "' tauMs", tauMs);
			Checks.finite("synapse '" + receptor + "' reversalMv", reversalMv);
		}
	}

	/**
	 * One weight driving two conductances, as a CARLsim connection does (its {@code mulSynFast} and
	 * {@code mulSynSlow}): each spike adds weight · {@code fastScale} to the fast receptor's conductance and
	 * weight · {@code slowScale} to the slow one's, so an excitatory spike raises AMPA and NMDA, an inhibitory
	 * one GABA-A and GABA-B. Plasticity changes the one weight.
	 */
	record Receptors(Conductance fast, Conductance slow, double fastScale, double slowScale) implements Synapse {

		public Receptors {
			if (fast == null || slow == null) throw new IllegalArgumentException("synapse receptors: fast and slow " +
				"conductances are required");
			if (fast.equals(slow)) throw new IllegalArgumentException("synapse receptors: fast and slow are the " +
				"same receptor '" + fast.receptor() + "'; use one conductance with the summed scale instead");
			Checks.nonNegative("synapse receptors fastScale", fastScale);
			Checks.nonNegative("synapse receptors slowScale", slowScale);
		}

		@Override
		public List<Synapse> channels() {
			return List.of(fast, slow);
		}
	}

	/** AMPA: τ 5 ms, reversal 0 mV. */
	static Conductance ampa() {
		return new Conductance("AMPA", 5, 0, false);
	}

	/** NMDA: τ 100 ms, reversal 0 mV, magnesium-gated. */
	static Conductance nmda() {
		return new Conductance("NMDA", 100, 0, true);
	}

	/** GABA-A: τ 6 ms, reversal −70 mV. */
	static Conductance gabaA() {
		return new Conductance("GABAA", 6, -70, false);
	}

	/** GABA-B: τ 150 ms, reversal −90 mV. */
	static Conductance gabaB() {
		return new Conductance("GABAB", 150, -90, false);
	}

	/** AMPA and NMDA from one weight, both scaled 1 (CARLsim's default for an excitatory connection). */
	static Receptors ampaNmda() {
		return new Receptors(ampa(), nmda(), 1, 1);
	}

	/** GABA-A and GABA-B from one weight, both scaled 1 (CARLsim's default for an inhibitory connection). */
	static Receptors gabaAB() {
		return new Receptors(gabaA(), gabaB(), 1, 1);
	}

	static Synapse pulse() {
		return new CurrentPulse();
	}

	static Synapse exponential(final double tauMs) {
		return new ExponentialCurrent(tauMs);
	}
}
