// Recording phase: the step's spikes, compacted in ascending neuron order, appended to the member's event
// list; the traced neurons' v and u (0 for LIF and sources) of the step, as trace sample `sample` (the step
// less the first traced one).

// Exclusive prefix sum of each item's count over the work-group's first `active` items (the others count 0);
// returns the item's offset, *total the sum. On a GPU (PARALLEL_SCAN) in log2(active) steps; on a CPU device
// one item adds up, which costs fewer barriers.
int work_group_offset(int count, __local int* scan, int lid, int size, int active, int* total) {
	scan[lid] = count;
	barrier(CLK_LOCAL_MEM_FENCE);
#ifdef PARALLEL_SCAN
	for (int d = 1; d < active; d <<= 1) {
		const int add = lid >= d ? scan[lid - d] : 0;
		barrier(CLK_LOCAL_MEM_FENCE);
		scan[lid] += add;
		barrier(CLK_LOCAL_MEM_FENCE);
	}
	const int offset = scan[lid] - count;
	*total = scan[active - 1];
#else
	if (lid == 0) {
		int sum = 0;
		for (int k = 0; k < active; k++) {
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

// The step's spikes from its bitmap into the ascending list spikes_m (its first `cache` also into the local
// spike_cache), counting each group's in group_spikes; each item takes a run of words and clears the same
// words of the other bitmap, which the next step marks. Returns the number of spikes.
int compact_spikes(__global const uint* bits, __global uint* other_bits, int words, __global int* spikes_m,
	__local int* spike_cache, int cache, __global const int* neuron_group, __local int* group_spikes,
	__local int* scan, int lid, int size)
{
	const int per = (words + size - 1) / size;
	const int first = lid * per;
	const int last = min(words, first + per);
	int mine = 0;
	for (int w = first; w < last; w++) mine += popcount(bits[w]);
	int total;
	int k = work_group_offset(mine, scan, lid, size, min(size, (words + per - 1) / per), &total);
	for (int w = first; w < last; w++) {
		uint b = bits[w];
		other_bits[w] = 0u;
		while (b != 0u) {
			const uint lowest = b & (~b + 1u);
			const int s = (w << 5) + (31 - (int)clz(lowest));
			spikes_m[k] = s;
			if (k < cache) spike_cache[k] = s;
			k++;
			atomic_inc(group_spikes + neuron_group[s]);
			b ^= lowest;
		}
	}
	return total;
}

// The step's k-th spike: from the local cache when it holds it.
int spike_at(int k, __global const int* spikes_m, __local const int* spike_cache, int cache) {
	return k < cache ? spike_cache[k] : spikes_m[k];
}

// The range [*first, *last) of the step's spike list holding the spikes of the group starting at neuron
// `offset` (spikes are listed in ascending order and groups are contiguous, in order).
void group_spike_range(int offset, __local const int* group_local, __local const int* group_spikes, int groups,
	int* first, int* last)
{
	int k = 0;
	for (int g = 0; g < groups; g++) {
		if (group_local[g * GROUP_FIELDS + G_OFFSET] == offset) {
			*first = k;
			*last = k + group_spikes[g];
			return;
		}
		k += group_spikes[g];
	}
	*first = 0;
	*last = 0;
}

void record_spikes(int step, int count, int base, __global const int* spikes_m, __global int* out_step_m,
	__global int* out_neuron_m, int lid, int size)
{
	for (int k = lid; k < count; k += size) {
		out_step_m[base + k] = step;
		out_neuron_m[base + k] = spikes_m[k];
	}
}

void record_traces(int sample, int traced_count, __global const int* traced, __global const int* neuron_group,
	__global const int* group_table, __global const float* v_m, __global const float* u_m,
	__global float* trace_v_m, __global float* trace_u_m, int lid, int size)
{
	for (int j = lid; j < traced_count; j += size) {
		const int i = traced[j];
		const int kind = group_table[neuron_group[i] * GROUP_FIELDS + G_KIND];
		trace_v_m[(size_t)sample * traced_count + j] = v_m[i];
		trace_u_m[(size_t)sample * traced_count + j] = kind == KIND_LIF ? 0.0f : u_m[i];
	}
}
