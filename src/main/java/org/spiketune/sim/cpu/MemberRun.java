package org.spiketune.sim.cpu;

import java.util.concurrent.CancellationException;

import org.spiketune.model.NetworkSpec;
import org.spiketune.random.Keys;
import org.spiketune.random.PhiloxLanes;
import org.spiketune.random.PhiloxStream;
import org.spiketune.random.Ziggurat;
import org.spiketune.sim.Channel;
import org.spiketune.sim.CompiledGroup;
import org.spiketune.sim.CompiledNetwork;
import org.spiketune.sim.CompiledProjection;
import org.spiketune.sim.Connectivity;
import org.spiketune.sim.Member;
import org.spiketune.sim.MemberParameters;
import org.spiketune.sim.MemberResults;
import org.spiketune.sim.NumericalFaults;
import org.spiketune.sim.NeuronKind;
import org.spiketune.sim.SimulationRequest;
import org.spiketune.sim.MemberResult;
import org.spiketune.sim.Recording;

/**
 * One member's simulation, split into {@code partitions} ranges of neurons that run on separate threads
 * and meet once per step. Each step, in every partition and group: (1) synaptic input from the delay
 * rings, (2) bias, current steps and noise, (3) state update, (4) threshold and reset, (5) recording; then,
 * after the barrier, (6) every spike of the step is pushed into the rings of the partition's own targets.
 * Contributions to a target are always added in the order (spiking neuron ascending, projection), so the
 * result does not depend on the number of partitions.
 */
final class MemberRun {

	private static final int[] ACCEPT = Ziggurat.acceptTable();
	private static final float[] WIDTH = Ziggurat.widthTable();
	/** Philox blocks computed at once: 4 neurons each. */
	private static final int LANES = 256;

	private final CompiledNetwork network;
	private final int index;
	private final int steps;
	private final int n;
	private final int ringLength;
	private final float dt;
	private final int key0, key1;
	private final MemberParameters parameters;
	private final GroupState[] groups;
	/** Per projection: the target group's ring for the projection's channel, [slot][local target]. */
	private final float[][][] targetRing;
	/** Per projection: the ring of its slow channel (a two-receptor synapse), or null. */
	private final float[][][] slowRing;

	private final SimulationRequest request;
	private final int[] traced;
	private final int firstTraced; // the step of the first trace sample
	private final float[] traceV, traceU;

	private final Partition[] partitions;
	private final SpinBarrier barrier;
	/** Recording: each neuron's group, whether a group's spikes are kept as events, steps per rate bin. */
	private final int[] groupOfNeuron;
	private final boolean[] keptGroup;
	private final int binSteps, bins;
	/** Per projection: the member's learning state, null for fixed weights. */
	private final PlasticProjection[] plastic;
	/** Why the member was stopped early, or null (written by partition 0 when all partitions agreed). */
	private volatile String fault;

	MemberRun(final CompiledNetwork network, final SimulationRequest request, final int index,
		final int partitionCount)
	{
		final NetworkSpec spec = request.network();
		final Member member = request.members().get(index);
		final int steps = request.steps();
		final Recording recording = request.recording();
		this.request = request;
		this.network = network;
		this.index = index;
		this.steps = steps;
		this.n = network.neuronCount();
		this.ringLength = network.ringLength();
		this.dt = network.dtMs();
		this.key0 = Keys.key0(member.seed());
		this.key1 = Keys.key1(member.seed());
		this.parameters = network.parametersFor(spec, member);
		groups = new GroupState[network.groups().size()];
		for (final CompiledGroup g : network.groups()) {
			groups[g.index()] = new GroupState(network, g, parameters.values()[g.index()]);
		}
		targetRing = new float[network.projections().size()][][];
		slowRing = new float[network.projections().size()][][];
		for (final CompiledProjection p : network.projections()) {
			final GroupState target = groups[p.targetGroup()];
			targetRing[p.index()] = target.ring[target.inputIndex(p.channel())];
			if (p.drivesSlowChannel()) slowRing[p.index()] = target.ring[target.inputIndex(p.slowChannel())];
		}
		groupOfNeuron = new int[n];
		keptGroup = new boolean[groups.length];
		for (final CompiledGroup g : network.groups()) {
			java.util.Arrays.fill(groupOfNeuron, g.offset(), g.end(), g.index());
			keptGroup[g.index()] = recording.spikeGroups().isEmpty() || recording.spikeGroups().contains(g.name());
		}
		binSteps = MemberResults.binSteps(request, network);
		bins = (steps + binSteps - 1) / binSteps;
		plastic = new PlasticProjection[network.projections().size()];
		for (final CompiledProjection p : network.projections()) {
			if (p.plastic()) plastic[p.index()] = new PlasticProjection(p, parameters.plasticity()[p.index()]);
		}
		traced = recording.tracedNeurons();
		firstTraced = request.firstTracedStep();
		traceV = new float[Math.multiplyExact(request.tracedSteps(), traced.length)];
		traceU = new float[traceV.length];
		partitions = new Partition[partitionCount];
		for (int q = 0; q < partitionCount; q++) {
			partitions[q] = new Partition(q, bound(q, partitionCount), bound(q + 1, partitionCount));
		}
		barrier = partitionCount > 1 ? new SpinBarrier(partitionCount) : null;
	}

	/** Partition boundaries: multiples of 16 neurons (a cache line of floats) except at the end. */
	private int bound(final int q, final int count) {
		if (q == count) return n;
		return (int) ((long) n * q / count) & ~15;
	}

	Partition partition(final int q) {
		return partitions[q];
	}

	/** Runs the single partition on the calling thread. */
	MemberResult runAlone() {
		if (partitions.length != 1) throw new IllegalStateException("partitions run on their own threads");
		partitions[0].run();
		return result();
	}

	MemberResult result() {
		final EventLog[] logs = new EventLog[partitions.length];
		for (int q = 0; q < partitions.length; q++) logs[q] = partitions[q].events;
		final EventLog events = EventLog.merge(logs);
		final int[] rateCounts = new int[bins * groups.length];
		for (final Partition p : partitions) {
			for (int k = 0; k < rateCounts.length; k++) rateCounts[k] += p.rateCounts[k];
		}
		final java.util.Map<String, float[][]> learned = new java.util.LinkedHashMap<>();
		for (final PlasticProjection p : plastic) {
			if (p != null) learned.put(p.projection.name(), p.weights);
		}
		return MemberResults.of(network, request, index, events.steps(), events.neurons(), rateCounts, traceV, traceU,
			learned, fault);
	}

	/** The neurons [from, to) of a member, simulated by one thread. */
	final class Partition implements Runnable {

		private final int number, from, to;
		/** This partition's spikes per group since the last fault check, and its first non-finite neuron. */
		private final long[] window;
		private int nonFinite = -1;
		/** Per group: this partition's local range [lo, hi) of the group, possibly empty. */
		private final int[] lo, hi;
		private final int[][] fired;
		private final int[] firedCount = new int[2];
		private final EventLog events;
		/** This partition's spikes per [rate bin][group], and the step's spikes that are kept as events. */
		private final int[] rateCounts;
		private final int[] kept;
		private final PhiloxLanes lanes = new PhiloxLanes(LANES);
		private final PhiloxStream slowPath = new PhiloxStream(0, 0, 0, 0);
		private final int[] slow = new int[4 * LANES];
		private final float[] normal = new float[4 * LANES];
		private final int[] slotOfDelay = new int[ringLength];
		/** Per image drive: the member's schedule, read by this partition in step order. */
		private final org.spiketune.sim.CompiledDrive.Schedule[] schedules;
		/** Per plastic projection: this partition's copy of its source traces. */
		private final float[][] sourceTraces;

		Partition(final int number, final int from, final int to) {
			this.number = number;
			this.from = from;
			this.to = to;
			lo = new int[groups.length];
			hi = new int[groups.length];
			for (final CompiledGroup g : network.groups()) {
				lo[g.index()] = Math.max(0, Math.min(g.size(), from - g.offset()));
				hi[g.index()] = Math.max(0, Math.min(g.size(), to - g.offset()));
			}
			fired = new int[][] { new int[to - from], new int[to - from] };
			events = new EventLog(Math.max(1024, (to - from) * 4));
			rateCounts = new int[bins * groups.length];
			window = new long[groups.length];
			kept = new int[to - from];
			schedules = new org.spiketune.sim.CompiledDrive.Schedule[network.drives().size()];
			for (final org.spiketune.sim.CompiledDrive d : network.drives()) {
				schedules[d.index()] = d.schedule(request.members().get(index).seed(), network.spec().dtMs());
			}
			sourceTraces = new float[plastic.length][];
			for (int p = 0; p < plastic.length; p++) {
				if (plastic[p] != null) sourceTraces[p] = plastic[p].newSourceTraces();
			}
		}

		@Override
		public void run() {
			try {
				for (int step = 0; step < steps; step++) {
					if (step > 0 && NumericalFaults.isCheckStep(step, steps) && faulty(step)) return;
					if ((step & 63) == 0 && Thread.currentThread().isInterrupted()) {
						throw new CancellationException("simulation interrupted at step " + step);
					}
					final int parity = step & 1;
					int count = 0;
					for (final GroupState g : groups) {
						final int gi = g.group.index();
						if (lo[gi] >= hi[gi]) continue;
						count = update(g, lo[gi], hi[gi], step, fired[parity], count);
					}
					firedCount[parity] = count;
					recordSpikes(step, fired[parity], count);
					recordTraces(step);
					if (barrier != null) barrier.await();
					learn(step, parity);
					propagate(step, parity);
				}
				if (steps > 0) faulty(steps);
			}
			catch (final RuntimeException | Error e) {
				if (barrier != null) barrier.breakBarrier();
				throw e;
			}
		}

		private int update(final GroupState g, final int lo, final int hi, final int step, final int[] out,
			final int count)
		{
			final CompiledGroup group = g.group;
			final int offset = group.offset();
			final float[][] p = g.parameters;
			if (group.kind() == NeuronKind.REPLAY) return replay(g, lo, hi, step, out, count);
			if (group.isSource()) return poisson(g, lo, hi, step, out, count);
			gatherSynapticInput(g, lo, hi, step);
			addExternalInput(g, lo, hi, step);
			return switch (group.kind()) {
				case IZHIKEVICH -> {
					NeuronKernels.izhikevichIntegrate(lo, hi, g.v, g.u, g.input, g.conductanceSum, p[0], p[1], group.substeps(),
						dt);
					yield NeuronKernels.izhikevichReset(lo, hi, offset, g.v, g.u, p[2], p[3], p[4], out, count);
				}
				case ADEX -> NeuronKernels.adex(lo, hi, offset, g.v, g.u, g.refractory, g.input, g.conductanceSum, p,
					g.refractorySteps,
					group.substeps(), dt, out, count);
				case LIF -> {
					NeuronKernels.lifIntegrate(lo, hi, g.v, g.input, g.conductanceSum, p[0], p[1], p[4], g.lifDecay, dt);
					yield NeuronKernels.lifReset(lo, hi, offset, g.v, g.refractory, p[2], p[3], g.refractorySteps, out,
						count);
				}
				case POISSON, REPLAY -> throw new AssertionError("sources are handled above");
			};
		}

		/**
		 * The fault check after {@code step} steps: each partition looks at its own neurons and spikes, then all
		 * decide alike from everyone's findings (between two barriers, so no partition resets its window while
		 * another reads it). True when the member stops here.
		 */
		private boolean faulty(final int step) {
			nonFinite = -1;
			for (final GroupState g : groups) {
				final int gi = g.group.index();
				for (int l = lo[gi]; l < hi[gi] && nonFinite < 0; l++) {
					if (!Float.isFinite(g.v[l]) || !Float.isFinite(g.u[l])) nonFinite = g.group.offset() + l;
				}
				if (nonFinite >= 0) break;
			}
			if (barrier != null) barrier.await();
			int first = -1;
			final long[] counts = new long[groups.length];
			for (final Partition p : partitions) {
				if (p.nonFinite >= 0 && (first < 0 || p.nonFinite < first)) first = p.nonFinite;
				for (int g = 0; g < counts.length; g++) counts[g] += p.window[g];
			}
			final String found = NumericalFaults.fault(network, step, counts, first);
			if (barrier != null) barrier.await();
			java.util.Arrays.fill(window, 0);
			if (found != null && number == 0) fault = found;
			return found != null;
		}

		/** Every spike counts in its group's rate bin; the recorded groups' spikes are kept as events. */
		private void recordSpikes(final int step, final int[] spikes, final int count) {
			final int bin = (step / binSteps) * groups.length;
			int keptCount = 0;
			for (int k = 0; k < count; k++) {
				final int g = groupOfNeuron[spikes[k]];
				rateCounts[bin + g]++;
				window[g]++;
				if (keptGroup[g]) kept[keptCount++] = spikes[k];
			}
			events.add(step, kept, keptCount);
		}

		/**
		 * input = what arrives now, summed over the group's channels; the slot is cleared for reuse. A conductance
		 * channel adds its drive g·E to input and g to the neuron's summed conductance, which the integration
		 * treats implicitly (the NMDA gate at the step's starting v scales both).
		 */
		private void gatherSynapticInput(final GroupState g, final int lo, final int hi, final int step) {
			final float[] input = g.input;
			if (g.ring.length == 0) {
				java.util.Arrays.fill(input, lo, hi, 0f);
				return;
			}
			final float[] total = g.conductanceSum;
			boolean firstConductance = true;
			final int slot = step % ringLength;
			for (int k = 0; k < g.ring.length; k++) {
				final float[] arriving = g.ring[k][slot];
				final float[] current = g.current[k];
				if (current == null) {
					if (k == 0) for (int l = lo; l < hi; l++) input[l] = arriving[l];
					else for (int l = lo; l < hi; l++) input[l] += arriving[l];
				}
				else if (g.conductance[k] == 0) {
					final float decay = g.decay[k];
					for (int l = lo; l < hi; l++) current[l] = Channel.decayed(current[l], decay) + arriving[l];
					if (k == 0) for (int l = lo; l < hi; l++) input[l] = current[l];
					else for (int l = lo; l < hi; l++) input[l] += current[l];
				}
				else {
					// simple loops the JIT vectorizes; the first conductance sets total (0 + g is g exactly)
					final float decay = g.decay[k], reversal = g.reversal[k];
					for (int l = lo; l < hi; l++) current[l] = Channel.decayed(current[l], decay) + arriving[l];
					final float[] acting;
					if (g.conductance[k] == 2) {
						acting = g.gated;
						final float[] v = g.v;
						for (int l = lo; l < hi; l++) acting[l] = current[l] * Channel.nmdaGate(v[l]);
					}
					else acting = current;
					if (k == 0) for (int l = lo; l < hi; l++) input[l] = acting[l] * reversal;
					else for (int l = lo; l < hi; l++) input[l] += acting[l] * reversal;
					if (firstConductance) System.arraycopy(acting, lo, total, lo, hi - lo);
					else for (int l = lo; l < hi; l++) total[l] += acting[l];
					firstConductance = false;
				}
				java.util.Arrays.fill(arriving, lo, hi, 0f);
			}
		}

		/**
		 * input += (bias + gain * current steps) + noise * N(0,1). The normal number of global neuron i in a step comes
		 * from word i & 3 of the Philox block (i / 4, step, noise stream, 0) of the member's key.
		 */
		private void addExternalInput(final GroupState g, final int lo, final int hi, final int step) {
			final float[] input = g.input;
			final float external = parameters.bias()[g.group.index()] + parameters.stepGain()[g.group.index()] * g.group
				.stepCurrent(step);
			final float sigma = parameters.noise()[g.group.index()];
			if (sigma == 0f) {
				if (external != 0f) for (int l = lo; l < hi; l++) input[l] += external;
				return;
			}
			final int offset = g.group.offset();
			final int[] words = lanes.words();
			int i = offset + lo;
			final int end = offset + hi;
			while (i < end) {
				final int firstBlock = i >>> 2;
				final int blocks = Math.min(LANES, ((end - 1) >>> 2) - firstBlock + 1);
				lanes.compute(firstBlock, blocks, step, Keys.STREAM_NOISE, 0, key0, key1);
				final int chunkEnd = Math.min(end, (firstBlock + blocks) << 2);
				final int wordBase = -(firstBlock << 2);
				final int chunkStart = i;
				int slowCount = 0;
				// the fast path for every word; the ~1.5% the ziggurat rejects are redone below
				for (; i < chunkEnd; i++) {
					final int word = words[wordBase + i];
					final int j = word >> 8;
					final int strip = word & 0xFF;
					normal[i - chunkStart] = j * WIDTH[strip];
					if (Math.abs(j) >= ACCEPT[strip]) slow[slowCount++] = i;
				}
				for (int k = 0; k < slowCount; k++) {
					final int neuron = slow[k];
					normal[neuron - chunkStart] = Ziggurat.slowPath(words[wordBase + neuron], slowPath.reset(key0, key1,
						neuron, step, Keys.STREAM_NOISE | Keys.SLOW_PATH_BIT));
				}
				final int shift = chunkStart - offset;
				for (int l = chunkStart - offset; l < chunkEnd - offset; l++) {
					input[l] = input[l] + external + sigma * normal[l - shift];
				}
			}
		}

		/** A source fires when the top 24 bits of its word, as a uniform in [0, 1), fall below its p. */
		private int poisson(final GroupState g, final int lo, final int hi, final int step, final int[] out,
			int count)
		{
			final float[] probability = drivenProbabilities(g, lo, hi, step);
			final int offset = g.group.offset();
			int i = offset + lo;
			final int end = offset + hi;
			while (i < end) {
				final int firstBlock = i >>> 2;
				final int blocks = Math.min(LANES, ((end - 1) >>> 2) - firstBlock + 1);
				lanes.compute(firstBlock, blocks, step, Keys.STREAM_POISSON, 0, key0, key1);
				final int chunkEnd = Math.min(end, (firstBlock + blocks) << 2);
				for (; i < chunkEnd; i++) {
					if ((lanes.itemWord(i) >>> 8) * 0x1.0p-24f < probability[i - offset]) out[count++] = i;
				}
			}
			return count;
		}

		/**
		 * A Poisson group's probabilities in this step: its own, or for a group an image drives, the shown
		 * frame's (see {@link org.spiketune.sim.CompiledDrive#probability}).
		 */
		private float[] drivenProbabilities(final GroupState g, final int lo, final int hi, final int step) {
			final org.spiketune.sim.CompiledDrive drive = network.driveOf(g.group.index());
			if (drive == null) return g.spikeProbability;
			final org.spiketune.sim.CompiledDrive.Schedule schedule = schedules[drive.index()];
			final int frame = schedule.frame(step);
			final float modulation = schedule.modulation(step);
			final int polarity = drive.polarity(g.group.index());
			final float[] values = frame < 0 ? null : drive.frames()[frame];
			final float[] own = g.spikeProbability, driven = g.drivenProbability;
			for (int l = lo; l < hi; l++) {
				driven[l] = org.spiketune.sim.CompiledDrive.probability(frame, values == null ? 0f : values[l], modulation,
					polarity, own[l], drive.gapProbability());
			}
			return driven;
		}

		/** A replay neuron fires when its next replayed step is this one (steps run in order, so none is missed). */
		private int replay(final GroupState g, final int lo, final int hi, final int step, final int[] out,
			int count)
		{
			final int[] next = g.replayNext, start = g.group.replayStart(), steps = g.group.replaySteps();
			final int offset = g.group.offset();
			for (int l = lo; l < hi; l++) {
				final int k = next[l];
				if (k < start[l + 1] && steps[k] == step) {
					out[count++] = offset + l;
					next[l] = k + 1;
				}
			}
			return count;
		}

		private void recordTraces(final int step) {
			if (step < firstTraced) return;
			final int sample = (step - firstTraced) * traced.length;
			for (int j = 0; j < traced.length; j++) {
				final int i = traced[j];
				if (i >= from && i < to) {
					final GroupState g = groups[network.groupOf(i)];
					final int l = i - g.group.offset();
					traceV[sample + j] = g.v[l];
					traceU[sample + j] = g.group.kind() == NeuronKind.LIF ? 0 : g.u[l];
				}
			}
		}

		/**
		 * Plasticity ({@link org.spiketune.sim.PlasticRule}'s steps) for this partition's targets: every spike of
		 * the step, ascending, as a source; this partition's own spikes as targets.
		 */
		private void learn(final int step, final int parity) {
			for (final PlasticProjection plasticity : plastic) {
				if (plasticity == null || !plasticity.projection.learnsAt(step)) continue;
				final CompiledProjection p = plasticity.projection;
				final float[] sourceTrace = sourceTraces[p.index()];
				final int tlo = lo[p.targetGroup()], thi = hi[p.targetGroup()];
				plasticity.decay(sourceTrace, tlo, thi);
				final int sourceStart = p.sourceOffset(), sourceEnd = sourceStart + plasticity.sources;
				for (final Partition source : partitions) {
					final int[] spikes = source.fired[parity];
					for (int k = 0, count = source.firedCount[parity]; k < count; k++) {
						final int s = spikes[k];
						if (s >= sourceStart && s < sourceEnd) plasticity.sourceSpike(s - sourceStart, sourceTrace, tlo, thi);
					}
				}
				final int targetStart = p.targetOffset() + tlo, targetEnd = p.targetOffset() + thi;
				final int[] own = fired[parity];
				for (int k = 0, count = firedCount[parity]; k < count; k++) {
					final int s = own[k];
					if (s >= targetStart && s < targetEnd) plasticity.targetSpike(s - p.targetOffset(), sourceTrace);
				}
				if (p.appliesAt(step)) plasticity.apply(tlo, thi);
			}
		}

		/** Pushes every spike of this step (all partitions, ascending) into this partition's targets. */
		private void propagate(final int step, final int parity) {
			for (int d = 0; d < ringLength; d++) slotOfDelay[d] = (step + d) % ringLength;
			for (final Partition source : partitions) {
				final int[] spikes = source.fired[parity];
				final int count = source.firedCount[parity];
				int group = 0;
				for (int k = 0; k < count; k++) {
					final int s = spikes[k];
					while (s >= groups[group].group.end()) group++;
					for (final int p : groups[group].group.outgoing()) push(network.projections().get(p), s);
				}
			}
		}

		/** Adds the spike of source neuron {@code s} to the projection's channel and, if it has one, its slow one. */
		private void push(final CompiledProjection p, final int s) {
			final float gain = parameters.gain()[p.index()];
			deliver(p, s, targetRing[p.index()], gain * p.fastScale());
			if (p.drivesSlowChannel()) deliver(p, s, slowRing[p.index()], gain * p.slowScale());
		}

		private void deliver(final CompiledProjection p, final int s, final float[][] ring, final float gain) {
			final int row = s - p.sourceOffset();
			final int tlo = lo[p.targetGroup()], thi = hi[p.targetGroup()];
			if (tlo >= thi) return;
			switch (p.connectivity()) {
				case Connectivity.Dense dense -> {
					final float[] buffer = ring[slotOfDelay[p.delaySteps()]];
					final float[] w = plastic[p.index()] != null ? plastic[p.index()].weights[row] : dense.rows()[row];
					for (int t = tlo; t < thi; t++) buffer[t] += w[t] * gain;
				}
				case Connectivity.OneToOne diagonal -> {
					if (row >= tlo && row < thi) ring[slotOfDelay[p.delaySteps()]][row] += diagonal.weights()[row] * gain;
				}
				case Connectivity.Sparse sparse -> {
					final int[] targets = sparse.targets();
					final float[] w = sparse.weights();
					int k0 = sparse.rowStart()[row], k1 = sparse.rowStart()[row + 1];
					if (partitions.length > 1) {
						k0 = lowerBound(targets, k0, k1, tlo);
						k1 = lowerBound(targets, k0, k1, thi);
					}
					if (sparse.hasDelays()) {
						final short[] delays = sparse.delaySteps();
						for (int k = k0; k < k1; k++) ring[slotOfDelay[delays[k]]][targets[k]] += w[k] * gain;
					}
					else {
						final float[] buffer = ring[slotOfDelay[p.delaySteps()]];
						for (int k = k0; k < k1; k++) buffer[targets[k]] += w[k] * gain;
					}
				}
			}
		}
	}

	/** First index in sorted {@code a[lo..hi)} whose value is >= key. */
	static int lowerBound(final int[] a, int lo, int hi, final int key) {
		while (lo < hi) {
			final int mid = (lo + hi) >>> 1;
			if (a[mid] < key) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}
}
