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

	static Synapse pulse() {
		return new CurrentPulse();
	}

	static Synapse exponential(final double tauMs) {
		return new ExponentialCurrent(tauMs);
	}
}
