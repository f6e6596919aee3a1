package org.spiketune.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.spiketune.model.CarlsonV1;
import org.spiketune.model.GratingPhase;
import org.spiketune.model.NetworkSpec;
import org.spiketune.model.Plasticity;
import org.spiketune.model.Projection;
import org.spiketune.model.Protocol;
import org.spiketune.model.Stimulus;
import org.spiketune.model.Synapse;
import org.spiketune.model.Weights;
import org.spiketune.objective.ReceptiveFieldMatch;
import org.spiketune.objective.V1Tuning;
import org.spiketune.sim.BatchResult;
import org.spiketune.sim.Member;
import org.spiketune.sim.MemberResult;
import org.spiketune.sim.Recording;
import org.spiketune.sim.SimulationRequest;
import org.spiketune.sim.Simulator;
import org.spiketune.sim.cpu.CpuBackend;
import org.spiketune.tune.ParameterSpace;
import org.spiketune.tune.StudySpaces;

/**
 * Trains the V1 preset on still gratings in both contrast polarities and tests it:
 * {@code V1Polarity side repeats "k=v,...;k=v,..."} (one member per {@code ;}-separated set). The 80 frames
 * are the preset's 40 gratings and their negatives; training shows all 80, shuffled, {@code repeats} times
 * ({@code -Dpresent=ms}, default 1000, and {@code -Dgap=ms}, default 250, so 20 repeats take as long as 20
 * of the preset's); testing shows the 8 test orientations in both polarities, 2 s each, and a neuron's rate
 * at an angle is the larger of the two. {@code random:N:seed} instead of the sets draws N members uniformly
 * from the 14 tuned ranges ({@code StudySpaces.carlsonV1}); {@code -Dinit=x} starts the Buffer → Exc
 * weights uniform in [0, x]. {@code -Dhz=f} reverses every grating's contrast at f Hz (counterphase), in
 * training and testing; {@code -Dgamma=g} and {@code -Dalpha=a} set the Buffer → Exc homeostasis γ and α
 * (the study's 50 and 0.1);
 * {@code -Dfield=a} starts Exc neuron i's Buffer → Exc weights at a times the On/Off-rectified grating at
 * 22.5° + 45°·i, plus uniform [0, 0.01), to see a setting's tuning with ideal fields; {@code -Dnmda=true}
 * makes the Buffer → Exc synapses drive NMDA as well as AMPA from one weight ({@code Synapse.ampaNmda()}),
 * their initial weights drawn as the fourth stop's NMDA twins were; {@code -Dslow=true} does so for every
 * AMPA projection and adds GABA-B to GABA-A ({@code CarlsonV1.withSlowReceptors}), as CARLsim does with
 * every spike (its {@code mulSynSlow}, 1 by default); {@code -Dblock=true} records the Exc neurons' v and
 * prints, per test presentation, the share of it spent at or above −10 mV (depolarization block; v is traced
 * in the test phase only). The preset's 40 gratings cover half
 * a turn at one spatial phase, so the 4.5° grating is nearly the 180° one negated and the inputs' mean
 * activity is not the same in every direction; with both polarities it is. See bench/README.md, "Why the
 * evolution strategy's networks all prefer 180°" and "Both polarities".
 */
public final class V1Polarity {

	private static final int ORIENTATIONS = CarlsonV1.TRAINING_ORIENTATIONS, TESTS = CarlsonV1.TEST_ORIENTATIONS;
	private static final String[] BUFFER_PROJECTIONS = { "onbuf_exc", "offbuf_exc" };
	private static final double HZ = Double.parseDouble(System.getProperty("hz", "0"));
	private static final boolean NMDA = Boolean.getBoolean("nmda"), SLOW = Boolean.getBoolean("slow"),
		BLOCK = Boolean.getBoolean("block");

	public static void main(final String[] args) {
		final int side = Integer.parseInt(args[0]), repeats = Integer.parseInt(args[1]);
		final Protocol protocol = protocol(repeats, Double.parseDouble(System.getProperty("present", "1000")), Double
			.parseDouble(System.getProperty("gap", "250")));
		final NetworkSpec network = network(side, protocol, Double.parseDouble(System.getProperty("init", "0")));
		final V1Tuning objective = bothPolarityTests(network);
		final double[] angles = testAngles();
		final List<Member> members = members(args[2], side);
		final long t0 = System.nanoTime();
		Recording recording = Recording.spikesOnly().withRateBin(1000).withSpikeGroups("exc", "inh");
		final int exc = network.groupOffset("exc"), excSize = network.group("exc").size();
		if (BLOCK) {
			recording = recording.withTraces(java.util.stream.IntStream.range(exc, exc + excSize).toArray())
				.withTracesFrom(protocol.phaseStartMs(1));
		}
		final BatchResult batch = new Simulator(new CpuBackend()).run(new SimulationRequest(network, protocol
			.durationMs(), 1, members, recording));
		System.out.printf(Locale.ROOT, "SIM %.1f s, %.0f s simulated%n", (System.nanoTime() - t0) / 1e9, protocol
			.durationMs() / 1000);
		for (int m = 0; m < members.size(); m++) {
			print(m, batch.member(m), objective, angles, side);
			if (BLOCK) printBlock(batch.member(m), objective, network.dtMs());
		}
	}

	/**
	 * Per Exc neuron and test presentation (both polarities, as the rates), the share of the presentation with
	 * v at or above {@link V1Tuning#DEPOLARIZED_MV} ({@link V1Tuning#depolarized}): near 1 is a depolarization
	 * block, a neuron held below its spike peak by a strong excitatory conductance (reversal 0 mV), silent
	 * however strong its drive.
	 */
	private static void printBlock(final MemberResult r, final V1Tuning objective, final double dtMs) {
		final double[][] share = objective.depolarized(r.traces(), dtMs);
		for (int i = 0; i < share.length; i++) {
			final StringBuilder line = new StringBuilder("    exc" + i + " share of v >= " + V1Tuning.DEPOLARIZED_MV +
				" mV  +:");
			for (int k = 0; k < 2 * TESTS; k++) {
				if (k == TESTS) line.append("  -:");
				line.append(String.format(Locale.ROOT, " %4.2f", share[i][k]));
			}
			System.out.println(line);
		}
	}

	/** Each neuron's rate per test orientation: the larger of its two polarities' ([neuron][2 · TESTS]). */
	static double[][] strongerPolarity(final double[][] both) {
		final double[][] rates = new double[both.length][TESTS];
		for (int i = 0; i < both.length; i++) {
			for (int k = 0; k < TESTS; k++) rates[i][k] = Math.max(both[i][k], both[i][k + TESTS]);
		}
		return rates;
	}

	/** The angle of each test orientation (radians). */
	static double[] testAngles() {
		final double[] frameAngles = CarlsonV1.frameAngles(), angles = new double[TESTS];
		for (int k = 0; k < TESTS; k++) angles[k] = frameAngles[testFrame(k)];
		return angles;
	}

	/** The v1-tuning objective of {@code network}'s 16 tests (8 orientations in both polarities). */
	static V1Tuning bothPolarityTests(final NetworkSpec network) {
		final double[] frameAngles = CarlsonV1.frameAngles(), bothPolarities = new double[2 * ORIENTATIONS];
		for (int k = 0; k < bothPolarities.length; k++) bothPolarities[k] = frameAngles[k % ORIENTATIONS];
		return V1Tuning.of(network, "exc", 1, bothPolarities);
	}

	/** Test orientation k's frame (of the positive polarity; the negative one is 40 further). */
	private static int testFrame(final int k) {
		return (k + 1) * (ORIENTATIONS / TESTS) - 1;
	}

	static Protocol protocol(final int repeats, final double presentMs, final double gapMs) {
		final List<Protocol.Presentation> train = new ArrayList<>();
		for (int k = 0; k < 2 * ORIENTATIONS; k++) train.add(new Protocol.Presentation(k, presentMs, HZ));
		final List<Protocol.Presentation> test = new ArrayList<>();
		for (int polarity = 0; polarity < 2; polarity++) {
			for (int k = 0; k < TESTS; k++) {
				test.add(new Protocol.Presentation(polarity * ORIENTATIONS + testFrame(k), CarlsonV1.PRESENT_MS, HZ));
			}
		}
		return Protocol.of(new Protocol.Phase("training", train, repeats, true, gapMs), new Protocol.Phase("testing",
			test, 1, false, CarlsonV1.GAP_MS));
	}

	/** The preset with its 40 gratings and their negatives as frames, shown by {@code protocol}. */
	static NetworkSpec network(final int side, final Protocol protocol, final double initialMaxWeight) {
		NetworkSpec network = CarlsonV1.network(side, CarlsonV1.protocol(1, TESTS, 1), GratingPhase.SINE);
		final Stimulus.ImageDrive drive = (Stimulus.ImageDrive) network.stimuli().get(0);
		final List<float[]> frames = new ArrayList<>(drive.frames());
		for (final float[] f : drive.frames()) {
			final float[] negative = new float[f.length];
			for (int i = 0; i < f.length; i++) negative[i] = -f[i];
			frames.add(negative);
		}
		network = network.withStimuli(List.of(new Stimulus.ImageDrive(drive.group(), drive.offGroup(), frames,
			protocol, drive.gapRateHz())));
		if (initialMaxWeight > 0) {
			for (final String projection : BUFFER_PROJECTIONS) {
				network = network.withProjection(network.projection(projection).withWeights(Weights.uniform(0,
					initialMaxWeight)));
			}
		}
		network = withHomeostasis(network, Double.parseDouble(System.getProperty("alpha", "0.1")), Double.parseDouble(
			System.getProperty("gamma", "50")));
		final double fieldAmplitude = Double.parseDouble(System.getProperty("field", "0"));
		if (fieldAmplitude > 0) network = withIdealFields(network, drive.frames(), fieldAmplitude);
		if (NMDA) network = withNmda(network, initialMaxWeight > 0 ? initialMaxWeight
			: CarlsonV1.BUFFER_INITIAL_MAX_WEIGHT);
		return SLOW ? CarlsonV1.withSlowReceptors(network) : network;
	}

	private static NetworkSpec withHomeostasis(NetworkSpec network, final double alpha, final double gamma) {
		for (final String name : BUFFER_PROJECTIONS) {
			final Projection p = network.projection(name);
			final Plasticity rule = p.plasticity();
			final Plasticity.Homeostasis h = rule.homeostasis();
			network = network.withProjection(p.withPlasticity(new Plasticity(rule.stdp(), new Plasticity.Homeostasis(h
				.targetRateHz(), alpha, gamma, h.averagingMs()), rule.minWeight(), rule.maxWeight(), rule
					.learningRate(), rule.driftPerS(), rule.applyEveryMs(), rule.untilMs())));
		}
		return network;
	}

	/** Exc neuron i's On (Off) weights: amplitude × the positive (negative) part of test grating 2i + 1. */
	private static NetworkSpec withIdealFields(NetworkSpec network, final List<float[]> frames,
		final double amplitude)
	{
		final int exc = network.group("exc").size();
		final SplittableRandom noise = new SplittableRandom(7);
		for (int b = 0; b < BUFFER_PROJECTIONS.length; b++) {
			final int sign = b == 0 ? 1 : -1;
			final int pixels = network.group(network.projection(BUFFER_PROJECTIONS[b]).source()).size();
			final double[] w = new double[pixels * exc];
			for (int pixel = 0; pixel < pixels; pixel++) {
				for (int i = 0; i < exc; i++) {
					final float grating = frames.get(testFrame(2 * i))[pixel];
					w[pixel * exc + i] = amplitude * Math.max(sign * grating, 0) + 0.01 * noise.nextDouble();
				}
			}
			final Projection p = network.projection(BUFFER_PROJECTIONS[b]);
			network = network.withProjection(p.withWeights(new Weights.Explicit(w)));
		}
		return network;
	}

	/**
	 * Each Buffer → Exc projection drives AMPA and NMDA from one weight, starting from explicit weights uniform
	 * in [0, initialMax) (kept if already explicit), drawn as the fourth stop's NMDA twins were.
	 */
	private static NetworkSpec withNmda(NetworkSpec network, final double initialMax) {
		final SplittableRandom random = new SplittableRandom(11);
		for (final String name : BUFFER_PROJECTIONS) {
			final Projection p = network.projection(name);
			Weights weights = p.weights();
			if (!(weights instanceof Weights.Explicit)) {
				final double[] w = new double[network.group(p.source()).size() * network.group(p.target()).size()];
				for (int k = 0; k < w.length; k++) w[k] = initialMax * random.nextDouble();
				weights = new Weights.Explicit(w);
			}
			network = network.withProjection(p.withWeights(weights).withSynapse(Synapse.ampaNmda()));
		}
		return network;
	}

	/** The members of {@code spec}: ";"-separated parameter sets, or {@code random:N:seed}. */
	private static List<Member> members(final String spec, final int side) {
		final List<Member> members = new ArrayList<>();
		if (spec.startsWith("random:")) {
			final String[] parts = spec.split(":");
			final ParameterSpace space = StudySpaces.carlsonV1(side);
			final SplittableRandom random = new SplittableRandom(Long.parseLong(parts[2]));
			for (int m = 0; m < Integer.parseInt(parts[1]); m++) {
				final double[] unit = new double[space.size()];
				for (int i = 0; i < unit.length; i++) unit[i] = random.nextDouble();
				final Map<String, Double> values = space.decode(unit);
				System.out.println("member " + m + ": " + values);
				members.add(Member.of(100 + m, values));
			}
		}
		else {
			final String[] variants = spec.split(";", -1);
			for (int m = 0; m < variants.length; m++) members.add(Member.of(100 + m, V1Search.parameters(variants[m])));
		}
		return members;
	}

	/** One member's rates per test (both polarities), selectivity, preferred angle and closest grating. */
	private static void print(final int m, final MemberResult r, final V1Tuning objective, final double[] angles,
		final int side)
	{
		final double[][] all = objective.rates(r.spikes()), rates = strongerPolarity(all);
		final V1Tuning.Fitness f = V1Tuning.fitness(rates, angles);
		System.out.printf(Locale.ROOT, "== %d exc %.1f inh %.1f buffers %.1f fitness %.6f decorr %.2f gauss %.0f " +
			"max %.0f%n", m, r.rates().meanRateHz("exc"), r.rates().meanRateHz("inh"), (r.rates().meanRateHz("onbuf") + r
				.rates().meanRateHz("offbuf")) / 2, f.value(), f.decorrelation(), f.gaussian(), f.maxRate());
		final float[][] on = r.learnedWeights("onbuf_exc"), off = r.learnedWeights("offbuf_exc");
		final double[] frameAngles = CarlsonV1.frameAngles();
		for (int i = 0; i < all.length; i++) {
			final StringBuilder line = new StringBuilder("  exc" + i + " +:");
			for (int k = 0; k < TESTS; k++) line.append(String.format(Locale.ROOT, " %5.1f", all[i][k]));
			line.append("  -:");
			for (int k = 0; k < TESTS; k++) line.append(String.format(Locale.ROOT, " %5.1f", all[i][k + TESTS]));
			final double[] similarity = ReceptiveFieldMatch.similarities(on, off, i, side, frameAngles,
				CarlsonV1.CYCLES_ACROSS / side);
			int closest = 0;
			for (int k = 1; k < similarity.length; k++) {
				if (Math.abs(similarity[k]) > Math.abs(similarity[closest])) closest = k;
			}
			line.append(String.format(Locale.ROOT, "  sel %.2f pref %.1f  field %.1f deg sim %+.2f", V1Tuning
				.selectivity(rates[i], angles), Math.toDegrees(f.preferred()[i]), Math.toDegrees(frameAngles[closest]),
				similarity[closest]));
			System.out.println(line);
			System.out.println("    weights " + summary(on, off, i));
		}
	}

	/** Mean, sd and largest of Exc neuron i's On and Off weights together. */
	private static String summary(final float[][] on, final float[][] off, final int i) {
		double sum = 0, squares = 0, largest = 0;
		for (final float[][] w : List.of(on, off)) {
			for (final float[] row : w) {
				sum += row[i];
				squares += row[i] * row[i];
				largest = Math.max(largest, row[i]);
			}
		}
		final int n = 2 * on.length;
		final double mean = sum / n;
		return String.format(Locale.ROOT, "mean %.4f sd %.4f max %.3f", mean, Math.sqrt(Math.max(0, squares / n - mean *
			mean)), largest);
	}
}
