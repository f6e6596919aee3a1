// State-update phase of each model (NeuronKernels), the same float operations in the same order.

// Izhikevich (2003): v in substeps Euler steps of h = dt / substeps, then u in one step of dt; the summed
// synaptic conductance g acts linearly implicitly, v <- (v + h (f(v) - u + input)) / (1 + h g) (exact
// Euler when g = 0, as on the CPU).
void izhikevich_integrate(float* v, float* u, float input, float g, float a, float b, int substeps, float h,
	float dt)
{
	float vv = *v;
	const float ui = *u;
	const float shunt = 1.0f + h * g;
	for (int s = 1; s < substeps; s++) vv = (vv + h * ((0.04f * vv + 5.0f) * vv + 140.0f - ui + input)) / shunt;
	const float vi = (vv + h * ((0.04f * vv + 5.0f) * vv + 140.0f - ui + input)) / shunt;
	*v = vi;
	*u = ui + dt * (a * (b * vi - ui));
}

// AdEx, forward Euler in substeps; after a spike v sits at vreset (threshold inside, as on the CPU).
// Returns 1 when the neuron spiked in this step.
int adex_update(float* v, float* w, int* refractory, float input, float g, __global const float* p, int n, int i,
	int refractory_steps, int substeps, float h)
{
	const float cm = p[0 * n + i], gl = p[1 * n + i], el = p[2 * n + i], vt = p[3 * n + i], slope = p[4 * n + i],
		tauw = p[5 * n + i], a = p[6 * n + i], b = p[7 * n + i], reset = p[8 * n + i], peak = p[9 * n + i];
	float vi = *v;
	float wi = *w;
	int spiked = 0;
	for (int s = 0; s < substeps; s++) {
		if (*refractory > 0 || spiked) {
			vi = reset;
			wi = wi + h * ((a * (vi - el) - wi) / tauw);
			continue;
		}
		const float e = (vi - vt) / slope;
		const float exponent = isnan(e) ? e : (e < 20.0f ? e : 20.0f);
		const float spike_current = gl * slope * (float)exp((double)exponent);
		const float dv = (-gl * (vi - el) + spike_current - wi + input) / cm;
		const float dw = (a * (vi - el) - wi) / tauw;
		vi = g == 0.0f ? vi + h * dv : (vi + h * dv) / (1.0f + h * g / cm);
		wi = wi + h * dw;
		if (vi >= peak) {
			vi = reset;
			wi = wi + b;
			spiked = 1;
		}
	}
	if (spiked) *refractory = refractory_steps;
	else if (*refractory > 0) *refractory = *refractory - 1;
	*v = vi;
	*w = wi;
	return spiked;
}

// LIF, exact for input constant over the step: v <- vInf + (v - vInf) decay, vInf = vrest + R I (uV -> mV);
// with synaptic conductance g, k = R g 1e-3: vInf = (vrest + R I 1e-3) / (1 + k), decay exp(-dt (1 + k) / tau).
void lif_integrate(float* v, float input, float g, float tau, float dt, float rest, float resistance, float decay) {
	if (g == 0.0f) {
		const float target = rest + resistance * input * 1e-3f;
		*v = target + (*v - target) * decay;
	}
	else {
		const float k = resistance * g * 1e-3f;
		const float target = (rest + resistance * input * 1e-3f) / (1.0f + k);
		const float rate = dt * (1.0f + k) / tau;
		const float shunted = (float)exp((double)(-rate));
		*v = target + (*v - target) * shunted;
	}
}

// A Poisson source fires when the top 24 bits of its word, as a uniform in [0, 1), fall below p.
int poisson_fires(uint word, float probability) {
	return (float)(word >> 8) * 0x1.0p-24f < probability;
}

// A driven Poisson neuron's probability in a step (sim.CompiledDrive.probability): the shown frame's value,
// modulated and rectified by polarity, times the neuron's own probability; the gap's outside presentations.
float driven_probability(int frame, float frame_value, float modulation, int polarity, float own, float gap)
{
	if (frame < 0) return gap;
	const float v = frame_value * modulation;
	const float value = polarity > 0 ? (v > 0.0f ? v : 0.0f) : (-v > 0.0f ? -v : 0.0f);
	return value * own;
}
