package org.spiketune.model;

/** How an arriving spike acts on the target. */
public sealed interface Synapse {

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

	/** AMPA: τ 5 ms, reversal 0 mV. */
	static Synapse ampa() {
		return new Conductance("AMPA", 5, 0, false);
	}

	/** NMDA: τ 100 ms, reversal 0 mV, magnesium-gated. */
	static Synapse nmda() {
		return new Conductance("NMDA", 100, 0, true);
	}

	/** GABA-A: τ 6 ms, reversal −70 mV. */
	static Synapse gabaA() {
		return new Conductance("GABAA", 6, -70, false);
	}

	/** GABA-B: τ 150 ms, reversal −90 mV. */
	static Synapse gabaB() {
		return new Conductance("GABAB", 150, -90, false);
	}

	static Synapse pulse() {
		return new CurrentPulse();
	}

	static Synapse exponential(final double tauMs) {
		return new ExponentialCurrent(tauMs);
	}
}
