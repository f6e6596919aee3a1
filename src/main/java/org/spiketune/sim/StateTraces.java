package org.spiketune.sim;

/**
 * State variables of chosen neurons at the end of every step (after any reset) from step {@link #firstStep()}
 * on: the membrane potential v (mV) and the second variable (Izhikevich u, AdEx w in pA; 0 for LIF and
 * sources). Sample k is step {@code firstStep() + k}.
 *
 * @implNote Immutable.
 */
public final class StateTraces implements java.io.Serializable {

	private static final long serialVersionUID = 1L;

	private final int[] neurons;
	private final int firstStep;
	private final int steps;
	private final float[] v; // [step * neurons + j]
	private final float[] u;

	public StateTraces(final int[] neurons, final int steps, final float[] v, final float[] u) {
		this(neurons, 0, steps, v, u);
	}

	public StateTraces(final int[] neurons, final int firstStep, final int steps, final float[] v, final float[] u) {
		if (firstStep < 0) throw new IllegalArgumentException("traces cannot start before step 0: " + firstStep);
		if (v.length != (long) steps * neurons.length || u.length != v.length) {
			throw new IllegalArgumentException("trace arrays do not match " + steps + " steps x " + neurons.length +
				" neurons");
		}
		this.neurons = neurons.clone();
		this.firstStep = firstStep;
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

	/** The step of the first sample. */
	public int firstStep() {
		return firstStep;
	}

	/** The number of samples (steps traced). */
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
