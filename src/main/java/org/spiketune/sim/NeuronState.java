package org.spiketune.sim;

/**
 * Per-neuron constants derived from parameters, and initial states, as every backend must compute them
 * (one place, so all agree bit for bit). Parameters are a group's {@code [parameter][neuron]} values.
 */
public final class NeuronState {

	private NeuronState() {}

	/** Initial v: Izhikevich vinit, AdEx EL, LIF vrest, sources 0. */
	public static float initialV(final NeuronKind kind, final float[][] p, final int l) {
		return switch (kind) {
			case IZHIKEVICH -> p[5][l];
			case ADEX -> p[2][l];
			case LIF -> p[1][l];
			case POISSON, REPLAY -> 0f;
		};
	}

	/** Initial second variable: Izhikevich u = b vinit, else 0. */
	public static float initialU(final NeuronKind kind, final float[][] p, final int l) {
		return kind == NeuronKind.IZHIKEVICH ? p[1][l] * p[5][l] : 0f;
	}

	/** LIF: exp(-dt / tau) per step. */
	public static float lifDecay(final float[][] p, final int l, final float dt) {
		return (float) Math.exp(-dt / (double) p[0][l]);
	}

	/** Refractory time in whole steps (AdEx tref, LIF tref). */
	public static int refractorySteps(final NeuronKind kind, final float[][] p, final int l, final float dt) {
		final float ms = switch (kind) {
			case ADEX -> p[10][l];
			case LIF -> p[5][l];
			default -> 0f;
		};
		return (int) Math.round(ms / (double) dt);
	}

	/** Poisson source: spike probability per step, rate dt (at most 1). */
	public static float spikeProbability(final float[][] p, final int l, final float dt) {
		return (float) Math.min(1.0, p[0][l] * (double) dt / 1000.0);
	}

	/** The step length of one sub-step, as the kernels use it. */
	public static float substep(final float dt, final int substeps) {
		return dt / substeps;
	}
}
