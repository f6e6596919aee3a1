package org.spiketune.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.spiketune.model.CarlsonV1;
import org.spiketune.model.GratingPhase;
import org.spiketune.model.Gratings;
import org.spiketune.model.NetworkSpec;
import org.spiketune.model.Protocol;
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

/**
 * Probes parameter sets of the V1 study in one batch and prints each member's rates, test tuning curves,
 * fitness components and Buffer → Exc weight statistics:
 * {@code V1Probe side repeats timeScale "k=v,k=v;k=v,..."} (one member per {@code ;}-separated set).
 * {@code -Dhz=f} shows counterphase gratings at f Hz in training and testing (default: still);
 * {@code -Dinit=x} starts the Buffer → Exc weights uniform in [0, x] (default: the preset's);
 * {@code -Dmatched=w} sets the Buffer → Exc weights to w times the gratings at π/4, π/2, 3π/4 and π (On:
 * positive part, Off: negative part), the receptive fields learning should find, to see what the network
 * can express with them; {@code -DstaticTest=true} tests with still gratings (with {@code -Dhz});
 * {@code -DonlyFrame=k} trains with training frame k only (orientation π(k + 1)/40), as often as the whole set;
 * {@code -Dcourse=k} prints the Exc and Inh rates averaged over every k rate bins (1 s each);
 * {@code -Dmaps=true} prints the first member's first neuron's On and Off weights as digits (0-9 for 0-0.9).
 * Besides the similarity with the gratings, each field's correlation with its inputs' mean activity over the
 * training gratings is printed: near +1 the field copied the mean activity, negative ones avoid busy inputs.
 * {@code -Dbackend=opencl:gpu} (any {@code Backends} name) runs it elsewhere than the CPU.
 * {@code -Dslow=true} adds NMDA and GABA-B to every AMPA and GABA-A projection ({@code
 * CarlsonV1.withSlowReceptors}), as the V1 commands' {@code slowreceptors}.
 * {@code -Dpixels=transpose} shows every frame transposed (pixel (x, y) at (y, x): each orientation θ looks
 * like π/2 − θ, under the same label), {@code -Dpixels=permute} with one fixed random permutation of the
 * pixels (the same for On and Off): a network without spatial structure cannot tell either from the original,
 * so a preference that moves with them comes from the pixels' indices, not from the gratings (the learned
 * fields are then printed in the remapped pixel order). {@code -DreverseTest=true} tests the 8 orientations in
 * reverse order (the rates are printed in test order, after the test angles).
 */
public final class V1Probe {
	public static void main(final String[] args) {
		final int side = Integer.parseInt(args[0]), repeats = Integer.parseInt(args[1]);
		final double scale = Double.parseDouble(args[2]);
		Protocol protocol = CarlsonV1.protocol(repeats, 8, scale, Double.parseDouble(System.getProperty("hz", "0")));
		final int onlyFrame = Integer.getInteger("onlyFrame", -1);
		if (onlyFrame >= 0) {
			final Protocol.Phase train = protocol.phases().get(0);
			protocol = Protocol.of(new Protocol.Phase(train.name(), List.of(new Protocol.Presentation(onlyFrame,
				CarlsonV1.PRESENT_MS * scale, train.presentations().get(0).temporalHz())), train.repeats() * train
					.presentations().size(),
				false, train.gapMs()), protocol.phases().get(1));
		}
		if (Boolean.getBoolean("staticTest")) {
			final Protocol.Phase test = protocol.phases().get(1);
			protocol = Protocol.of(protocol.phases().get(0), new Protocol.Phase(test.name(), test.presentations().stream()
				.map(p -> new Protocol.Presentation(p.frame(), p.durationMs(), 0)).toList(), test.repeats(), test
					.shuffled(), test.gapMs()));
		}
		if (Boolean.getBoolean("reverseTest")) {
			final Protocol.Phase test = protocol.phases().get(1);
			final List<Protocol.Presentation> reversed = new ArrayList<>(test.presentations());
			java.util.Collections.reverse(reversed);
			protocol = Protocol.of(protocol.phases().get(0), new Protocol.Phase(test.name(), reversed, test.repeats(), test
				.shuffled(), test.gapMs()));
		}
		NetworkSpec network = CarlsonV1.network(side, protocol, GratingPhase.SINE);
		if (Boolean.getBoolean("slow")) network = CarlsonV1.withSlowReceptors(network);
		final double init = Double.parseDouble(System.getProperty("init", "0"));
		if (init > 0) {
			network = network.withProjection(network.projection("onbuf_exc").withWeights(Weights.uniform(0, init)))
				.withProjection(network.projection("offbuf_exc").withWeights(Weights.uniform(0, init)));
		}
		final double matched = Double.parseDouble(System.getProperty("matched", "0"));
		if (matched > 0) {
			final int px = side * side;
			final double[] on = new double[px * 4], off = new double[px * 4];
			for (int k = 0; k < 4; k++) {
				final float[] g = Gratings.grating(side, side, Math.PI / 4 * (k + 1), CarlsonV1.CYCLES_ACROSS / side, 0);
				for (int i = 0; i < px; i++) {
					on[i * 4 + k] = matched * Math.max(g[i], 0);
					off[i * 4 + k] = matched * Math.max(-g[i], 0);
				}
			}
			network = network.withProjection(network.projection("onbuf_exc").withWeights(new Weights.Explicit(on)))
				.withProjection(network.projection("offbuf_exc").withWeights(new Weights.Explicit(off)));
		}
		final String pixels = System.getProperty("pixels");
		if (pixels != null) network = remapPixels(network, pixelMap(pixels, side));
		final V1Tuning objective = V1Tuning.of(network, "exc", 1, CarlsonV1.frameAngles());
		final List<Member> members = new ArrayList<>();
		final String[] variants = args[3].split(";", -1);
		for (int m = 0; m < variants.length; m++) {
			members.add(Member.of(100 + m, V1Search.parameters(variants[m])));
		}
		System.out.println("test angles " + java.util.Arrays.toString(java.util.Arrays.stream(objective.angles()).map(
			Math::toDegrees).toArray()));
		final long t0 = System.nanoTime();
		final org.spiketune.sim.Backend backend = System.getProperty("backend") == null ? new CpuBackend()
			: org.spiketune.sim.backends.Backends.byName(System.getProperty("backend"), 0);
		System.out.println("backend " + backend.name() + ", " + members.size() + " members, " + protocol.durationMs() / 1000 + " s");
		final BatchResult batch = new Simulator(backend).run(new SimulationRequest(network, protocol.durationMs(), 1, members, Recording.spikesOnly().withRateBin(1000).withSpikeGroups("exc", "inh")));
		System.out.printf("SIM %.1f s%n", (System.nanoTime() - t0) / 1e9);
		for (int m = 0; m < members.size(); m++) {
			final MemberResult r = batch.member(m);
			final double[][] rates = objective.rates(r.spikes());
			final V1Tuning.Fitness f = V1Tuning.fitness(rates, objective.angles());
			System.out.printf(Locale.ROOT, "== %d %s%n  rates onpoiss %.1f onbuf %.1f exc %.1f inh %.1f  fitness %.6f decorr %.2f gauss %.0f max %.0f pen %.0f%n", m, variants[m], r.rates().meanRateHz("onpoiss"), r.rates().meanRateHz("onbuf"), r.rates().meanRateHz("exc"), r.rates().meanRateHz("inh"), f.value(), f.decorrelation(), f.gaussian(), f.maxRate(), f.penalty());
			if (r.fault() != null) System.out.println("  FAULT " + r.fault());
			final int every = Integer.getInteger("course", 0);
			if (every > 0) printCourse(r, every);
			for (int i = 0; i < 4; i++) {
				final StringBuilder sb = new StringBuilder("  exc" + i + ":");
				for (final double v : rates[i]) sb.append(String.format(Locale.ROOT, " %5.1f", v));
				System.out.println(sb);
			}
			final float[][] on = r.learnedWeights("onbuf_exc"), off = r.learnedWeights("offbuf_exc");
			for (int i = 0; i < 4; i++) {
				double mean = 0, sd = 0;
				for (float[] row : on) mean += row[i];
				mean /= on.length;
				for (float[] row : on) sd += (row[i] - mean) * (row[i] - mean);
				System.out.printf(Locale.ROOT, "  w on->exc%d mean %.3f sd %.3f  rf %s  activity correlation " +
					"On %.2f Off %.2f%n", i, mean, Math.sqrt(sd / on.length), receptiveFieldOrientation(on, off, i,
						side), activityCorrelation(on, i, side, 1), activityCorrelation(off, i, side, -1));
				if (Boolean.getBoolean("maps") && m == 0 && i == 0) printMaps(on, off, i, side);
			}
		}
	}

	/** Where each shown pixel is taken from: {@code transpose} or a seeded {@code permute}. */
	static int[] pixelMap(final String how, final int side) {
		final int[] map = new int[side * side];
		for (int p = 0; p < map.length; p++) map[p] = p;
		if (how.equals("transpose")) {
			for (int y = 0; y < side; y++) for (int x = 0; x < side; x++) map[y * side + x] = x * side + y;
		}
		else if (how.equals("permute")) {
			final java.util.Random random = new java.util.Random(Long.getLong("pixelSeed", 7));
			for (int p = map.length - 1; p > 0; p--) {
				final int q = random.nextInt(p + 1), t = map[p];
				map[p] = map[q];
				map[q] = t;
			}
		}
		else throw new IllegalArgumentException("-Dpixels must be transpose or permute, got " + how);
		return map;
	}

	/** The network with every frame of its image drive shown through {@code map} (pixel p shows map[p]). */
	static NetworkSpec remapPixels(final NetworkSpec network, final int[] map) {
		final List<org.spiketune.model.Stimulus> stimuli = new ArrayList<>();
		for (final org.spiketune.model.Stimulus s : network.stimuli()) {
			if (s instanceof org.spiketune.model.Stimulus.ImageDrive d) {
				final List<float[]> frames = new ArrayList<>();
				for (final float[] f : d.frames()) {
					final float[] shown = new float[f.length];
					for (int p = 0; p < f.length; p++) shown[p] = f[map[p]];
					frames.add(shown);
				}
				stimuli.add(new org.spiketune.model.Stimulus.ImageDrive(d.group(), d.offGroup(), frames, d.protocol(), d
					.gapRateHz()));
			}
			else stimuli.add(s);
		}
		return network.withStimuli(stimuli);
	}

	/** Neuron {@code i}'s On and Off weights, one digit per pixel (tenths, 9 for 0.9 and above). */
	static void printMaps(final float[][] on, final float[][] off, final int i, final int side) {
		for (int y = 0; y < side; y++) {
			final StringBuilder row = new StringBuilder("   ");
			for (final float[][] w : new float[][][] { on, off }) {
				for (int x = 0; x < side; x++) row.append(' ').append((int) Math.min(9, w[y * side + x][i] * 10));
				row.append("   ");
			}
			System.out.println(row);
		}
	}

	/**
	 * Pearson correlation of neuron {@code i}'s weights with their inputs' mean activity over the 40 training
	 * gratings (On: positive parts, {@code sign} 1; Off: negative parts, −1).
	 */
	static double activityCorrelation(final float[][] w, final int i, final int side, final int sign) {
		final double[] activity = new double[w.length];
		for (final double angle : CarlsonV1.frameAngles()) {
			final float[] g = Gratings.grating(side, side, angle, CarlsonV1.CYCLES_ACROSS / side, 0);
			for (int p = 0; p < activity.length; p++) activity[p] += Math.max(sign * g[p], 0);
		}
		final double[] weights = new double[w.length];
		for (int p = 0; p < w.length; p++) weights[p] = w[p][i];
		return new org.apache.commons.math3.stat.correlation.PearsonsCorrelation().correlation(activity, weights);
	}

	/** Mean Exc and Inh rates over every {@code every} rate bins, to see how homeostasis moves them. */
	static void printCourse(final MemberResult r, final int every) {
		for (final String group : new String[] { "exc", "inh" }) {
			final double[] trace = r.rates().rateTraceHz(r.rates().groups().indexOf(group));
			final StringBuilder sb = new StringBuilder("  " + group + " course:");
			for (int b = 0; b + every <= trace.length; b += every) {
				double sum = 0;
				for (int k = b; k < b + every; k++) sum += trace[k];
				sb.append(String.format(Locale.ROOT, " %.0f", sum / every));
			}
			System.out.println(sb);
		}
	}

	/**
	 * How oriented neuron {@code i}'s learned receptive field is: the cosine similarity of its On − Off weight
	 * map with each training grating; prints the best angle (degrees), its similarity and the mean |similarity|.
	 */
	static String receptiveFieldOrientation(final float[][] on, final float[][] off, final int i, final int side) {
		final double[] angles = CarlsonV1.frameAngles(), similarity = ReceptiveFieldMatch.similarities(on, off, i, side,
			angles, CarlsonV1.CYCLES_ACROSS / side);
		final ReceptiveFieldMatch best = ReceptiveFieldMatch.best(on, off, i, side, angles, CarlsonV1.CYCLES_ACROSS /
			side);
		return String.format(Locale.ROOT, "best %.0f deg sim %.2f mean|sim| %.2f", Math.toDegrees(best.angle()), best
			.similarity(), java.util.Arrays.stream(similarity).map(Math::abs).average().orElse(0));
	}
}
