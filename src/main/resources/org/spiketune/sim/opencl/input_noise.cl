// Input phase (MemberRun.gatherSynapticInput and addExternalInput): what arrives now on the neuron's
// channels, in the group's channel order (the slot is cleared for reuse), conductances acting at the
// step's starting v, then bias, gain * current steps and noise * N(0,1).

float gather_input(int i, int n, int ring, int slot, __global const int* group_channels, int first, int count,
	__global const int* channel_kind, __global const float* channel_decay, __global const float* channel_reversal,
	float v, __global float* ring_m, __global float* current_m, float* conductance)
{
	float input = 0.0f;
	float total = 0.0f;
	for (int k = 0; k < count; k++) {
		const int c = group_channels[first + k];
		__global float* cell = ring_m + ((size_t)c * ring + slot) * n + i;
		const float arriving = *cell;
		*cell = 0.0f;
		if (channel_kind[c] == CHANNEL_PULSE) {
			input = k == 0 ? arriving : input + arriving;
		}
		else {
			// a decaying current, or a conductance g contributing g E and g (MemberRun.gatherSynapticInput)
			const float value = decayed(current_m[(size_t)c * n + i], channel_decay[c]) + arriving;
			current_m[(size_t)c * n + i] = value;
			float contribution = value;
			if (channel_kind[c] != CHANNEL_EXPONENTIAL) {
				float acting = value;
				if (channel_kind[c] == CHANNEL_GATED_CONDUCTANCE) {
					const float x = (v + 80.0f) / 60.0f;
					const float x2 = x * x;
					acting = value * (x2 / (1.0f + x2));
				}
				contribution = acting * channel_reversal[c];
				total += acting;
			}
			input = k == 0 ? contribution : input + contribution;
		}
	}
	*conductance = total;
	return input;
}

// Sum of the group's current steps active in this step, in list order (CompiledGroup.stepCurrent).
float step_current(int step, __global const int* step_bounds, __global const float* step_amps, int first,
	int count)
{
	float sum = 0.0f;
	for (int k = first; k < first + count; k++) {
		if (step >= step_bounds[2 * k] && step < step_bounds[2 * k + 1]) sum += step_amps[k];
	}
	return sum;
}

// input + (bias + steps) + sigma * z, z the neuron's normal number of this step.
float add_external(float input, float external, float sigma, uint word, int i, int step, uint k0, uint k1,
	__global const int* accept, __global const float* width, __global const double* density)
{
	if (sigma == 0.0f) return external != 0.0f ? input + external : input;
	int slow;
	float z = ziggurat_fast(word, accept, width, &slow);
	if (slow) {
		PhiloxStream more = philox_stream(k0, k1, (uint)i, (uint)step, STREAM_NOISE | SLOW_PATH_BIT);
		z = ziggurat_slow(word, &more, accept, width, density);
	}
	return input + external + sigma * z;
}
