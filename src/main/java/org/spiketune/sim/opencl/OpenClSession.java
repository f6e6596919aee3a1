package org.spiketune.sim.opencl;

import static org.jocl.CL.*;

import java.util.ArrayList;
import java.util.List;

import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_context_properties;
import org.jocl.cl_device_id;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;
import org.jocl.cl_program;
import org.jocl.cl_queue_properties;
import org.spiketune.random.Ziggurat;
import org.spiketune.sim.CompiledNetwork;
import org.spiketune.sim.MemberResult;
import org.spiketune.sim.MemberResults;
import org.spiketune.sim.NumericalFaults;
import org.spiketune.sim.MemoryEstimate;
import org.spiketune.sim.SimulationException;
import org.spiketune.sim.SimulationRequest;

/**
 * One OpenCL device, opened: context, queue, the built program, and the network's tables (kept on the device
 * while the same compiled network comes back, as it does every generation of a tuning run).
 *
 * @implNote One caller at a time ({@code synchronized}); close to free the device memory.
 */
final class OpenClSession implements AutoCloseable {

	private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(OpenClSession.class
		.getName());

	/** Steps simulated per launch at most; a launch also stops when a member's event buffer fills up. */
	static final int STEPS_PER_LAUNCH = 1000;

	final DeviceInfo info;
	private final cl_device_id device;
	private final cl_context context;
	private final cl_command_queue queue;
	private final cl_program program;
	private final cl_kernel kernel;
	private final int localSize;
	/** Bytes of local memory per work-group. */
	private final long localMemory;
	/** Device memory this session may use, in bytes (80% of the device's unless limited). */
	private final long memoryBudget;
	private CompiledNetwork uploaded;
	private DeviceNetwork packedNetwork;
	private final List<cl_mem> networkBuffers = new ArrayList<>();
	private long networkBytes;

	private OpenClSession(final OpenClPlatforms.Found found, final long memoryLimit) {
		info = found.info();
		memoryBudget = memoryLimit > 0 ? Math.min(memoryLimit, info.globalMemory()) : (long) (info.globalMemory() *
			0.8);
		device = found.device();
		final cl_context_properties properties = new cl_context_properties();
		properties.addProperty(CL_CONTEXT_PLATFORM, found.platform());
		context = clCreateContext(properties, 1, new cl_device_id[] { device }, null, null, null);
		queue = clCreateCommandQueueWithProperties(context, device, new cl_queue_properties(), null);
		final String[] sources = KernelSource.sources();
		program = clCreateProgramWithSource(context, sources.length, sources, null, null);
		try {
			clBuildProgram(program, 0, null, buildOptions(device, info), null, null);
		}
		catch (final CLException e) {
			throw new SimulationException("OpenCL kernels do not build on " + info.describe() + ":\n" + OpenClPlatforms
				.buildLog(program, device), e);
		}
		kernel = clCreateKernel(program, "simulate", null);
		final long[] kernelMax = new long[1];
		clGetKernelWorkGroupInfo(kernel, device, CL_KERNEL_WORK_GROUP_SIZE, Sizeof.size_t, Pointer.to(kernelMax),
			null);
		final long[] local = new long[1];
		clGetDeviceInfo(device, CL_DEVICE_LOCAL_MEM_SIZE, Sizeof.cl_ulong, Pointer.to(local), null);
		localMemory = local[0];
		localSize = (int) Math.max(1, Math.min(Integer.getInteger(LOCAL_SIZE_PROPERTY, info.gpu() ? 256 : 64), Math.min(
			kernelMax[0], info.maxWorkGroupSize())));
		probe();
	}

	/** Opens the device; {@code memoryLimit > 0} caps the device memory used (bytes). */
	static OpenClSession open(final OpenClPlatforms.Found found, final long memoryLimit) {
		return new OpenClSession(found, memoryLimit);
	}

	/**
	 * System property: at most this many of a step's spikes are kept in local memory (default 4096; the rest are
	 * read from global memory).
	 */
	static final String SPIKE_CACHE_PROPERTY = "spiketune.opencl.spikeCache";

	/** System property: log how much of a run's time the kernels take. */
	static final String TIMING_PROPERTY = "spiketune.opencl.timing";

	/** System property setting the work-items per member (default 256 on a GPU, 64 elsewhere; at most the device's). */
	static final String LOCAL_SIZE_PROPERTY = "spiketune.opencl.localSize";

	/** System property choosing the work-group scan: {@code parallel} or {@code serial} (default: by device). */
	static final String SCAN_PROPERTY = "spiketune.opencl.scan";

	/**
	 * Division must round as Java's does: the option exists only where the device supports it (AdEx and
	 * conductance synapses divide; elsewhere such members may differ slightly from the CPU backend's, which is
	 * logged). A GPU sums its spike
	 * counts by a parallel scan, a CPU device serially.
	 */
	private static String buildOptions(final cl_device_id device, final DeviceInfo info) {
		final long[] config = new long[1];
		clGetDeviceInfo(device, CL_DEVICE_SINGLE_FP_CONFIG, Sizeof.cl_long, Pointer.to(config), null);
		final StringBuilder options = new StringBuilder();
		if ((config[0] & CL_FP_CORRECTLY_ROUNDED_DIVIDE_SQRT) != 0) {
			options.append("-cl-fp32-correctly-rounded-divide-sqrt");
		}
		else {
			LOG.info("OpenCL device " + info.describe() + " does not round float division exactly; AdEx neurons " +
				"may differ slightly from the CPU backend");
		}
		final String scan = System.getProperty(SCAN_PROPERTY, info.gpu() ? "parallel" : "serial");
		if (scan.equals("parallel")) options.append(" -DPARALLEL_SCAN");
		options.append(" -DSTEPS_PER_LAUNCH=").append(STEPS_PER_LAUNCH);
		return options.toString().trim();
	}

	/** Runs the probe kernel: Philox's known answer and an unfused float operation, checked on the host. */
	private void probe() {
		final cl_kernel probe = clCreateKernel(program, "probe", null);
		final int[] words = new int[4];
		final float[] product = { 1.5f };
		final cl_mem out = clCreateBuffer(context, CL_MEM_WRITE_ONLY, 4L * Sizeof.cl_uint, null, null);
		final cl_mem value = clCreateBuffer(context, CL_MEM_READ_WRITE | CL_MEM_COPY_HOST_PTR, Sizeof.cl_float,
			Pointer.to(product), null);
		try {
			clSetKernelArg(probe, 0, Sizeof.cl_mem, Pointer.to(out));
			clSetKernelArg(probe, 1, Sizeof.cl_mem, Pointer.to(value));
			clEnqueueNDRangeKernel(queue, probe, 1, null, new long[] { 1 }, new long[] { 1 }, 0, null, null);
			clEnqueueReadBuffer(queue, out, CL_TRUE, 0, 4L * Sizeof.cl_uint, Pointer.to(words), 0, null, null);
			clEnqueueReadBuffer(queue, value, CL_TRUE, 0, Sizeof.cl_float, Pointer.to(product), 0, null, null);
		}
		finally {
			clReleaseMemObject(out);
			clReleaseMemObject(value);
			clReleaseKernel(probe);
		}
		final int[] expected = new int[4];
		org.spiketune.random.Philox4x32.block(0, 0, 0, 0, 0, 0, expected);
		if (!java.util.Arrays.equals(words, expected) || product[0] != 0.04f * 1.5f + 5.0f) {
			throw new SimulationException("OpenCL device " + info.describe() + " computes Philox or float operations " +
				"differently from Java; it is not used");
		}
	}

	private int launches;
	/** Kernel launches until an injected failure (tests of fault handling); 0 or less: none. */
	private final java.util.concurrent.atomic.AtomicInteger injectedFault = new java.util.concurrent.atomic
		.AtomicInteger();
	private volatile int injectedStatus;

	/** Makes the {@code launch}-th kernel launch from now fail with OpenCL error {@code status}. */
	void injectFault(final int launch, final int status) {
		injectedStatus = status;
		injectedFault.set(launch);
	}

	int localSize() {
		return localSize;
	}

	/** Member groups the last run was split into (by device memory). */
	int lastSplit() {
		return launches;
	}

	/** Simulates members {@code first .. first + count - 1} of the request. */
	synchronized List<MemberResult> run(final CompiledNetwork network, final SimulationRequest request,
		final int first, final int count)
	{
		try {
			upload(network);
			final int total = request.steps();
			final int traced = request.recording().tracedCount();
			final int capacity = capacity(network, total);
			final long perMember = bytesPerMember(network, request);
			final int chunk = membersPerLaunch(network, perMember, capacity, request.tracedSteps(), traced);
			launches = (count + chunk - 1) / chunk;
			final List<MemberResult> results = new ArrayList<>(count);
			for (int start = first; start < first + count; start += chunk) {
				results.addAll(launch(network, request, start, Math.min(chunk, first + count - start), capacity));
			}
			return results;
		}
		catch (final CLException e) {
			throw new org.spiketune.sim.DeviceFailure("OpenCL failed on " + info.describe() + ": " + e.getMessage(), e);
		}
	}

	/** Device bytes one member of the request needs: its parameters, state, delay rings, events and traces. */
	static long bytesPerMember(final CompiledNetwork network, final SimulationRequest request) {
		return DeviceMembers.bytesPerMember(network, capacity(network, request.steps()), request.tracedSteps(), request
			.recording().tracedCount());
	}

	/** Event capacity per member: room for 100 Hz over a launch, at least a few steps of all neurons firing. */
	static int capacity(final CompiledNetwork network, final int totalSteps) {
		final long n = network.neuronCount();
		final long steps = Math.min(totalSteps, STEPS_PER_LAUNCH);
		return (int) Math.min(Integer.MAX_VALUE / 2, Math.max(4 * n, (long) (n * steps * network.dtMs() * 0.1) + n));
	}

	/** How many members fit on the device at once; throws, with the figures, when not even one does. */
	private int membersPerLaunch(final CompiledNetwork network, final long perMember, final int capacity,
		final int tracedSteps, final int traced)
	{
		return membersPerLaunch(info, memoryBudget, networkBytes, network, perMember, capacity, tracedSteps, traced);
	}

	static int membersPerLaunch(final DeviceInfo info, final long budget, final long networkBytes,
		final CompiledNetwork network, final long perMember, final int capacity, final int tracedSteps,
		final int traced)
	{
		final long usable = budget - networkBytes;
		final long n = network.neuronCount();
		final long largestPerMember = Math.max(Math.max(4L * DeviceMembers.MAX_PARAMS * n, 4L * Math.max(1, network
			.channels().size()) * network.ringLength() * n), Math.max(4L * capacity, 4L * tracedSteps * traced));
		final long byMemory = usable / perMember;
		final long byAllocation = info.maxAllocation() / Math.max(1, largestPerMember);
		final long members = Math.min(byMemory, byAllocation);
		if (members < 1) {
			throw new SimulationException("one member of network '" + network.spec().name() + "' needs about " +
				MemoryEstimate.format(perMember) + " on " + info.describe() + " (largest buffer " + MemoryEstimate.format(
					largestPerMember) + "), which offers " + MemoryEstimate.format(Math.max(0, usable)) + " after the " +
				"network's " + MemoryEstimate.format(networkBytes) + " and allocations of at most " + MemoryEstimate
					.format(info.maxAllocation()) + "; use the CPU backend or a shorter run with fewer traces");
		}
		return (int) Math.min(Integer.MAX_VALUE, members);
	}

	private void upload(final CompiledNetwork network) {
		if (uploaded == network) return;
		releaseNetwork();
		final DeviceNetwork packed = new DeviceNetwork(network);
		networkBytes = packed.bytes();
		if (networkBytes > memoryBudget) {
			throw new SimulationException("network '" + network.spec().name() + "' needs " + MemoryEstimate.format(
				networkBytes) + " on " + info.describe() + ", more than the " + MemoryEstimate.format(memoryBudget) +
				" it may use; use the CPU backend");
		}
		for (final Object array : new Object[] { packed.groupTable, packed.groupH, packed.groupChannels,
			packed.groupOut, packed.neuronGroup, packed.stepBounds, packed.stepAmps, packed.projTable, packed.weights,
			packed.rows, packed.targets, packed.delays, packed.channelKind, packed.channelDecay, Ziggurat.acceptTable(),
			Ziggurat.widthTable(), Ziggurat.densityTable(), packed.replayFirst, packed.replaySteps,
			packed.channelReversal, packed.driveFrames, packed.driveTable, packed.driveGap })
		{
			networkBuffers.add(readOnly(array));
		}
		uploaded = network;
		packedNetwork = packed;
	}

	private List<MemberResult> launch(final CompiledNetwork network, final SimulationRequest request,
		final int first, final int count, final int capacity)
	{
		final DeviceNetwork packed = packedNetwork;
		final DeviceMembers members = new DeviceMembers(network, packed, request, first, count);
		final int n = network.neuronCount(), total = request.steps();
		final int channels = Math.max(1, network.channels().size());
		final int traced = request.recording().tracedCount(), tracedSteps = request.tracedSteps();
		final List<cl_mem> buffers = new ArrayList<>();
		try {
			final cl_mem tracedNeurons = track(buffers, readOnly(request.recording().tracedNeurons()));
			final cl_mem keys = track(buffers, readOnly(members.keys));
			final cl_mem params = track(buffers, readOnly(members.params));
			final cl_mem refractorySteps = track(buffers, readOnly(members.refractorySteps));
			final cl_mem bias = track(buffers, readOnly(members.bias));
			final cl_mem noise = track(buffers, readOnly(members.noise));
			final cl_mem stepGain = track(buffers, readOnly(members.stepGain));
			final cl_mem gain = track(buffers, readOnly(members.gain));
			final cl_mem v = track(buffers, readWrite(members.v));
			final cl_mem u = track(buffers, readWrite(members.u));
			final cl_mem refractory = track(buffers, zeros(4L * count * n));
			final cl_mem rings = track(buffers, zeros(4L * count * channels * network.ringLength() * n));
			final cl_mem currents = track(buffers, zeros(4L * count * channels * n));
			final cl_mem spikes = track(buffers, zeros(4L * count * n));
			final cl_mem outStep = track(buffers, zeros(4L * count * capacity));
			final cl_mem outNeuron = track(buffers, zeros(4L * count * capacity));
			final cl_mem outCount = track(buffers, zeros(4L * count));
			final cl_mem stepsDone = track(buffers, zeros(4L * count));
			final cl_mem traceV = track(buffers, zeros(4L * count * tracedSteps * traced));
			final cl_mem traceU = track(buffers, zeros(4L * count * tracedSteps * traced));
			final cl_mem plasticConsts = track(buffers, readOnly(members.plasticConsts));
			final cl_mem plasticWeights = track(buffers, readWrite(members.plasticWeights));
			final cl_mem plasticAccumulated = track(buffers, zeros(4L * count * packed.plasticSynapses));
			final cl_mem sourceTraces = track(buffers, zeros(4L * count * packed.plasticSources));
			final cl_mem targetTraces = track(buffers, zeros(4L * count * packed.plasticTargets));
			final cl_mem averageRates = track(buffers, readWrite(members.averageRates));
			int a = 0;
			a = argInt(a, n);
			a = argInt(a, network.ringLength());
			a = argInt(a, traced);
			a = argInt(a, tracedSteps);
			a = argInt(a, request.firstTracedStep());
			clSetKernelArg(kernel, a++, Sizeof.cl_float, Pointer.to(new float[] { network.dtMs() }));
			for (int k = 0; k < 14; k++) a = argMem(a, networkBuffers.get(k));
			a = argMem(a, tracedNeurons);
			for (int k = 14; k < 23; k++) a = argMem(a, networkBuffers.get(k));
			a = argInt(a, channels);
			a = argInt(a, network.groups().size());
			a = argInt(a, network.projections().size());
			for (final cl_mem m : new cl_mem[] { keys, params, refractorySteps, bias, noise, stepGain, gain }) {
				a = argMem(a, m);
			}
			a = argInt(a, packed.plasticSynapses);
			a = argInt(a, packed.plasticSources);
			a = argInt(a, packed.plasticTargets);
			for (final cl_mem m : new cl_mem[] { plasticConsts, v, u, refractory, rings, currents, plasticWeights,
				plasticAccumulated, sourceTraces, targetTraces, averageRates })
			{
				a = argMem(a, m);
			}
			final int stepEndArg = a++;
			a = argInt(a, capacity);
			for (final cl_mem m : new cl_mem[] { spikes, outStep, outNeuron, outCount, stepsDone, traceV, traceU }) {
				a = argMem(a, m);
			}
			// image drives: each launch gets each member's frames and contrasts for its next STEPS_PER_LAUNCH steps
			final int drives = network.drives().size();
			final org.spiketune.sim.CompiledDrive.Schedule[][] schedules =
				new org.spiketune.sim.CompiledDrive.Schedule[count][drives];
			for (int m = 0; m < count; m++) {
				for (final org.spiketune.sim.CompiledDrive d : network.drives()) {
					schedules[m][d.index()] = d.schedule(request.members().get(first + m).seed(), network.spec().dtMs());
				}
			}
			final int[] frameWindow = new int[count * drives * STEPS_PER_LAUNCH];
			final float[] modulationWindow = new float[frameWindow.length];
			final cl_mem windowStart = track(buffers, zeros(4L * count));
			final cl_mem driveFrame = track(buffers, zeros(4L * frameWindow.length));
			final cl_mem driveModulation = track(buffers, zeros(4L * frameWindow.length));
			a = argInt(a, drives);
			for (final cl_mem m : new cl_mem[] { windowStart, driveFrame, driveModulation }) a = argMem(a, m);
			a = argMem(a, track(buffers, zeros(4L * count * 2 * ((n + 31) / 32))));
			// local memory: the scan, the tables, the groups' spike counts and as many of a step's spikes as fit
			final int outs = packed.groupOut.length;
			final long scanInts = localSize + 1L;
			final long tableInts = (long) network.groups().size() * (DeviceNetwork.GROUP_FIELDS + 1) + (long) network
				.projections().size() * DeviceNetwork.PROJ_FIELDS + outs;
			final long freeInts = localMemory / 4 - scanInts - tableInts;
			if (freeInts < 0) {
				throw new SimulationException("network '" + network.spec().name() + "' has too many groups and " +
					"projections for the local memory of " + info.describe() + " (" + localMemory + " bytes); use the " +
					"CPU backend");
			}
			final int wanted = Math.min(n, Integer.getInteger(SPIKE_CACHE_PROPERTY, 4096));
			final int cache = (int) Math.max(0, Math.min(wanted, freeInts));
			a = argInt(a, outs);
			a = argInt(a, cache);
			clSetKernelArg(kernel, a++, Sizeof.cl_int * scanInts, null);
			clSetKernelArg(kernel, a, Sizeof.cl_int * Math.max(1, tableInts + cache), null);
			final org.spiketune.sim.SpikeSink[] sinks = new org.spiketune.sim.SpikeSink[count];
			for (int m = 0; m < count; m++) sinks[m] = new org.spiketune.sim.SpikeSink(network, request);
			final int[] done = new int[count], recorded = new int[count];
			// numerical faults: each member's spikes per group since its last check, and why it was stopped
			final int[] groupOf = new int[n];
			for (final org.spiketune.sim.CompiledGroup g : network.groups()) {
				java.util.Arrays.fill(groupOf, g.offset(), g.end(), g.index());
			}
			final long[][] window = new long[count][network.groups().size()];
			final int[] checked = new int[count];
			final String[] faults = new String[count];
			final float[] stateV = new float[count * n], stateU = new float[count * n];
			int slowest = 0;
			// where the time goes (logged with -Dspiketune.opencl.timing=true): waiting for the kernel, or the host
			final long loopStart = System.nanoTime();
			long kernelNanos = 0;
			int launches = 0;
			while (slowest < total) {
				if (Thread.currentThread().isInterrupted()) {
					throw new java.util.concurrent.CancellationException("simulation interrupted at step " + slowest);
				}
				if (drives > 0) {
					for (int m = 0; m < count; m++) {
						for (int d = 0; d < drives; d++) {
							final int base = (m * drives + d) * STEPS_PER_LAUNCH;
							for (int k = 0; k < STEPS_PER_LAUNCH && done[m] + k < total; k++) {
								frameWindow[base + k] = schedules[m][d].frame(done[m] + k);
								modulationWindow[base + k] = schedules[m][d].modulation(done[m] + k);
							}
						}
					}
					clEnqueueWriteBuffer(queue, windowStart, CL_TRUE, 0, 4L * count, Pointer.to(done), 0, null, null);
					clEnqueueWriteBuffer(queue, driveFrame, CL_TRUE, 0, 4L * frameWindow.length, Pointer.to(frameWindow), 0,
						null, null);
					clEnqueueWriteBuffer(queue, driveModulation, CL_TRUE, 0, 4L * modulationWindow.length, Pointer.to(
						modulationWindow), 0, null, null);
				}
				// launches end on the fault checks' boundaries, where both backends look at every member
				clSetKernelArg(kernel, stepEndArg, Sizeof.cl_int, Pointer.to(new int[] { Math.min(total, Math.min(slowest +
					STEPS_PER_LAUNCH, (slowest / NumericalFaults.CHECK_STEPS + 1) * NumericalFaults.CHECK_STEPS)) }));
				if (injectedFault.get() > 0 && injectedFault.decrementAndGet() == 0) throw new CLException(org.jocl.CL.stringFor_errorCode(
					injectedStatus) + " (injected)", injectedStatus);
				final long kernelStart = System.nanoTime();
				clEnqueueNDRangeKernel(queue, kernel, 1, null, new long[] { (long) count * localSize }, new long[] {
					localSize }, 0, null, null);
				clEnqueueReadBuffer(queue, outCount, CL_TRUE, 0, 4L * count, Pointer.to(recorded), 0, null, null);
				kernelNanos += System.nanoTime() - kernelStart;
				launches++;
				clEnqueueReadBuffer(queue, stepsDone, CL_TRUE, 0, 4L * count, Pointer.to(done), 0, null, null);
				for (int m = 0; m < count; m++) {
					if (recorded[m] == 0) continue;
					final int[] s = new int[recorded[m]], i = new int[recorded[m]];
					clEnqueueReadBuffer(queue, outStep, CL_TRUE, 4L * m * capacity, 4L * s.length, Pointer.to(s), 0, null,
						null);
					clEnqueueReadBuffer(queue, outNeuron, CL_TRUE, 4L * m * capacity, 4L * i.length, Pointer.to(i), 0, null,
						null);
					for (int k = 0; k < s.length; k++) {
						sinks[m].add(s[k], i[k]);
						window[m][groupOf[i[k]]]++;
					}
				}
				clEnqueueWriteBuffer(queue, outCount, CL_TRUE, 0, 4L * count, Pointer.to(new int[count]), 0, null, null);
				boolean stopped = false, read = false;
				for (int m = 0; m < count; m++) {
					if (faults[m] != null || done[m] == checked[m] || !NumericalFaults.isCheckStep(done[m], total)) continue;
					checked[m] = done[m];
					if (!read) { // one transfer of every member's state per launch, only when one is due a check
						clEnqueueReadBuffer(queue, v, CL_TRUE, 0, 4L * count * n, Pointer.to(stateV), 0, null, null);
						clEnqueueReadBuffer(queue, u, CL_TRUE, 0, 4L * count * n, Pointer.to(stateU), 0, null, null);
						read = true;
					}
					int nonFinite = -1;
					for (int k = 0; k < n && nonFinite < 0; k++) {
						if (!Float.isFinite(stateV[m * n + k]) || !Float.isFinite(stateU[m * n + k])) nonFinite = k;
					}
					faults[m] = NumericalFaults.fault(network, done[m], window[m], nonFinite);
					java.util.Arrays.fill(window[m], 0);
					if (faults[m] != null && done[m] < total) {
						done[m] = total; // stopped: the kernel does no more steps for it
						stopped = true;
					}
				}
				if (stopped) clEnqueueWriteBuffer(queue, stepsDone, CL_TRUE, 0, 4L * count, Pointer.to(done), 0, null, null);
				int next = total;
				for (final int d : done) next = Math.min(next, d);
				if (next <= slowest) throw new SimulationException("OpenCL simulation made no progress at step " + next);
				slowest = next;
			}
			if (Boolean.getBoolean(TIMING_PROPERTY)) {
				LOG.info(String.format(java.util.Locale.ROOT, "OpenCL: %d members, %d launches, %.1f ms in kernels of " +
					"%.1f ms", count, launches, kernelNanos / 1e6, (System.nanoTime() - loopStart) / 1e6));
			}
			final float[] tv = new float[count * tracedSteps * traced], tu = new float[tv.length];
			if (tv.length > 0) {
				clEnqueueReadBuffer(queue, traceV, CL_TRUE, 0, 4L * tv.length, Pointer.to(tv), 0, null, null);
				clEnqueueReadBuffer(queue, traceU, CL_TRUE, 0, 4L * tu.length, Pointer.to(tu), 0, null, null);
			}
			final float[] learned = new float[count * packed.plasticSynapses];
			if (learned.length > 0) {
				clEnqueueReadBuffer(queue, plasticWeights, CL_TRUE, 0, 4L * learned.length, Pointer.to(learned), 0, null,
					null);
			}
			final List<MemberResult> results = new ArrayList<>(count);
			for (int m = 0; m < count; m++) {
				final int from = m * tracedSteps * traced, to = from + tracedSteps * traced;
				results.add(MemberResults.of(network, request, first + m, sinks[m].steps(), sinks[m].neurons(), sinks[m]
					.rateCounts(), java.util
					.Arrays.copyOfRange(tv, from, to), java.util.Arrays.copyOfRange(tu, from, to), learnedWeights(network,
						learned, m * packed.plasticSynapses), faults[m]));
			}
			return results;
		}
		finally {
			for (final cl_mem m : buffers) clReleaseMemObject(m);
		}
	}

	/** One member's learned weights, unpacked per plastic projection into [source][target]. */
	private static java.util.Map<String, float[][]> learnedWeights(final CompiledNetwork network,
		final float[] learned, final int start)
	{
		final java.util.Map<String, float[][]> out = new java.util.LinkedHashMap<>();
		int k = start;
		for (final org.spiketune.sim.CompiledProjection p : network.projections()) {
			if (!p.plastic()) continue;
			final float[][] w = new float[p.sourceSize()][];
			for (int i = 0; i < w.length; i++) {
				w[i] = java.util.Arrays.copyOfRange(learned, k, k + p.targetSize());
				k += p.targetSize();
			}
			out.put(p.name(), w);
		}
		return out;
	}

	private int argInt(final int index, final int value) {
		clSetKernelArg(kernel, index, Sizeof.cl_int, Pointer.to(new int[] { value }));
		return index + 1;
	}

	private int argMem(final int index, final cl_mem buffer) {
		clSetKernelArg(kernel, index, Sizeof.cl_mem, Pointer.to(buffer));
		return index + 1;
	}

	private static cl_mem track(final List<cl_mem> buffers, final cl_mem buffer) {
		buffers.add(buffer);
		return buffer;
	}

	/** A device copy of an int, float or double array (at least one element: OpenCL has no empty buffers). */
	private cl_mem readOnly(final Object array) {
		return copy(array, CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR);
	}

	private cl_mem readWrite(final Object array) {
		return copy(array, CL_MEM_READ_WRITE | CL_MEM_COPY_HOST_PTR);
	}

	private cl_mem copy(final Object array, final long flags) {
		return switch (array) {
			case int[] a -> a.length == 0 ? zeros(4) : clCreateBuffer(context, flags, 4L * a.length, Pointer.to(a), null);
			case float[] a -> a.length == 0 ? zeros(4) : clCreateBuffer(context, flags, 4L * a.length, Pointer.to(a),
				null);
			case double[] a -> a.length == 0 ? zeros(8) : clCreateBuffer(context, flags, 8L * a.length, Pointer.to(a),
				null);
			default -> throw new IllegalArgumentException("not an int, float or double array: " + array);
		};
	}

	/** A zero-filled device buffer. */
	private cl_mem zeros(final long bytes) {
		final long size = Math.max(4, bytes);
		final cl_mem buffer = clCreateBuffer(context, CL_MEM_READ_WRITE, size, null, null);
		clEnqueueFillBuffer(queue, buffer, Pointer.to(new int[] { 0 }), Sizeof.cl_int, 0, size, 0, null, null);
		return buffer;
	}

	private void releaseNetwork() {
		for (final cl_mem m : networkBuffers) clReleaseMemObject(m);
		networkBuffers.clear();
		uploaded = null;
		packedNetwork = null;
		networkBytes = 0;
	}

	@Override
	public synchronized void close() {
		releaseNetwork();
		clReleaseKernel(kernel);
		clReleaseProgram(program);
		clReleaseCommandQueue(queue);
		clReleaseContext(context);
	}
}
