package org.spiketune.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.spiketune.model.CarlsonV1;
import org.spiketune.model.NetworkSpec;
import org.spiketune.model.Protocol;
import org.spiketune.model.Stimulus;
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
 * weights uniform in [0, x]. The preset's 40 gratings cover half a turn at one spatial phase, so the 4.5°
 * grating is nearly the 180° one negated and the inputs' mean activity is not the same in every
 * direction; with both polarities it is. See bench/README.md, "Why the evolution strategy's networks all
 * prefer 180°".
 */
public final class V1Polarity {

	private static final int ORIENTATIONS = CarlsonV1.TRAINING_ORIENTATIONS, TESTS = CarlsonV1.TEST_ORIENTATIONS;

	public static void main(final String[] args) {
		final int side = Integer.parseInt(args[0]), repeats = Integer.parseInt(args[1]);
		final Protocol protocol = protocol(repeats, Double.parseDouble(System.getProperty("present", "1000")), Double
			.parseDouble(System.getProperty("gap", "250")));
		final NetworkSpec network = network(side, protocol, Double.parseDouble(System.getProperty("init", "0")));
		final double[] frameAngles = CarlsonV1.frameAngles(), bothPolarities = new double[2 * ORIENTATIONS];
		for (int k = 0; k < bothPolarities.length; k++) bothPolarities[k] = frameAngles[k % ORIENTATIONS];
		final V1Tuning objective = V1Tuning.of(network, "exc", 1, bothPolarities);
		final double[] angles = new double[TESTS];
		for (int k = 0; k < TESTS; k++) angles[k] = frameAngles[testFrame(k)];
		final List<Member> members = members(args[2], side);
		final long t0 = System.nanoTime();
		final BatchResult batch = new Simulator(new CpuBackend()).run(new SimulationRequest(network, protocol
			.durationMs(), 1, members, Recording.spikesOnly().withRateBin(1000).withSpikeGroups("exc", "inh")));
		System.out.printf(Locale.ROOT, "SIM %.1f s, %.0f s simulated%n", (System.nanoTime() - t0) / 1e9, protocol
			.durationMs() / 1000);
		for (int m = 0; m < members.size(); m++) print(m, batch.member(m), objective, angles, side);
	}

	/** Test orientation k's frame (of the positive polarity; the negative one is 40 further). */
	private static int testFrame(final int k) {
		return (k + 1) * (ORIENTATIONS / TESTS) - 1;
	}

	private static Protocol protocol(final int repeats, final double presentMs, final double gapMs) {
		final List<Protocol.Presentation> train = new ArrayList<>();
		for (int k = 0; k < 2 * ORIENTATIONS; k++) train.add(new Protocol.Presentation(k, presentMs, 0));
		final List<Protocol.Presentation> test = new ArrayList<>();
		for (int polarity = 0; polarity < 2; polarity++) {
			for (int k = 0; k < TESTS; k++) {
				test.add(new Protocol.Presentation(polarity * ORIENTATIONS + testFrame(k), CarlsonV1.PRESENT_MS, 0));
			}
		}
		return Protocol.of(new Protocol.Phase("training", train, repeats, true, gapMs), new Protocol.Phase("testing",
			test, 1, false, CarlsonV1.GAP_MS));
	}

	/** The preset with its 40 gratings and their negatives as frames, shown by {@code protocol}. */
	private static NetworkSpec network(final int side, final Protocol protocol, final double initialMaxWeight) {
		NetworkSpec network = CarlsonV1.network(side, CarlsonV1.protocol(1, TESTS, 1));
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
			for (final String projection : new String[] { "onbuf_exc", "offbuf_exc" }) {
				network = network.withProjection(network.projection(projection).withWeights(Weights.uniform(0,
					initialMaxWeight)));
			}
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
		final double[][] all = objective.rates(r.spikes()), rates = new double[all.length][TESTS];
		for (int i = 0; i < all.length; i++) {
			for (int k = 0; k < TESTS; k++) rates[i][k] = Math.max(all[i][k], all[i][k + TESTS]);
		}
		final V1Tuning.Fitness f = V1Tuning.fitness(rates, angles);
		System.out.printf(Locale.ROOT, "== %d exc %.1f inh %.1f fitness %.6f decorr %.2f gauss %.0f max %.0f%n", m, r
			.rates().meanRateHz("exc"), r.rates().meanRateHz("inh"), f.value(), f.decorrelation(), f.gaussian(), f
				.maxRate());
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
		}
	}
}
