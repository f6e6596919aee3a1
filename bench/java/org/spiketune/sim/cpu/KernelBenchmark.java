package org.spiketune.sim.cpu;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.spiketune.model.Presets;
import org.spiketune.random.Philox4x32;
import org.spiketune.random.PhiloxLanes;
import org.spiketune.random.Ziggurat;
import org.spiketune.sim.SimulationRequest;
import org.spiketune.sim.Simulator;

/**
 * JMH benchmarks of the CPU backend's inner loops, at the sizes of the izhikevich2003 network (800
 * excitatory neurons, rows of 1000 weights), and of one whole 1000 ms W1 run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class KernelBenchmark {

	private static final int N = 800;
	private static final int[] ACCEPT = Ziggurat.acceptTable();
	private static final float[] WIDTH = Ziggurat.widthTable();

	private final float[] v = new float[N], u = new float[N], input = new float[N], a = new float[N],
			b = new float[N], buffer = new float[1000], row = new float[1000], normal = new float[1000];
	private final float[] conductance = new float[N];
	private final int[] block = new int[4];
	private final PhiloxLanes lanes = new PhiloxLanes(256);
	private Simulator simulator;
	private SimulationRequest w1;
	private int step;

	@Setup
	public void setUp() {
		java.util.Arrays.fill(a, 0.02f);
		java.util.Arrays.fill(b, 0.2f);
		java.util.Arrays.fill(conductance, 0.3f);
		for (int i = 0; i < row.length; i++) row[i] = i * 1e-3f;
		simulator = new Simulator(new CpuBackend(1));
		w1 = SimulationRequest.of(Presets.izhikevich2003(), 1000, 1);
		simulator.run(w1); // builds and caches the structure
	}

	/** One step of 800 Izhikevich neurons, two v half-steps. */
	@Benchmark
	public float izhikevichIntegrate800() {
		java.util.Arrays.fill(v, -65f);
		NeuronKernels.izhikevichIntegrate(0, N, v, u, input, null, a, b, 2, 1f);
		return v[N - 1];
	}

	/** The same with synaptic conductances, integrated linearly implicitly (one division per sub-step). */
	@Benchmark
	public float izhikevichIntegrateConductance800() {
		java.util.Arrays.fill(v, -65f);
		NeuronKernels.izhikevichIntegrate(0, N, v, u, input, conductance, a, b, 2, 1f);
		return v[N - 1];
	}

	/** One spike's push along a dense row of 1000 targets. */
	@Benchmark
	public float densePush1000() {
		for (int t = 0; t < 1000; t++) buffer[t] += row[t] * 1f;
		return buffer[999];
	}

	@Benchmark
	public void philoxBlock(final Blackhole hole) {
		Philox4x32.block(step++, 5, 1, 0, 7, 9, block);
		hole.consume(block);
	}

	/** 250 blocks: the noise words of 1000 neurons for one step. */
	@Benchmark
	public int philoxLanes250() {
		lanes.compute(0, 250, step++, 1, 0, 7, 9);
		return lanes.words()[999];
	}

	/** The ziggurat's fast path over 1000 words (rejections left to the slow path, not timed here). */
	@Benchmark
	public float zigguratFastPath1000() {
		final int[] words = lanes.words();
		for (int i = 0; i < 1000; i++) {
			final int word = words[i];
			normal[i] = (word >> 8) * WIDTH[word & 0xFF];
		}
		return normal[999] + ACCEPT[0];
	}

	/** W1: the whole izhikevich2003 network, 1000 ms, one thread, structure cached. */
	@Benchmark
	@BenchmarkMode(Mode.SingleShotTime)
	@OutputTimeUnit(TimeUnit.MILLISECONDS)
	@Warmup(iterations = 10)
	@Measurement(iterations = 20)
	public Object simulateW1() {
		return simulator.run(w1);
	}
}
