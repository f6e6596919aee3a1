// Threshold-and-reset phase (NeuronKernels.izhikevichReset, lifReset). Each returns 1 on a spike.

int izhikevich_reset(float* v, float* u, float c, float d, float peak) {
	if (*v >= peak) {
		*v = c;
		*u = *u + d;
		return 1;
	}
	return 0;
}

int lif_reset(float* v, int* refractory, float reset, float threshold, int refractory_steps) {
	if (*refractory > 0) {
		*refractory = *refractory - 1;
		*v = reset;
		return 0;
	}
	if (*v >= threshold) {
		*v = reset;
		*refractory = refractory_steps;
		return 1;
	}
	return 0;
}
