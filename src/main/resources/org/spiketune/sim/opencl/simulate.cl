// The simulation kernel: one work-group per batch member, advancing it from its steps_done to step_end (or
// until its event buffer could overflow in the next step; the host drains it and launches again). Each step
// runs the phases of the other files in the CPU backend's order: input and noise, state update, threshold
// and reset (phase A, neurons in chunks of four per item); recording; propagation (propagate.cl).

__kernel void simulate(
	// network
	const int n, const int ring, const int traced_count, const int total_steps, const float dt,
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
	__global const float* drive_mod, __local int* scan)
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
	__global const float* params_m = params + (size_t)m * MAX_PARAMS * n;
	__global const int* refractory_steps_m = refractory_steps + (size_t)m * n;
	__global int* spikes_m = spikes + (size_t)m * n;
	__global int* out_step_m = out_step + (size_t)m * capacity;
	__global int* out_neuron_m = out_neuron + (size_t)m * capacity;
	__global float* trace_v_m = trace_v + (size_t)m * total_steps * traced_count;
	__global float* trace_u_m = trace_u + (size_t)m * total_steps * traced_count;

	int recorded = out_count[m];
	int step = steps_done[m];
	barrier(CLK_GLOBAL_MEM_FENCE);
	for (; step < step_end && recorded + n <= capacity; step++) {
		const int slot = step % ring;
		// phase A: input, noise, update, threshold and reset; spikes compacted in ascending order
		int count = 0;
		for (int chunk = 0; chunk < n; chunk += 4 * size) {
			const int q = chunk + 4 * lid;
			int fired[4];
			int nf = 0;
			if (q < n) {
				// each block drawn only when a neuron of the four needs it (noise, or a Poisson source)
				uint4 nw = (uint4)(0u), pw = (uint4)(0u);
				int have_nw = 0, have_pw = 0;
				for (int j = 0; j < 4; j++) {
					const int i = q + j;
					if (i >= n) break;
					const int g = neuron_group[i];
					__global const int* gt = group_table + g * GROUP_FIELDS;
					const int kind = gt[G_KIND];
					int spiked = 0;
					if (kind == KIND_REPLAY) {
						// refractory holds how many of the neuron's replayed steps have passed
						const int k = replay_first[i] + refractory_m[i];
						if (k < replay_first[i + 1] && replay_steps[k] == step) {
							spiked = 1;
							refractory_m[i] = refractory_m[i] + 1;
						}
					}
					else if (kind == KIND_POISSON) {
						if (!have_pw) {
							pw = philox((uint)(q >> 2), (uint)step, STREAM_POISSON, 0u, k0, k1);
							have_pw = 1;
						}
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
						spiked = poisson_fires(j == 0 ? pw.x : j == 1 ? pw.y : j == 2 ? pw.z : pw.w, probability);
					}
					else {
						if (!have_nw && noise[m * groups + g] != 0.0f) {
							nw = philox((uint)(q >> 2), (uint)step, STREAM_NOISE, 0u, k0, k1);
							have_nw = 1;
						}
						const uint noise_word = j == 0 ? nw.x : j == 1 ? nw.y : j == 2 ? nw.z : nw.w;
						float vi = v_m[i], ui = u_m[i];
						float conductance;
						float input = gather_input(i, n, ring, slot, group_channels, gt[G_CHANNEL_FIRST],
							gt[G_CHANNEL_COUNT], channel_kind, channel_decay, channel_reversal, vi, ring_m, current_m,
							&conductance);
						const float external = bias[m * groups + g] + step_gain[m * groups + g] * step_current(step,
							step_bounds, step_amps, gt[G_STEP_FIRST], gt[G_STEP_COUNT]);
						input = add_external(input, external, noise[m * groups + g], noise_word, i, step, k0, k1, accept,
							width, density);
						int ri = refractory_m[i];
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
					}
					if (spiked) fired[nf++] = i;
				}
			}
			int total;
			const int offset = work_group_offset(nf, scan, lid, size, &total);
			for (int k = 0; k < nf; k++) spikes_m[count + offset + k] = fired[k];
			count += total;
		}
		barrier(CLK_GLOBAL_MEM_FENCE);
		// recording
		record_spikes(step, count, recorded, spikes_m, out_step_m, out_neuron_m, lid, size);
		record_traces(step, traced_count, traced, neuron_group, group_table, v_m, u_m, trace_v_m, trace_u_m, lid,
			size);
		recorded += count;
		// plasticity, projection by projection, before the step's spikes leave with the updated weights
		for (int p = 0; p < projections; p++) {
			__global const int* proj = proj_table + p * PROJ_FIELDS;
			if (proj[P_PLASTIC] && step < proj[P_UNTIL]) {
				learn(step, count, spikes_m, proj, plastic_consts + ((size_t)m * projections + p) * PL_FIELDS,
					plastic_w_m + proj[P_PLASTIC_SYNAPSES], plastic_acc_m + proj[P_PLASTIC_SYNAPSES],
					source_trace_m + proj[P_PLASTIC_SOURCES], target_trace_m + proj[P_PLASTIC_TARGETS],
					average_rate_m + proj[P_PLASTIC_TARGETS], lid, size);
			}
		}
		// propagation: spikes ascending, each through its group's projections in order
		for (int k = 0; k < count; k++) {
			const int s = spikes_m[k];
			__global const int* gt = group_table + neuron_group[s] * GROUP_FIELDS;
			for (int o = 0; o < gt[G_OUT_COUNT]; o++) {
				const int p = group_out[gt[G_OUT_FIRST] + o];
				propagate(s, proj_table + p * PROJ_FIELDS, step, n, ring, gain[m * projections + p], weights, plastic_w_m, rows,
					targets, delays, ring_m, lid, size);
				barrier(CLK_GLOBAL_MEM_FENCE);
			}
		}
	}
	if (lid == 0) {
		out_count[m] = recorded;
		steps_done[m] = step;
	}
}
