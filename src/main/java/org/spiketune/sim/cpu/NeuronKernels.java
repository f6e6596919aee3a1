package org.spiketune.sim.cpu;

/**
 * The state-update, threshold and reset phases of each neuron model, over local neurons {@code [lo, hi)}
 * of one group whose first global index is {@code offset}. Integration and threshold are separate loops:
 * the integration loops touch every array at the same index and so are vectorized by the JIT; the
 * threshold loops append the global indices of spiking neurons to {@code fired}, in ascending order, and
 * return the new count. The float operation order here is the reference the OpenCL kernels reproduce.
 */
final class NeuronKernels {

	private NeuronKernels() {}

	/**
	 * Izhikevich (2003): v in {@code substeps} Euler steps of dt/substeps, then u in one step of dt with the
	 * final v. Each v sub-step is its own loop: with both in one loop the JIT does not vectorize. With
	 * synaptic conductances ({@code conductance} not null: G, the summed conductance of the step, whose drive
	 * G·E is in {@code input}) each sub-step is linearly implicit in G: {@code v <- (v + h (f(v) - u + input))
	 * / (1 + h G)}, stable for any G, where explicit Euler oscillates and diverges once {@code h G > 2}. For
	 * G = 0 that is explicit Euler bit for bit.
	 */
	static void izhikevichIntegrate(final int lo, final int hi, final float[] v, final float[] u,
		final float[] input, final float[] conductance, final float[] a, final float[] b, final int substeps,
		final float dt)
	{
		if (conductance != null) {
			izhikevichImplicit(lo, hi, v, u, input, conductance, a, b, substeps, dt);
			return;
		}
		final float h = org.spiketune.sim.NeuronState.substep(dt, substeps);
		for (int s = 1; s < substeps; s++) {
			for (int l = lo; l < hi; l++) v[l] += h * ((0.04f * v[l] + 5f) * v[l] + 140f - u[l] + input[l]);
		}
		for (int l = lo; l < hi; l++) {
			final float ui = u[l];
			final float vi = v[l] + h * ((0.04f * v[l] + 5f) * v[l] + 140f - ui + input[l]);
			v[l] = vi;
			u[l] = ui + dt * (a[l] * (b[l] * vi - ui));
		}
	}

	private static void izhikevichImplicit(final int lo, final int hi, final float[] v, final float[] u,
		final float[] input, final float[] conductance, final float[] a, final float[] b, final int substeps,
		final float dt)
	{
		final float h = org.spiketune.sim.NeuronState.substep(dt, substeps);
		for (int s = 0; s < substeps; s++) {
			for (int l = lo; l < hi; l++) {
				final float explicit = v[l] + h * ((0.04f * v[l] + 5f) * v[l] + 140f - u[l] + input[l]);
				v[l] = explicit / (1f + h * conductance[l]);
			}
		}
		for (int l = lo; l < hi; l++) u[l] = u[l] + dt * (a[l] * (b[l] * v[l] - u[l]));
	}

	/** Izhikevich spike: {@code v >= vpeak} -> {@code v <- c, u <- u + d}. */
	static int izhikevichReset(final int lo, final int hi, final int offset, final float[] v, final float[] u,
		final float[] c, final float[] d, final float[] peak, final int[] fired, int count)
	{
		for (int l = lo; l < hi; l++) {
			if (v[l] >= peak[l]) {
				v[l] = c[l];
				u[l] += d[l];
				fired[count++] = offset + l;
			}
		}
		return count;
	}

	/**
	 * AdEx (Brette and Gerstner 2005), forward Euler in {@code substeps} steps; after a spike the neuron sits
	 * at vreset for the rest of the step and its refractory steps, while w keeps evolving. The exponential's
	 * argument is capped at 20, far above threshold, so it cannot overflow. Parameters in model order: cm,
	 * gl, el, vt, deltat, tauw, a, b, vreset, vpeak (tref arrives as {@code refractorySteps}). Synaptic
	 * conductances ({@code conductance} not null) act linearly implicitly, as for Izhikevich:
	 * {@code v <- (v + h dv) / (1 + h G / cm)}, dv with the drive G·E in {@code input}.
	 */
	static int adex(final int lo, final int hi, final int offset, final float[] v, final float[] w,
		final int[] refractory, final float[] input, final float[] conductance, final float[][] p,
		final int[] refractorySteps,
		final int substeps, final float dt, final int[] fired, int count)
	{
		final float[] cm = p[0], gl = p[1], el = p[2], vt = p[3], slope = p[4], tauw = p[5], a = p[6], b = p[7],
				reset = p[8], peak = p[9];
		final float h = org.spiketune.sim.NeuronState.substep(dt, substeps);
		for (int l = lo; l < hi; l++) {
			float vi = v[l];
			float wi = w[l];
			final float current = input[l];
			final float g = conductance == null ? 0f : conductance[l];
			boolean spiked = false;
			for (int s = 0; s < substeps; s++) {
				if (refractory[l] > 0 || spiked) {
					vi = reset[l];
					wi += h * ((a[l] * (vi - el[l]) - wi) / tauw[l]);
					continue;
				}
				final float exponent = Math.min((vi - vt[l]) / slope[l], 20f);
				final float spikeCurrent = gl[l] * slope[l] * (float) Math.exp(exponent);
				final float dv = (-gl[l] * (vi - el[l]) + spikeCurrent - wi + current) / cm[l];
				final float dw = (a[l] * (vi - el[l]) - wi) / tauw[l];
				vi = g == 0f ? vi + h * dv : (vi + h * dv) / (1f + h * g / cm[l]);
				wi += h * dw;
				if (vi >= peak[l]) {
					vi = reset[l];
					wi += b[l];
					spiked = true;
				}
			}
			if (spiked) {
				refractory[l] = refractorySteps[l];
				fired[count++] = offset + l;
			}
			else if (refractory[l] > 0) refractory[l]--;
			v[l] = vi;
			w[l] = wi;
		}
		return count;
	}

	/**
	 * LIF, integrated exactly for input constant over the step: {@code v <- vInf + (v - vInf) decay} with
	 * {@code vInf = vrest + R I} ({@code MOhm * pA = uV}, hence the 1e-3) and {@code decay = exp(-dt/tau)}.
	 * A neuron with synaptic conductance G (nS; its drive G·E is in {@code input}) is exact too: with
	 * {@code k = R G 1e-3}, {@code vInf = (vrest + R I 1e-3) / (1 + k)} and {@code decay = exp(-dt (1 + k) / tau)}.
	 */
	static void lifIntegrate(final int lo, final int hi, final float[] v, final float[] input,
		final float[] conductance, final float[] tau, final float[] rest, final float[] resistance,
		final float[] decay, final float dt)
	{
		for (int l = lo; l < hi; l++) {
			final float g = conductance == null ? 0f : conductance[l];
			if (g == 0f) {
				final float target = rest[l] + resistance[l] * input[l] * 1e-3f;
				v[l] = target + (v[l] - target) * decay[l];
			}
			else {
				final float k = resistance[l] * g * 1e-3f;
				final float target = (rest[l] + resistance[l] * input[l] * 1e-3f) / (1f + k);
				final float shunted = (float) Math.exp(-(dt * (1f + k) / tau[l]));
				v[l] = target + (v[l] - target) * shunted;
			}
		}
	}

	/**
	 * LIF threshold and refractoriness: a refractory neuron is held at vreset (whatever integration did);
	 * {@code v >= vth} -> spike, {@code v <- vreset}, refractory for {@code refractorySteps}.
	 */
	static int lifReset(final int lo, final int hi, final int offset, final float[] v, final int[] refractory,
		final float[] reset, final float[] threshold, final int[] refractorySteps, final int[] fired, int count)
	{
		for (int l = lo; l < hi; l++) {
			if (refractory[l] > 0) {
				refractory[l]--;
				v[l] = reset[l];
			}
			else if (v[l] >= threshold[l]) {
				v[l] = reset[l];
				refractory[l] = refractorySteps[l];
				fired[count++] = offset + l;
			}
		}
		return count;
	}
}
