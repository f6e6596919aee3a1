// Plasticity phase (sim.PlasticRule, cpu.PlasticProjection): nearest-neighbour STDP by traces and
// homeostatic scaling, for the plastic dense projections of one member in one step. Each accumulator gets
// its contributions in the CPU backend's order (a source spike, then a target spike), and the weight update
// repeats PlasticRule.applied operation for operation. Each trace and accumulator has one owning item per
// part, so a step needs one barrier between the parts (and two more when changes are applied).

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

// Whether neuron i fires in this step (its bit in the step's bitmap).
int fires(__global const uint* bits, int i) {
	return (bits[i >> 5] >> (i & 31)) & 1u;
}

// One step of one plastic projection, in two parts with a barrier between (simulate.cl). x: source traces,
// y: target traces, r: target average rates, w/acc: [source][target].
// Part one: the item owning target column j decays y[j] and r[j], adds the source spikes' contributions
// (post_amp y[j]) to its column, then sets y[j] and r[j] if target j fires; the item owning source row i
// decays x[i] and sets it if source i fires.
void learn_traces(__global const int* spikes_m, __local const int* spike_cache, int cache,
	__local const int* group_local, __local const int* group_spikes, int groups, __global const uint* bits,
	__local const int* proj, __global const float* c, __global float* acc, __global float* x, __global float* y,
	__global float* r, int lid, int size)
{
	const int ns = proj[P_SOURCE_SIZE], nt = proj[P_TARGET_SIZE];
	const int so = proj[P_SOURCE_OFFSET], to = proj[P_TARGET_OFFSET];
	const float post_amp = c[PL_POST_AMP];
	int first, last;
	group_spike_range(so, group_local, group_spikes, groups, &first, &last);
	for (int j = lid; j < nt; j += size) {
		const float yj = decayed(y[j], c[PL_POST_DECAY]);
		const float rj = decayed(r[j], c[PL_RATE_DECAY]);
		for (int k = first; k < last; k++) {
			const size_t e = (size_t)(spike_at(k, spikes_m, spike_cache, cache) - so) * nt + j;
			acc[e] = acc[e] + post_amp * yj;
		}
		if (fires(bits, to + j)) {
			y[j] = 1.0f;
			r[j] = rj + c[PL_RATE_INCREMENT];
		}
		else {
			y[j] = yj;
			r[j] = rj;
		}
	}
	for (int i = lid; i < ns; i += size) x[i] = fires(bits, so + i) ? 1.0f : decayed(x[i], c[PL_PRE_DECAY]);
}

// Part two: the item owning source row i adds the target spikes' contributions (pre_amp x[i]) to its row,
// after part one's (the CPU backend's order for a synapse whose source and target both fire).
void learn_target_spikes(__global const int* spikes_m, __local const int* spike_cache, int cache,
	__local const int* group_local, __local const int* group_spikes, int groups, __local const int* proj,
	__global const float* c, __global float* acc, __global const float* x, int lid, int size)
{
	const int ns = proj[P_SOURCE_SIZE], nt = proj[P_TARGET_SIZE];
	const int to = proj[P_TARGET_OFFSET];
	const float pre_amp = c[PL_PRE_AMP];
	int first, last;
	group_spike_range(to, group_local, group_spikes, groups, &first, &last);
	if (first == last) return;
	for (int i = lid; i < ns; i += size) {
		const float xi = x[i];
		for (int k = first; k < last; k++) {
			const size_t e = (size_t)i * nt + (spike_at(k, spikes_m, spike_cache, cache) - to);
			acc[e] = acc[e] + pre_amp * xi;
		}
	}
}

// Whether the projection learns in this step, and whether its accumulated changes are applied at its end
// (each interval and when learning stops).
int learns(__local const int* proj, int step) {
	return proj[P_PLASTIC] && step < proj[P_UNTIL];
}

int applies(__local const int* proj, int step) {
	return learns(proj, step) && ((step + 1) % proj[P_APPLY_EVERY] == 0 || step + 1 == proj[P_UNTIL]);
}

void learn_apply(__local const int* proj, __global const float* c, __global float* w, __global float* acc,
	__global const float* r, int lid, int size)
{
	const int nt = proj[P_TARGET_SIZE];
	const size_t synapses = (size_t)proj[P_SOURCE_SIZE] * nt;
	for (size_t e = lid; e < synapses; e += size) {
		w[e] = plastic_applied(w[e], acc[e], r[e % nt], c);
		acc[e] = 0.0f;
	}
}
