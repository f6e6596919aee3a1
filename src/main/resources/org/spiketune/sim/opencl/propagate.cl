// Spike-propagation phase (MemberRun.Partition.push): one spike through one projection into the delay
// rings of its targets. Dense and one-to-one: each target neuron t belongs to item t % size, which adds to
// its cells every spike in order, so no barrier is needed between spikes. Sparse: the items spread over the
// row's synapses, with a barrier after each (in simulate.cl). Either way every target sums its inputs in the
// CPU backend's order. A two-receptor synapse adds the spike to its fast channel, then to its slow one
// (MemberRun.Partition.push and deliver).

void deliver(int s, __local const int* proj, int channel, int step, int n, int ring, float gain,
	__global const float* weights, __global const float* plastic_w_m, __global const int* rows,
	__global const int* targets, __global const int* delays, __global float* ring_m, int lid, int size);

void propagate(int s, __local const int* proj, int step, int n, int ring, float gain,
	__global const float* weights, __global const float* plastic_w_m, __global const int* rows,
	__global const int* targets, __global const int* delays, __global float* ring_m, int lid, int size)
{
	deliver(s, proj, proj[P_CHANNEL], step, n, ring, gain * as_float(proj[P_FAST_SCALE]), weights, plastic_w_m,
		rows, targets, delays, ring_m, lid, size);
	if (proj[P_SLOW_CHANNEL] >= 0) {
		deliver(s, proj, proj[P_SLOW_CHANNEL], step, n, ring, gain * as_float(proj[P_SLOW_SCALE]), weights,
			plastic_w_m, rows, targets, delays, ring_m, lid, size);
	}
}

void deliver(int s, __local const int* proj, int channel, int step, int n, int ring, float gain,
	__global const float* weights, __global const float* plastic_w_m, __global const int* rows,
	__global const int* targets, __global const int* delays, __global float* ring_m, int lid, int size)
{
	const int kind = proj[P_KIND];
	const int row = s - proj[P_SOURCE_OFFSET];
	const int target_offset = proj[P_TARGET_OFFSET];
	const int delay = proj[P_DELAY];
	if (kind == CONN_DENSE) {
		const int nt = proj[P_TARGET_SIZE];
		__global float* buffer = ring_m + ((size_t)channel * ring + (step + delay) % ring) * n + target_offset;
		// a plastic projection reads the member's own, learned weights
		__global const float* w = (proj[P_PLASTIC] ? plastic_w_m + proj[P_PLASTIC_SYNAPSES] : weights +
			proj[P_WEIGHTS]) + (size_t)row * nt;
		// the first t with (target_offset + t) % size == lid
		const int first = ((lid - target_offset % size) % size + size) % size;
		for (int t = first; t < nt; t += size) buffer[t] = buffer[t] + w[t] * gain;
	}
	else if (kind == CONN_ONE_TO_ONE) {
		if (lid == (target_offset + row) % size) {
			__global float* cell = ring_m + ((size_t)channel * ring + (step + delay) % ring) * n + target_offset + row;
			*cell = *cell + weights[proj[P_WEIGHTS] + row] * gain;
		}
	}
	else {
		const int first = rows[proj[P_ROWS] + row], last = rows[proj[P_ROWS] + row + 1];
		for (int k = first + lid; k < last; k += size) {
			const int d = delay >= 0 ? delay : delays[proj[P_DELAYS] + k];
			__global float* cell = ring_m + ((size_t)channel * ring + (step + d) % ring) * n + target_offset +
				targets[proj[P_TARGETS] + k];
			*cell = *cell + weights[proj[P_WEIGHTS] + k] * gain;
		}
	}
}
