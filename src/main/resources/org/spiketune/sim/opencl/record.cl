// Recording phase: the step's spikes, compacted in ascending neuron order, appended to the member's event
// list; the traced neurons' v and u (0 for LIF and sources) of the step.

// Exclusive prefix sum of each item's count over the work-group; returns the item's offset, *total the sum.
// On a GPU (PARALLEL_SCAN) in log2(size) steps; on a CPU device one item adds up, which costs fewer barriers.
int work_group_offset(int count, __local int* scan, int lid, int size, int* total) {
	scan[lid] = count;
	barrier(CLK_LOCAL_MEM_FENCE);
#ifdef PARALLEL_SCAN
	for (int d = 1; d < size; d <<= 1) {
		const int add = lid >= d ? scan[lid - d] : 0;
		barrier(CLK_LOCAL_MEM_FENCE);
		scan[lid] += add;
		barrier(CLK_LOCAL_MEM_FENCE);
	}
	const int offset = scan[lid] - count;
	*total = scan[size - 1];
#else
	if (lid == 0) {
		int sum = 0;
		for (int k = 0; k < size; k++) {
			const int c = scan[k];
			scan[k] = sum;
			sum += c;
		}
		scan[size] = sum;
	}
	barrier(CLK_LOCAL_MEM_FENCE);
	const int offset = scan[lid];
	*total = scan[size];
#endif
	barrier(CLK_LOCAL_MEM_FENCE);
	return offset;
}

void record_spikes(int step, int count, int base, __global const int* spikes_m, __global int* out_step_m,
	__global int* out_neuron_m, int lid, int size)
{
	for (int k = lid; k < count; k += size) {
		out_step_m[base + k] = step;
		out_neuron_m[base + k] = spikes_m[k];
	}
}

void record_traces(int step, int traced_count, __global const int* traced, __global const int* neuron_group,
	__global const int* group_table, __global const float* v_m, __global const float* u_m,
	__global float* trace_v_m, __global float* trace_u_m, int lid, int size)
{
	for (int j = lid; j < traced_count; j += size) {
		const int i = traced[j];
		const int kind = group_table[neuron_group[i] * GROUP_FIELDS + G_KIND];
		trace_v_m[(size_t)step * traced_count + j] = v_m[i];
		trace_u_m[(size_t)step * traced_count + j] = kind == KIND_LIF ? 0.0f : u_m[i];
	}
}
