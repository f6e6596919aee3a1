package org.spiketune.sim;

/**
 * State variables of chosen neurons at the end of every step (after any reset): the membrane potential v
 * (mV) and the second variable (Izhikevich u, AdEx w in pA; 0 for LIF and sources).
 *
 * @implNote Immutable.
 */
public final class StateTraces implements java.io.Serializable {

	private static final long serialVersionUID = 1L;

	private final int[] neurons;
	private final int steps;
	private final float[] v; // [step * neurons + j]
	private final float[] u;

	public StateTraces(final int[] neurons, final int steps, final float[] v, final float[] u) {
		if (v.length != (long) steps * neurons.length || u.length != v.length) {
			throw new IllegalArgumentException("trace arrays do not match " + steps + " steps x " + neurons.length +
				" neurons");
		}
		this.neurons = neurons.clone();
		this.steps = steps;
		this.v = v;
		this.u = u;
	}

	public static StateTraces none(final int steps) {
		return new StateTraces(new int[0], steps, new float[0], new float[0]);
	}

	public int[] neurons() {
		return neurons.clone();
	}

	public int steps() {
		return steps;
	}

	/** Trace of v of the {@code j}-th traced neuron. */
	public float[] v(final int j) {
		return column(v, j);
	}

	/** Trace of the second variable of the {@code j}-th traced neuron. */
	public float[] u(final int j) {
		return column(u, j);
	}

	private float[] column(final float[] data, final int j) {
		final float[] out = new float[steps];
		for (int s = 0; s < steps; s++) out[s] = data[s * neurons.length + j];
		return out;
	}
}
