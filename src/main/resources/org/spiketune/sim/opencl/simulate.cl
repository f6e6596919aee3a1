// The simulation kernel: one work-group per batch member, advancing it from its steps_done to step_end (or
// until its event buffer could overflow in the next step; the host drains it and launches again). Each step
// runs the phases of the other files in the CPU backend's order: input and noise, state update, threshold
// and reset (phase A: group by group, one neuron per item, spikes marked in a bitmap); compaction of the
// bitmap into the ascending spike list; recording; plasticity; propagation (propagate.cl). Phase A needs no
// barrier and the compaction one work-group scan per step, whatever the network's size.

// Phase A for neuron i of group g: replayed, Poisson or model neuron; returns whether it fires.
int neuron_step(const int i, const int g, __global const int* gt, const int m, const int n, const int ring,
	const int slot, const int step, const float dt, const int groups, const int drives, const uint k0, const uint k1,
	__global const float* group_h, __global const int* group_channels, __global const int* step_bounds,
	__global const float* step_amps, __global const int* channel_kind, __global const float* channel_decay,
	__global const float* channel_reversal, __global const int* accept, __global const float* width,
	__global const double* density, __global const int* replay_first, __global const int* replay_steps,
	__global const float* drive_frames, __global const int* drive_table, __global const float* drive_gap,
	__global const float* params_m, __global const int* refractory_steps_m, __global const float* bias,
	__global const float* noise, __global const float* step_gain, __global float* v_m, __global float* u_m,
	__global int* refractory_m, __global float* ring_m, __global float* current_m,
	__global const int* window_start, __global const int* drive_frame, __global const float* drive_mod)
{
	const int kind = gt[G_KIND];
	if (kind == KIND_REPLAY) {
		// refractory holds how many of the neuron's replayed steps have passed
		const int k = replay_first[i] + refractory_m[i];
		if (k < replay_first[i + 1] && replay_steps[k] == step) {
			refractory_m[i] = refractory_m[i] + 1;
			return 1;
		}
		return 0;
	}
	// random words come in blocks of four neurons (i / 4, lane i % 4), whatever the group layout. One neuron
	// per item draws its block itself: on a GPU that costs less than the longer loop of four neurons per item.
	const uint block = (uint)(i >> 2);
	const int lane = i & 3;
	if (kind == KIND_POISSON) {
		const uint4 pw = philox(block, (uint)step, STREAM_POISSON, 0u, k0, k1);
		float probability = params_m[i];
		const int d = gt[G_DRIVE];
		if (d >= 0) {
			// this launch's window of the member's schedule: frame shown and contrast per step
			const size_t w = ((size_t)m * drives + d) * STEPS_PER_LAUNCH + (step - window_start[m]);
			const int f = drive_frame[w];
			const float value = f < 0 ? 0.0f : drive_frames[drive_table[2 * d] + f * drive_table[2 * d + 1] +
				(i - gt[G_OFFSET])];
			probability = driven_probability(f, value, drive_mod[w], gt[G_POLARITY], probability, drive_gap[d]);
		}
		return poisson_fires(lane == 0 ? pw.x : lane == 1 ? pw.y : lane == 2 ? pw.z : pw.w, probability);
	}
	uint noise_word = 0u;
	if (noise[m * groups + g] != 0.0f) {
		const uint4 nw = philox(block, (uint)step, STREAM_NOISE, 0u, k0, k1);
		noise_word = lane == 0 ? nw.x : lane == 1 ? nw.y : lane == 2 ? nw.z : nw.w;
	}
	float vi = v_m[i], ui = u_m[i];
	float conductance;
	float input = gather_input(i, n, ring, slot, group_channels, gt[G_CHANNEL_FIRST], gt[G_CHANNEL_COUNT],
		channel_kind, channel_decay, channel_reversal, vi, ring_m, current_m, &conductance);
	const float external = bias[m * groups + g] + step_gain[m * groups + g] * step_current(step, step_bounds,
		step_amps, gt[G_STEP_FIRST], gt[G_STEP_COUNT]);
	input = add_external(input, external, noise[m * groups + g], noise_word, i, step, k0, k1, accept, width,
		density);
	int ri = refractory_m[i];
	int spiked;
	if (kind == KIND_IZHIKEVICH) {
		izhikevich_integrate(&vi, &ui, input, conductance, params_m[0 * n + i], params_m[1 * n + i], gt[G_SUBSTEPS],
			group_h[g], dt);
		spiked = izhikevich_reset(&vi, &ui, params_m[2 * n + i], params_m[3 * n + i], params_m[4 * n + i]);
	}
	else if (kind == KIND_ADEX) {
		spiked = adex_update(&vi, &ui, &ri, input, conductance, params_m, n, i, refractory_steps_m[i], gt[G_SUBSTEPS],
			group_h[g]);
	}
	else {
		lif_integrate(&vi, input, conductance, params_m[0 * n + i], dt, params_m[1 * n + i], params_m[4 * n + i],
			params_m[LIF_DECAY_SLOT * n + i]);
		spiked = lif_reset(&vi, &ri, params_m[2 * n + i], params_m[3 * n + i], refractory_steps_m[i]);
	}
	v_m[i] = vi;
	u_m[i] = ui;
	refractory_m[i] = ri;
	return spiked;
}

__kernel void simulate(
	// network
	const int n, const int ring, const int traced_count, const int traced_steps, const int trace_first,
	const float dt,
	__global const int* group_table, __global const float* group_h, __global const int* group_channels,
	__global const int* group_out, __global const int* neuron_group, __global const int* step_bounds,
	__global const float* step_amps, __global const int* proj_table, __global const float* weights,
	__global const int* rows, __global const int* targets, __global const int* delays,
	__global const int* channel_kind, __global const float* channel_decay, __global const int* traced,
	__global const int* accept, __global const float* width, __global const double* density,
	__global const int* replay_first, __global const int* replay_steps, __global const float* channel_reversal,
	__global const float* drive_frames, __global const int* drive_table, __global const float* drive_gap,
	// members
	const int channels, const int groups, const int projections, __global const uint* keys,
	__global const float* params, __global const int* refractory_steps, __global const float* bias,
	__global const float* noise, __global const float* step_gain, __global const float* gain,
	const int plastic_synapses, const int plastic_sources, const int plastic_targets,
	__global const float* plastic_consts,
	// state
	__global float* v, __global float* u, __global int* refractory, __global float* rings,
	__global float* currents, __global float* plastic_w, __global float* plastic_acc,
	__global float* source_trace, __global float* target_trace, __global float* average_rate,
	// this launch
	const int step_end, const int capacity, __global int* spikes, __global int* out_step,
	__global int* out_neuron, __global int* out_count, __global int* steps_done, __global float* trace_v,
	__global float* trace_u, const int drives, __global const int* window_start, __global const int* drive_frame,
	__global const float* drive_mod, __global uint* spike_bits, const int outs, const int cache, __local int* scan,
	__local int* tables)
{
	const int m = get_group_id(0);
	const int lid = get_local_id(0);
	const int size = get_local_size(0);
	const uint k0 = keys[2 * m], k1 = keys[2 * m + 1];
	__global float* v_m = v + (size_t)m * n;
	__global float* u_m = u + (size_t)m * n;
	__global int* refractory_m = refractory + (size_t)m * n;
	__global float* ring_m = rings + (size_t)m * channels * ring * n;
	__global float* current_m = currents + (size_t)m * channels * n;
	__global float* plastic_w_m = plastic_w + (size_t)m * plastic_synapses;
	__global float* plastic_acc_m = plastic_acc + (size_t)m * plastic_synapses;
	__global float* source_trace_m = source_trace + (size_t)m * plastic_sources;
	__global float* target_trace_m = target_trace + (size_t)m * plastic_targets;
	__global float* average_rate_m = average_rate + (size_t)m * plastic_targets;
	__global const float* consts_m = plastic_consts + (size_t)m * projections * PL_FIELDS;
	__global const float* params_m = params + (size_t)m * MAX_PARAMS * n;
	__global const int* refractory_steps_m = refractory_steps + (size_t)m * n;
	__global int* spikes_m = spikes + (size_t)m * n;
	__global int* out_step_m = out_step + (size_t)m * capacity;
	__global int* out_neuron_m = out_neuron + (size_t)m * capacity;
	__global float* trace_v_m = trace_v + (size_t)m * traced_steps * traced_count;
	__global float* trace_u_m = trace_u + (size_t)m * traced_steps * traced_count;
	// two bitmaps of the neurons that fire, used in alternate steps: a step marks its own and clears the other
	const int words = (n + 31) >> 5;
	__global uint* bits_m = spike_bits + (size_t)m * 2 * words;
	// local copies of what the per-spike loops read over and over: the group and projection tables, the
	// groups' outgoing projections, each group's spikes in the step and the first `cache` spikes of the step
	__local int* group_local = tables;
	__local int* proj_local = group_local + groups * GROUP_FIELDS;
	__local int* out_local = proj_local + projections * PROJ_FIELDS;
	__local int* group_spikes = out_local + outs;
	__local int* spike_cache = group_spikes + groups;
	for (int k = lid; k < groups * GROUP_FIELDS; k += size) group_local[k] = group_table[k];
	for (int k = lid; k < projections * PROJ_FIELDS; k += size) proj_local[k] = proj_table[k];
	for (int k = lid; k < outs; k += size) out_local[k] = group_out[k];

	int recorded = out_count[m];
	int step = steps_done[m];
	barrier(CLK_GLOBAL_MEM_FENCE | CLK_LOCAL_MEM_FENCE);
	for (; step < step_end && recorded + n <= capacity; step++) {
		const int slot = step % ring;
		__global uint* bits = bits_m + (step & 1) * words;
		__global uint* other_bits = bits_m + ((step + 1) & 1) * words;
		for (int g = lid; g < groups; g += size) group_spikes[g] = 0;
		// phase A: input, noise, update, threshold and reset, group by group, one neuron per item
		for (int g = 0; g < groups; g++) {
			__global const int* gt = group_table + g * GROUP_FIELDS;
			const int end = gt[G_OFFSET] + gt[G_SIZE];
			for (int i = gt[G_OFFSET] + lid; i < end; i += size) {
				if (neuron_step(i, g, gt, m, n, ring, slot, step, dt, groups, drives, k0, k1, group_h, group_channels,
					step_bounds, step_amps, channel_kind, channel_decay, channel_reversal, accept, width, density,
					replay_first, replay_steps, drive_frames, drive_table, drive_gap, params_m, refractory_steps_m, bias,
					noise, step_gain, v_m, u_m, refractory_m, ring_m, current_m, window_start, drive_frame, drive_mod))
				{
					atomic_or(bits + (i >> 5), 1u << (i & 31));
				}
			}
		}
		barrier(CLK_GLOBAL_MEM_FENCE | CLK_LOCAL_MEM_FENCE);
		// compaction: each item takes a run of bitmap words; spikes listed in ascending order, counted by group
		const int count = compact_spikes(bits, other_bits, words, spikes_m, spike_cache, cache, neuron_group,
			group_spikes, scan, lid, size);
		barrier(CLK_GLOBAL_MEM_FENCE | CLK_LOCAL_MEM_FENCE);
		// recording
		record_spikes(step, count, recorded, spikes_m, out_step_m, out_neuron_m, lid, size);
		if (step >= trace_first) {
			record_traces(step - trace_first, traced_count, traced, neuron_group, group_table, v_m, u_m, trace_v_m,
				trace_u_m, lid, size);
		}
		recorded += count;
		// plasticity: traces and source-spike contributions of every learning projection, then, after a
		// barrier, the target-spike contributions; changes applied at the end of an interval
		int learning = 0, applying = 0;
		for (int p = 0; p < projections; p++) {
			__local const int* proj = proj_local + p * PROJ_FIELDS;
			if (learns(proj, step)) {
				learning = 1;
				applying |= applies(proj, step);
				learn_traces(spikes_m, spike_cache, cache, group_local, group_spikes, groups, bits, proj, consts_m + p *
					PL_FIELDS, plastic_acc_m + proj[P_PLASTIC_SYNAPSES], source_trace_m + proj[P_PLASTIC_SOURCES],
					target_trace_m + proj[P_PLASTIC_TARGETS], average_rate_m + proj[P_PLASTIC_TARGETS], lid, size);
			}
		}
		if (learning) {
			barrier(CLK_GLOBAL_MEM_FENCE);
			for (int p = 0; p < projections; p++) {
				__local const int* proj = proj_local + p * PROJ_FIELDS;
				if (learns(proj, step)) {
					learn_target_spikes(spikes_m, spike_cache, cache, group_local, group_spikes, groups, proj, consts_m + p *
						PL_FIELDS, plastic_acc_m + proj[P_PLASTIC_SYNAPSES], source_trace_m + proj[P_PLASTIC_SOURCES], lid, size);
				}
			}
		}
		if (applying) {
			barrier(CLK_GLOBAL_MEM_FENCE);
			for (int p = 0; p < projections; p++) {
				__local const int* proj = proj_local + p * PROJ_FIELDS;
				if (applies(proj, step)) {
					learn_apply(proj, consts_m + p * PL_FIELDS, plastic_w_m +
						proj[P_PLASTIC_SYNAPSES], plastic_acc_m + proj[P_PLASTIC_SYNAPSES], average_rate_m +
						proj[P_PLASTIC_TARGETS], lid, size);
				}
			}
			barrier(CLK_GLOBAL_MEM_FENCE);
		}
		// propagation: spikes ascending (group by group), each through its group's projections in order. Dense
		// and one-to-one targets are owned by items (propagate.cl), so only sparse ones need barriers around them.
		int owned_writes = 0;
		int first = 0;
		for (int g = 0; g < groups; g++) {
			__local const int* gt = group_local + g * GROUP_FIELDS;
			const int last = first + group_spikes[g];
			for (int k = first; k < last; k++) {
				const int s = spike_at(k, spikes_m, spike_cache, cache);
				for (int o = 0; o < gt[G_OUT_COUNT]; o++) {
					const int p = out_local[gt[G_OUT_FIRST] + o];
					__local const int* proj = proj_local + p * PROJ_FIELDS;
					const int sparse = proj[P_KIND] == CONN_SPARSE;
					if (sparse && owned_writes) barrier(CLK_GLOBAL_MEM_FENCE);
					propagate(s, proj, step, n, ring, gain[m * projections + p], weights, plastic_w_m, rows, targets,
						delays, ring_m, lid, size);
					if (sparse) barrier(CLK_GLOBAL_MEM_FENCE);
					owned_writes = !sparse;
				}
			}
			first = last;
		}
		barrier(CLK_GLOBAL_MEM_FENCE);
	}
	if (lid == 0) {
		out_count[m] = recorded;
		steps_done[m] = step;
	}
}
