package org.spiketune.sim;

/**
 * One kind of synaptic input every neuron can receive; projections with the same synapse kind share a
 * channel (and its delay ring buffer). A pulse channel adds its arrivals to the current for one step; an
 * exponential channel keeps a current that decays by {@code decay} per step before adding arrivals; a
 * conductance channel keeps a conductance g the same way; its current {@code g (reversal - v)} (times the
 * NMDA gate {@link #nmdaGate} at the step's starting v for a gated one) is integrated linearly implicitly in
 * v: the neuron models receive the drive {@code g reversal} and the summed conductance G and solve for the
 * new v with {@code - G v} at the new v, so that strong conductances cannot make Euler steps overshoot.
 */
public record Channel(Kind kind, double tauMs, float decay, float reversalMv) {

	public Channel(final Kind kind, final double tauMs, final float decay) {
		this(kind, tauMs, decay, 0f);
	}

	public enum Kind {
			PULSE, EXPONENTIAL, CONDUCTANCE, GATED_CONDUCTANCE
	}

	/** True for channels that keep a decaying state (current or conductance). */
	public boolean decays() {
		return kind != Kind.PULSE;
	}

	/** Below this a decaying value is flushed to zero (see {@link #decayed}). */
	public static final float FLUSH = 1e-30f;

	/**
	 * {@code value · decay}, flushed to zero below {@link #FLUSH}: a decaying conductance, current or trace would
	 * otherwise sink into subnormal floats, which x86 computes about a hundred times slower and GPUs flush
	 * anyway; flushing on purpose keeps the backends identical and fast. The kernels' {@code decayed} is the same.
	 */
	public static float decayed(final float value, final float decay) {
		final float d = value * decay;
		return Math.abs(d) < FLUSH ? 0f : d;
	}

	/**
	 * The NMDA magnesium gate x² / (1 + x²), x = (v + 80) / 60, in the kernels' operation order. A gated
	 * conductance acts as g·gate, the gate taken at the v the step starts with.
	 */
	public static float nmdaGate(final float v) {
		final float x = (v + 80f) / 60f;
		final float x2 = x * x;
		return x2 / (1f + x2);
	}
}
