package org.spiketune.sim;

/**
 * One kind of synaptic input every neuron can receive; projections with the same synapse kind share a
 * channel (and its delay ring buffer). A pulse channel adds its arrivals to the current for one step; an
 * exponential channel keeps a current that decays by {@code decay} per step before adding arrivals.
 */
public record Channel(Kind kind, double tauMs, float decay) {

	public enum Kind {
			PULSE, EXPONENTIAL
	}
}
