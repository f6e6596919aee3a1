package org.spiketune.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.spiketune.model.CarlsonV1;
import org.spiketune.model.NetworkSpec;
import org.spiketune.model.Protocol;
import org.spiketune.model.Stimulus;
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
 * Trains the V1 preset on still gratings in both contrast polarities and tests it:
 * {@code V1Polarity side repeats "k=v,...;k=v,..."} (one member per {@code ;}-separated set). The 80 frames are
 * the preset's 40 gratings and their negatives; training shows all 80, shuffled, {@code repeats} times
 * ({@code -Dpresent=ms}, default 1000, and {@code -Dgap=ms}, default 250, so 20 repeats take as long as 20 of the
 * preset's); testing shows the 8 test orientations in both polarities, 2 s each, and a neuron's rate at an
 * angle is the larger of the two. {@code random:N:seed} instead of the sets draws N members uniformly from the 14
 * tuned ranges ({@code StudySpaces.carlsonV1}); {@code -Dinit=x} starts the Buffer → Exc weights in [0, x]. The preset's 40 gratings cover half a turn at one spatial phase, so the
 * 4.5° grating is nearly the 180° one negated and the inputs' mean activity is not the same in every direction;
 * with both polarities it is. See bench/README.md, "Why the evolution strategy's networks all prefer 180°".
 */
public final class V1Polarity {
	public static void main(final String[] args) {
		final int side = Integer.parseInt(args[0]), repeats = Integer.parseInt(args[1]);
		final double present = Double.parseDouble(System.getProperty("present", "1000"));
		final double gap = Double.parseDouble(System.getProperty("gap", "250"));
		final List<Protocol.Presentation> train = new ArrayList<>();
		for (int k = 0; k < 80; k++) train.add(new Protocol.Presentation(k, present, 0));
		final List<Protocol.Presentation> test = new ArrayList<>();
		for (int p = 0; p < 2; p++) for (int k = 0; k < 8; k++) test.add(new Protocol.Presentation(40 * p + 5 * k + 4, 2000, 0));
		final Protocol protocol = Protocol.of(new Protocol.Phase("training", train, repeats, true, gap),
			new Protocol.Phase("testing", test, 1, false, 500));
		NetworkSpec network = CarlsonV1.network(side, CarlsonV1.protocol(1, 8, 1));
		final Stimulus.ImageDrive d = (Stimulus.ImageDrive) network.stimuli().get(0);
		final List<float[]> frames = new ArrayList<>(d.frames());
		for (final float[] f : d.frames()) {
			final float[] n = new float[f.length];
			for (int i = 0; i < f.length; i++) n[i] = -f[i];
			frames.add(n);
		}
		network = network.withStimuli(List.of(new Stimulus.ImageDrive(d.group(), d.offGroup(), frames, protocol, d.gapRateHz())));
		final double init = Double.parseDouble(System.getProperty("init", "0"));
		if (init > 0) {
			network = network.withProjection(network.projection("onbuf_exc").withWeights(org.spiketune.model.Weights.uniform(0, init)))
				.withProjection(network.projection("offbuf_exc").withWeights(org.spiketune.model.Weights.uniform(0, init)));
		}
		final double[] a40 = CarlsonV1.frameAngles(), a80 = new double[80];
		for (int k = 0; k < 80; k++) a80[k] = a40[k % 40];
		final V1Tuning objective = V1Tuning.of(network, "exc", 1, a80);
		final double[] angles = new double[8];
		for (int k = 0; k < 8; k++) angles[k] = a40[5 * k + 4];
		final List<Member> members = new ArrayList<>();
		if (args[2].startsWith("random:")) {
			final String[] r = args[2].split(":");
			final org.spiketune.tune.ParameterSpace space = org.spiketune.tune.StudySpaces.carlsonV1(side);
			final java.util.SplittableRandom random = new java.util.SplittableRandom(Long.parseLong(r[2]));
			for (int m = 0; m < Integer.parseInt(r[1]); m++) {
				final double[] unit = new double[space.size()];
				for (int i = 0; i < unit.length; i++) unit[i] = random.nextDouble();
				final java.util.Map<String, Double> p = space.decode(unit);
				System.out.println("member " + m + ": " + p);
				members.add(Member.of(100 + m, p));
			}
		}
		else {
			final String[] variants = args[2].split(";", -1);
			for (int m = 0; m < variants.length; m++) members.add(Member.of(100 + m, V1Search.parameters(variants[m])));
		}
		final long t0 = System.nanoTime();
		final BatchResult batch = new Simulator(new CpuBackend()).run(new SimulationRequest(network, protocol.durationMs(), 1,
			members, Recording.spikesOnly().withRateBin(1000).withSpikeGroups("exc", "inh")));
		System.out.printf("SIM %.1f s, %.0f s simulated%n", (System.nanoTime() - t0) / 1e9, protocol.durationMs() / 1000);
		for (int m = 0; m < members.size(); m++) {
			final MemberResult r = batch.member(m);
			final double[][] all = objective.rates(r.spikes()), rates = new double[all.length][8];
			for (int i = 0; i < all.length; i++) for (int k = 0; k < 8; k++) rates[i][k] = Math.max(all[i][k], all[i][k + 8]);
			final V1Tuning.Fitness f = V1Tuning.fitness(rates, angles);
			System.out.printf(Locale.ROOT, "== %d exc %.1f inh %.1f fitness %.6f decorr %.2f gauss %.0f max %.0f%n", m,
				r.rates().meanRateHz("exc"), r.rates().meanRateHz("inh"), f.value(), f.decorrelation(), f.gaussian(), f.maxRate());
			final float[][] on = r.learnedWeights("onbuf_exc"), off = r.learnedWeights("offbuf_exc");
			for (int i = 0; i < 4; i++) {
				final StringBuilder sb = new StringBuilder("  exc" + i + " +:");
				for (int k = 0; k < 8; k++) sb.append(String.format(Locale.ROOT, " %5.1f", all[i][k]));
				sb.append("  -:");
				for (int k = 0; k < 8; k++) sb.append(String.format(Locale.ROOT, " %5.1f", all[i][k + 8]));
				final double[] sims = ReceptiveFieldMatch.similarities(on, off, i, side, a40, CarlsonV1.CYCLES_ACROSS / side);
				int best = 0;
				for (int k = 1; k < 40; k++) if (Math.abs(sims[k]) > Math.abs(sims[best])) best = k;
				sb.append(String.format(Locale.ROOT, "  sel %.2f pref %.1f  field %.1f deg sim %+.2f", V1Tuning.selectivity(rates[i], angles),
					Math.toDegrees(f.preferred()[i]), Math.toDegrees(a40[best]), sims[best]));
				System.out.println(sb);
			}
		}
	}
}
