package org.spiketune.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.spiketune.model.Delay;
import org.spiketune.model.NetworkSpec;
import org.spiketune.model.NeuronGroup;
import org.spiketune.model.NeuronModel;
import org.spiketune.model.ParameterValue;
import org.spiketune.model.Projection;
import org.spiketune.model.SpikeReplay;
import org.spiketune.model.Stimulus;
import org.spiketune.model.Synapse;
import org.spiketune.model.Topology;
import org.spiketune.model.Weights;
import org.spiketune.random.Keys;
import org.spiketune.random.Philox4x32;
import org.spiketune.random.PhiloxLanes;
import org.spiketune.random.PhiloxStream;
import org.spiketune.random.Samplers;
import org.spiketune.random.Ziggurat;

/**
 * Builds a {@link CompiledNetwork} from a spec and a structure seed. Every random choice is keyed by its
 * coordinates (neuron, or source row, and a stream per projection and purpose), so the structure is the
 * same whatever the thread count, and large projections are built in parallel.
 */
public final class NetworkCompiler {

	private static final int PARALLEL_ROWS = 256;

	private NetworkCompiler() {}

	public static CompiledNetwork compile(final NetworkSpec spec, final long structureSeed) {
		final List<Channel> channels = new ArrayList<>();
		final List<CompiledProjection> projections = new ArrayList<>();
		int maxDelay = 1;
		final int[] offsets = new int[spec.groups().size()];
		for (int g = 1; g < offsets.length; g++) offsets[g] = offsets[g - 1] + spec.groups().get(g - 1).size();
		for (int p = 0; p < spec.projections().size(); p++) {
			final Projection projection = spec.projections().get(p);
			final int source = spec.groupIndex(projection.source());
			final int target = spec.groupIndex(projection.target());
			final List<Synapse> receptors = projection.synapse().channels();
			final int channel = channelOf(receptors.getFirst(), spec.dtMs(), channels);
			final int slowChannel = receptors.size() > 1 ? channelOf(receptors.get(1), spec.dtMs(), channels) : -1;
			final float fastScale = projection.synapse() instanceof Synapse.Receptors r ? (float) r.fastScale() : 1f;
			final float slowScale = projection.synapse() instanceof Synapse.Receptors r ? (float) r.slowScale() : 0f;
			final Delay delay = projection.delay();
			final int maxSteps = delaySteps(delay.maxMs(), spec.dtMs());
			maxDelay = Math.max(maxDelay, maxSteps);
			final Connectivity connectivity = connect(spec, projection, p, structureSeed);
			projections.add(new CompiledProjection(projection.name(), p, source, target, offsets[source],
				offsets[target], spec.groups().get(target).size(), connectivity, channel, delay.isConstant() ? maxSteps
					: -1, projection.isPlastic(), projection.isPlastic() ? PlasticRule.applyEverySteps(projection
						.plasticity(), spec.dtMs()) : 0, projection.isPlastic() ? PlasticRule.untilStep(projection
							.plasticity(), spec.dtMs()) : 0, slowChannel, fastScale, slowScale));
		}
		final List<CompiledGroup> groups = new ArrayList<>();
		for (int g = 0; g < spec.groups().size(); g++) {
			groups.add(compileGroup(spec, g, offsets[g], structureSeed, projections));
		}
		final List<CompiledDrive> drives = new ArrayList<>();
		for (final org.spiketune.model.Stimulus s : spec.stimuli()) {
			if (s instanceof org.spiketune.model.Stimulus.ImageDrive drive) {
				drives.add(CompiledDrive.of(drives.size(), drive, spec.groupIndex(drive.group()), drive.offGroup() == null
					? -1 : spec.groupIndex(drive.offGroup()), spec.dtMs()));
			}
		}
		return new CompiledNetwork(spec, structureSeed, groups, projections, channels, maxDelay + 1, drives);
	}

	static int delaySteps(final int ms, final double dtMs) {
		return (int) Math.round(ms / dtMs);
	}

	private static int channelOf(final Synapse synapse, final double dtMs, final List<Channel> channels) {
		final Channel channel = switch (synapse) {
			case Synapse.CurrentPulse p -> new Channel(Channel.Kind.PULSE, 0, 0);
			case Synapse.Conductance c -> new Channel(c.voltageGated() ? Channel.Kind.GATED_CONDUCTANCE
				: Channel.Kind.CONDUCTANCE, c.tauMs(), (float) Math.exp(-dtMs / c.tauMs()), (float) c.reversalMv());
			case Synapse.ExponentialCurrent e -> new Channel(Channel.Kind.EXPONENTIAL, e.tauMs(), (float) Math.exp(
				-dtMs / e.tauMs()));
			case Synapse.Receptors r -> throw new IllegalArgumentException("two receptors are two channels: " + r);
		};
		final int existing = channels.indexOf(channel);
		if (existing >= 0) return existing;
		channels.add(channel);
		return channels.size() - 1;
	}

	// -- Groups --

	private static CompiledGroup compileGroup(final NetworkSpec spec, final int index, final int offset,
		final long seed, final List<CompiledProjection> projections)
	{
		final NeuronGroup group = spec.groups().get(index);
		final NeuronModel model = group.model();
		final List<ParameterValue> values = model.parameters();
		final float[][] base = new float[values.size()][group.size()];
		final PhiloxStream random = new PhiloxStream(seed, 0, 0, 0);
		for (int p = 0; p < values.size(); p++) {
			final ParameterValue value = values.get(p);
			if (value instanceof ParameterValue.Constant(final double v)) {
				Arrays.fill(base[p], (float) v);
				continue;
			}
			for (int i = 0; i < group.size(); i++) {
				final int neuron = offset + i;
				final int k0 = Keys.key0(seed), k1 = Keys.key1(seed);
				final double r = random.reset(k0, k1, neuron, 0, Keys.STREAM_NEURON_PARAMETERS).nextUniform();
				random.reset(k0, k1, neuron, p + 1, Keys.STREAM_NEURON_PARAMETERS);
				final double u = value instanceof ParameterValue.Uniform ? random.nextUniform() : 0;
				final double z = value instanceof ParameterValue.Normal ? Ziggurat.normal(random.nextWord(), random)
					: 0;
				final double realized = value.valueFor(r, u, z);
				model.checkValue(p, realized, "group '" + group.name() + "' neuron " + i + ": ");
				base[p][i] = (float) realized;
			}
		}
		final List<Stimulus.CurrentStep> steps = new ArrayList<>();
		for (final Stimulus s : spec.stimuli()) {
			if (s instanceof Stimulus.CurrentStep step && step.group().equals(group.name())) steps.add(step);
		}
		final int[] start = new int[steps.size()], end = new int[steps.size()];
		final float[] amplitude = new float[steps.size()];
		for (int i = 0; i < steps.size(); i++) {
			start[i] = firstStepAtOrAfter(steps.get(i).startMs(), spec.dtMs());
			end[i] = firstStepAtOrAfter(steps.get(i).endMs(), spec.dtMs());
			amplitude[i] = (float) steps.get(i).amplitude();
		}
		final int[] inputChannels = projections.stream().filter(p -> p.targetGroup() == index).flatMapToInt(
			p -> p.drivesSlowChannel() ? IntStream.of(p.channel(), p.slowChannel()) : IntStream.of(p.channel()))
			.distinct().sorted().toArray();
		final int[] outgoing = projections.stream().filter(p -> p.sourceGroup() == index).mapToInt(
			CompiledProjection::index).toArray();
		final int[][] replay = model instanceof SpikeReplay r ? r.steps(spec.dtMs()) : new int[0][];
		final int[] replayStart = new int[replay.length + 1];
		for (int l = 0; l < replay.length; l++) {
			replayStart[l + 1] = Math.addExact(replayStart[l], replay[l].length);
		}
		final int[] replaySteps = new int[replayStart[replay.length]];
		for (int l = 0; l < replay.length; l++) {
			System.arraycopy(replay[l], 0, replaySteps, replayStart[l], replay[l].length);
		}
		return new CompiledGroup(group, index, offset, NeuronKind.of(model), base, start, end, amplitude,
			inputChannels, outgoing, replayStart, replaySteps);
	}

	/** The first step whose start time {@code s * dt} is at or after {@code ms} (with rounding slack). */
	private static int firstStepAtOrAfter(final double ms, final double dtMs) {
		return (int) Math.min(Integer.MAX_VALUE, Math.ceil(ms / dtMs - 1e-9));
	}

	// -- Connectivity --

	private static Connectivity connect(final NetworkSpec spec, final Projection projection, final int index,
		final long seed)
	{
		final NeuronGroup source = spec.group(projection.source());
		final NeuronGroup target = spec.group(projection.target());
		final boolean sameGroup = source.name().equals(target.name());
		final int ns = source.size(), nt = target.size();
		final int stream = Keys.STREAM_PROJECTIONS + 4 * index;
		final WeightSampler weights = new WeightSampler(projection.weights(), seed, stream + 1);
		final Topology topology = projection.topology();
		if (topology instanceof Topology.OneToOne) {
			final float[] w = new float[ns];
			for (int s = 0; s < ns; s++) weights.fillRow(s, s, w, s, 1);
			return projection.delay().isConstant() ? new Connectivity.OneToOne(w) : sparse(projection, spec
				.dtMs(), seed, stream, weights, rowsOf(ns, s -> new int[] { s }));
		}
		if (topology instanceof Topology.AllToAll all && (all.selfConnections() || !sameGroup) && projection
			.delay().isConstant())
		{
			final float[][] rows = new float[ns][nt];
			parallelRows(ns, s -> weights.fillRow(s, (long) s * nt, rows[s], 0, nt));
			return new Connectivity.Dense(rows, nt);
		}
		final int[][] rows = switch (topology) {
			case Topology.AllToAll all -> rowsOf(ns, s -> IntStream.range(0, nt).filter(t -> all
				.selfConnections() || !sameGroup || t != s).toArray());
			case Topology.OneToOne o -> throw new AssertionError("handled above");
			case Topology.FixedProbability f -> rowsOf(ns, s -> bernoulliRow(f.p(), s, nt, sameGroup && !f
				.selfConnections(), seed, stream));
			case Topology.FixedInDegree f -> null;
		};
		if (topology instanceof Topology.FixedInDegree f) {
			return inDegree(f, ns, nt, sameGroup && !f.selfConnections(), seed, stream, projection, spec.dtMs(),
				weights);
		}
		return sparse(projection, spec.dtMs(), seed, stream, weights, rows);
	}

	private static Connectivity.Sparse sparse(final Projection projection, final double dtMs, final long seed,
		final int stream, final WeightSampler weights, final int[][] rows)
	{
		final int ns = rows.length;
		final int[] rowStart = new int[ns + 1];
		long total = 0;
		for (int s = 0; s < ns; s++) {
			total += rows[s].length;
			checkArraySize(projection, total);
			rowStart[s + 1] = (int) total;
		}
		final int[] targets = new int[(int) total];
		parallelRows(ns, s -> System.arraycopy(rows[s], 0, targets, rowStart[s], rows[s].length));
		return sparse(projection, dtMs, seed, stream, weights, rowStart, targets);
	}

	/** Weights and delays for compressed rows whose targets are known. */
	private static Connectivity.Sparse sparse(final Projection projection, final double dtMs, final long seed,
		final int stream, final WeightSampler weights, final int[] rowStart, final int[] targets)
	{
		final int ns = rowStart.length - 1;
		final float[] w = new float[targets.length];
		final Delay delay = projection.delay();
		final short[] delays = delay.isConstant() ? null : new short[targets.length];
		if (delays != null && delaySteps(delay.maxMs(), dtMs) > Short.MAX_VALUE) {
			throw new IllegalArgumentException("projection '" + projection.name() + "': delays of more than " +
				Short.MAX_VALUE + " steps are not supported");
		}
		parallelRows(ns, s -> {
			final int from = rowStart[s];
			weights.fillRow(s, from, w, from, rowStart[s + 1] - from);
			if (delays != null) {
				final PhiloxStream random = new PhiloxStream(seed, s, 0, stream + 2);
				for (int k = from; k < rowStart[s + 1]; k++) {
					final int ms = delay.minMs() + random.nextIndex(delay.maxMs() - delay.minMs() + 1);
					delays[k] = (short) delaySteps(ms, dtMs);
				}
			}
		});
		return new Connectivity.Sparse(rowStart, targets, w, delays);
	}

	private static int[][] rowsOf(final int ns, final java.util.function.IntFunction<int[]> row) {
		final int[][] rows = new int[ns][];
		parallelRows(ns, s -> rows[s] = row.apply(s));
		return rows;
	}

	/** Levels of the nested fixed-probability draw; a p below 2^-48 is drawn within the deepest level. */
	private static final int DEEPEST_LEVEL = 48;

	/**
	 * Row {@code s} of a fixed-probability projection. Target t is connected when its own uniform u_t is below
	 * p, and u_t depends on (seed, s, t) alone, so the synapses at a smaller p are a subset of those at a larger
	 * one: fitting or tuning p moves a few synapses instead of drawing a new graph (which made the loss flat
	 * in p, see bench/README). The targets with u_t below 2^-K, 2^-(K+1) < p <= 2^-K, are found without
	 * visiting every target: level k's set {t : u_t < 2^-k} is level k+1's set joined with a Bernoulli(q_k)
	 * draw over all targets (geometric skips), q_k = 2^-(k+1) / (1 - 2^-(k+1)), which puts each target in it
	 * with probability 2^-k, independently. A target's deepest level m places u_t in [2^-(m+1), 2^-m), and a
	 * uniform of its own places it within. Work and memory grow with p times the targets, as for one draw.
	 */
	private static int[] bernoulliRow(final double p, final int s, final int nt, final boolean excludeSelf,
		final long seed, final int stream)
	{
		if (p == 0 || nt == 0) return new int[0];
		if (p == 1) return IntStream.range(0, nt).filter(t -> !(excludeSelf && t == s)).toArray(); // u_t < 1 always
		int coarsest = 0;
		while (coarsest < DEEPEST_LEVEL && p <= Math.scalb(1.0, -(coarsest + 1))) coarsest++;
		long[] found = new long[Math.max(8, (int) Math.min(Integer.MAX_VALUE - 8, 2.5 * p * nt + 8))];
		int size = 0;
		final PhiloxStream random = new PhiloxStream(seed, s, 0, stream);
		final int key0 = Keys.key0(seed), key1 = Keys.key1(seed);
		for (int level = DEEPEST_LEVEL; level >= coarsest; level--) {
			final double below = Math.scalb(1.0, -(level + 1));
			final double q = level == DEEPEST_LEVEL ? 2 * below : below / (1 - below);
			random.reset(key0, key1, s, level, stream);
			final double logMiss = Math.log1p(-q);
			for (long t = -1;;) {
				t += 1 + (long) Math.floor(Math.log(random.nextUniformPositive()) / logMiss);
				if (t >= nt) break;
				if (size == found.length) found = Arrays.copyOf(found, 2 * size);
				found[size++] = t << 8 | level; // sorted below: by target, its deepest level last
			}
		}
		Arrays.sort(found, 0, size);
		final IntList row = new IntList(Math.max(4, (int) (p * nt * 1.1)));
		final int[] block = new int[4];
		for (int i = 0; i < size; i++) {
			if (i + 1 < size && found[i + 1] >>> 8 == found[i] >>> 8) continue; // a deeper level follows
			final int t = (int) (found[i] >>> 8), deepest = (int) (found[i] & 0xFF);
			Philox4x32.block(s, t, stream + 3, 0, key0, key1, block);
			final double within = Samplers.uniform53(block[0], block[1]);
			final double u = deepest == DEEPEST_LEVEL ? Math.scalb(within, -DEEPEST_LEVEL) : Math.scalb(1 + within,
				-(deepest + 1));
			if (u < p && !(excludeSelf && t == s)) row.add(t);
		}
		return row.toArray();
	}

	/**
	 * A fixed-in-degree projection: each target draws its sources without replacement (Floyd's algorithm;
	 * target t's draws are the words of Philox blocks (j, t, stream, 0)), then the choices are transposed
	 * into source rows, targets ascending, by a counting sort over chunks of targets done in parallel.
	 */
	private static Connectivity.Sparse inDegree(final Topology.FixedInDegree f, final int ns, final int nt,
		final boolean excludeSelf, final long seed, final int stream, final Projection projection,
		final double dtMs, final WeightSampler weights)
	{
		final int k = f.k();
		checkArraySize(projection, (long) nt * k);
		final int available = excludeSelf ? ns - 1 : ns;
		final int[] chosen = new int[nt * k];
		final ThreadLocal<boolean[]> marks = ThreadLocal.withInitial(() -> new boolean[ns]);
		final ThreadLocal<PhiloxLanes> lanes = ThreadLocal.withInitial(() -> new PhiloxLanes((k + 3) / 4 + 1));
		parallelRows(nt, t -> drawSources(t, k, available, excludeSelf, seed, stream, marks.get(), lanes.get(),
			chosen));
		final int chunks = Math.min(nt, 4 * Runtime.getRuntime().availableProcessors());
		final int[][] counts = new int[chunks][ns];
		IntStream.range(0, chunks).parallel().forEach(c -> {
			for (int i = chunkStart(c, chunks, nt) * k; i < chunkStart(c + 1, chunks, nt) * k; i++) {
				counts[c][chosen[i]]++;
			}
		});
		final int[] rowStart = new int[ns + 1];
		for (int s = 0; s < ns; s++) { // running sum: chunk c's entries of row s follow those of chunks < c
			int position = rowStart[s];
			for (int c = 0; c < chunks; c++) {
				final int count = counts[c][s];
				counts[c][s] = position;
				position += count;
			}
			rowStart[s + 1] = position;
		}
		final int[] targets = new int[nt * k];
		IntStream.range(0, chunks).parallel().forEach(c -> {
			final int[] next = counts[c];
			for (int t = chunkStart(c, chunks, nt); t < chunkStart(c + 1, chunks, nt); t++) {
				for (int i = t * k; i < (t + 1) * k; i++) targets[next[chosen[i]]++] = t;
			}
		});
		return sparse(projection, dtMs, seed, stream, weights, rowStart, targets);
	}

	private static int chunkStart(final int chunk, final int chunks, final int n) {
		return (int) ((long) n * chunk / chunks);
	}

	/** Target t's k distinct sources in [0, available), mapped past t when self-connections are excluded. */
	private static void drawSources(final int t, final int k, final int available, final boolean excludeSelf,
		final long seed, final int stream, final boolean[] marked, final PhiloxLanes lanes, final int[] chosen)
	{
		lanes.compute(0, (k + 3) / 4 + 1, t, stream, 0, Keys.key0(seed), Keys.key1(seed));
		final int[] words = lanes.words();
		final PhiloxStream extra = new PhiloxStream(seed, t, 1, stream);
		final int base = t * k;
		int word = 0;
		for (int j = available - k, filled = 0; j < available; j++, filled++) {
			final int bound = j + 1;
			// Lemire's multiply-shift; the rare biased low products take fresh words from a second stream
			long m = (words[word++] & 0xFFFFFFFFL) * bound;
			if ((m & 0xFFFFFFFFL) < bound) {
				final long threshold = (0x100000000L - bound) % bound;
				while ((m & 0xFFFFFFFFL) < threshold) m = (extra.nextWord() & 0xFFFFFFFFL) * bound;
			}
			int r = (int) (m >>> 32);
			if (marked[r]) r = j;
			marked[r] = true;
			chosen[base + filled] = r;
		}
		for (int i = base; i < base + k; i++) {
			final int r = chosen[i];
			marked[r] = false;
			chosen[i] = excludeSelf && r >= t ? r + 1 : r;
		}
	}

	private static void parallelRows(final int rows, final java.util.function.IntConsumer body) {
		if (rows < PARALLEL_ROWS) {
			for (int r = 0; r < rows; r++) body.accept(r);
		}
		else {
			IntStream.range(0, rows).parallel().forEach(body);
		}
	}

	private static void checkArraySize(final Projection projection, final long synapses) {
		if (synapses > Integer.MAX_VALUE - 8) {
			throw new SimulationException("projection '" + projection.name() + "' has " + synapses +
				" synapses; one projection can hold at most " + (Integer.MAX_VALUE - 8));
		}
	}

	/** Draws weights row by row, keyed by the source neuron, so rows can be filled in any order. */
	private static final class WeightSampler {

		private static final ThreadLocal<PhiloxLanes> LANES = ThreadLocal.withInitial(() -> new PhiloxLanes(256));

		private final Weights weights;
		private final long seed;
		private final int stream;

		WeightSampler(final Weights weights, final long seed, final int stream) {
			this.weights = weights;
			this.seed = seed;
			this.stream = stream;
		}

		/**
		 * Fills {@code count} weights of source row {@code row} into {@code out[at..]}; {@code first} is the
		 * row's first synapse in enumeration order (for explicit weights).
		 */
		void fillRow(final int row, final long first, final float[] out, final int at, final int count) {
			switch (weights) {
				case Weights.Constant c -> Arrays.fill(out, at, at + count, (float) c.value());
				case Weights.UniformRange u -> {
					// synapse k of the row takes word k & 3 of block (k / 4, row, stream, 0): 24 bits, a float's worth
					final PhiloxLanes lanes = LANES.get();
					final int[] words = lanes.words();
					final double width = u.high() - u.low();
					for (int done = 0; done < count;) {
						final int firstBlock = done >>> 2;
						final int blocks = Math.min(lanes.capacity(), ((count - 1) >>> 2) - firstBlock + 1);
						lanes.compute(firstBlock, blocks, row, stream, 0, Keys.key0(seed), Keys.key1(seed));
						final int end = Math.min(count, (firstBlock + blocks) << 2);
						for (; done < end; done++) {
							out[at + done] = (float) (u.low() + width * Samplers.uniform24(words[done - (firstBlock << 2)]));
						}
					}
				}
				case Weights.Explicit e -> {
					for (int k = 0; k < count; k++) out[at + k] = (float) e.get((int) (first + k));
				}
			}
		}
	}

	/** A growable int array, to avoid boxing while rows are drawn. */
	private static final class IntList {

		private int[] data;
		private int size;

		IntList(final int capacity) {
			data = new int[capacity];
		}

		void add(final int value) {
			if (size == data.length) data = Arrays.copyOf(data, data.length * 2);
			data[size++] = value;
		}

		int[] toArray() {
			return Arrays.copyOf(data, size);
		}
	}
}
