package org.spiketune.sim;

/**
 * One kind of synaptic input every neuron can receive; projections with the same synapse kind share a
 * channel (and its delay ring buffer). A pulse channel adds its arrivals to the current for one step; an
 * exponential channel keeps a current that decays by {@code decay} per step before adding arrivals; a
 * conductance channel keeps a conductance g the same way and contributes {@code g (reversal - v)}, with
 * v at the start of the step, times the NMDA gate for a gated one ({@link #gatedCurrent}).
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

	/** The current of conductance {@code g} at membrane potential {@code v}, in the kernels' operation order. */
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

	public static float conductanceCurrent(final float g, final float reversal, final float v) {
		return g * (reversal - v);
	}

	/** As {@link #conductanceCurrent} times the NMDA magnesium gate x² / (1 + x²), x = (v + 80) / 60. */
	public static float gatedCurrent(final float g, final float reversal, final float v) {
		final float x = (v + 80f) / 60f;
		final float x2 = x * x;
		final float gate = x2 / (1f + x2);
		return g * gate * (reversal - v);
	}
}
