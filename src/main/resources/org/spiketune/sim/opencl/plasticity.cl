// Plasticity phase (sim.PlasticRule, cpu.PlasticProjection): nearest-neighbour STDP by traces and
// homeostatic scaling, for one plastic dense projection of one member in one step. Each accumulator gets
// its contributions in the CPU backend's order (a source spike, then a target spike), and the weight update
// repeats PlasticRule.applied operation for operation.

float plastic_applied(float w, float accumulated, float rate, __global const float* c)
{
	float change;
	if (c[PL_HOMEOSTASIS] != 0.0f) {
		const float difference = 1.0f - rate / c[PL_TARGET_RATE];
		const float k = rate / (c[PL_AVERAGING_S] * (1.0f + fabs(difference) * c[PL_GAMMA]));
		change = (c[PL_ALPHA] * w * difference + c[PL_BETA] * accumulated) * k;
	}
	else {
		change = c[PL_DRIFT] + c[PL_BETA] * accumulated;
	}
	const float next = w + change;
	return next < c[PL_MIN_WEIGHT] ? c[PL_MIN_WEIGHT] : next > c[PL_MAX_WEIGHT] ? c[PL_MAX_WEIGHT] : next;
}

// x: source traces, y: target traces, r: target average rates, w/acc: [source][target]
void learn(int step, int count, __global const int* spikes_m, __global const int* proj,
	__global const float* c, __global float* w, __global float* acc, __global float* x, __global float* y,
	__global float* r, int lid, int size)
{
	const int ns = proj[P_SOURCE_SIZE], nt = proj[P_TARGET_SIZE];
	const int so = proj[P_SOURCE_OFFSET], to = proj[P_TARGET_OFFSET];
	// (1) decay
	for (int i = lid; i < ns; i += size) x[i] = decayed(x[i], c[PL_PRE_DECAY]);
	for (int j = lid; j < nt; j += size) {
		y[j] = decayed(y[j], c[PL_POST_DECAY]);
		r[j] = decayed(r[j], c[PL_RATE_DECAY]);
	}
	barrier(CLK_GLOBAL_MEM_FENCE);
	// (2) source spikes meet the target traces: one item per target column
	const float post_amp = c[PL_POST_AMP];
	for (int j = lid; j < nt; j += size) {
		const float yj = y[j];
		for (int k = 0; k < count; k++) {
			const int s = spikes_m[k];
			if (s >= so && s < so + ns) {
				const size_t e = (size_t)(s - so) * nt + j;
				acc[e] = acc[e] + post_amp * yj;
			}
		}
	}
	barrier(CLK_GLOBAL_MEM_FENCE);
	// (3) source traces of spiking sources
	for (int k = lid; k < count; k += size) {
		const int s = spikes_m[k];
		if (s >= so && s < so + ns) x[s - so] = 1.0f;
	}
	barrier(CLK_GLOBAL_MEM_FENCE);
	// (4) target spikes meet the source traces: one item per source row
	const float pre_amp = c[PL_PRE_AMP];
	for (int i = lid; i < ns; i += size) {
		const float xi = x[i];
		for (int k = 0; k < count; k++) {
			const int s = spikes_m[k];
			if (s >= to && s < to + nt) {
				const size_t e = (size_t)i * nt + (s - to);
				acc[e] = acc[e] + pre_amp * xi;
			}
		}
	}
	barrier(CLK_GLOBAL_MEM_FENCE);
	// (5) target traces and rates of spiking targets
	for (int k = lid; k < count; k += size) {
		const int s = spikes_m[k];
		if (s >= to && s < to + nt) {
			y[s - to] = 1.0f;
			r[s - to] = r[s - to] + c[PL_RATE_INCREMENT];
		}
	}
	barrier(CLK_GLOBAL_MEM_FENCE);
	// (6) apply at the end of each interval and of learning
	if ((step + 1) % proj[P_APPLY_EVERY] == 0 || step + 1 == proj[P_UNTIL]) {
		const size_t synapses = (size_t)ns * nt;
		for (size_t e = lid; e < synapses; e += size) {
			w[e] = plastic_applied(w[e], acc[e], r[e % nt], c);
			acc[e] = 0.0f;
		}
		barrier(CLK_GLOBAL_MEM_FENCE);
	}
}
