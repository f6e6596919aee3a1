package org.spiketune.objective;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.spiketune.model.NetworkSpec;
import org.spiketune.model.Protocol;
import org.spiketune.model.Stimulus;
import org.spiketune.sim.MemberResult;
import org.spiketune.sim.Recording;
import org.spiketune.sim.SpikeRecord;
import org.spiketune.sim.StateTraces;

/**
 * The V1 fitness of Carlson et al. (2014), eqs. 1-6, to maximize: {@code 1 / (f_decorr + f_Gauss + K·f_maxRate)},
 * K = 4.4, from the rates R_ij of each output neuron i during test presentation j (angle θ_j):
 * <ul>
 * <li>{@code f_decorr = Σ_i |D_min,i − π/4|}, {@code D_min,i = min_{k≠i} |θmax_i − θmax_k|} (radians), θmax_i
 * the test angle of i's largest rate (the first, on ties);</li>
 * <li>{@code f_Gauss = Σ_i Σ_j |R_ij − G_ij|}, {@code G_ij = r_max,i·exp(−½((θ_j − θmax_i)/σ)²)}, σ = 15π/180:
 * the rates against a Gaussian of the same peak, in Hz;</li>
 * <li>{@code f_maxRate = Σ_i |r_max,i − 60 Hz|}.</li>
 * </ul>
 * A component above its upper limit (15, 1300, 160) adds 240 to the denominator. The angle differences are
 * plain, not wrapped at π, as in eq. 3. Rates in Hz make the limits 1300 and 160 meaningful (about 40 Hz per
 * term); the limit 15 on f_decorr, in radians, cannot be reached by 4 neurons (at most 4·3π/4 ≈ 9.4), as the
 * paper's equations have it. Components are recorded in the history: the three terms, the penalty, then each
 * neuron's preferred angle (degrees) and maximum rate, then each neuron's largest share of a test spent
 * depolarized ({@link #depolarized}) and the number of (neuron, test) pairs in block, which the fitness cannot
 * see: a tuning run traces the output neurons through the test phase for them.
 * <p>
 * {@link #withBlockPenalty} makes a variant that is not the study's: each (neuron, test) pair in depolarization
 * block adds the penalty again, so a search with NMDA cannot score a silenced neuron as a tuned one.
 */
public final class V1Tuning implements Objective {

	public static final double K = 4.4, SIGMA = 15 * Math.PI / 180, D_TARGET = Math.PI / 4, TARGET_MAX_HZ = 60;
	public static final double DECORRELATION_LIMIT = 15, GAUSSIAN_LIMIT = 1300, MAX_RATE_LIMIT = 160, PENALTY = 240;
	/**
	 * A neuron at or above this potential for most of a test is in depolarization block: a strong excitatory
	 * conductance holds it below its spike peak, silent however strong its drive (bench/README.md, "NMDA and
	 * GABA-B in the core"). A spiking neuron passes through it in about a millisecond per spike.
	 */
	public static final double DEPOLARIZED_MV = -10;
	/** A neuron depolarized for more than this share of a test is in block there ({@link #blockedTests}). */
	public static final double BLOCKED_SHARE = 0.5;
	/** The stability analysis's cutoffs for a well-tuned network. */
	public static final double WELL_DECORRELATION = 15, WELL_GAUSSIAN = 950, WELL_MAX_RATE = 50;

	/** One test presentation: its time window and the angle shown. */
	public record Window(double startMs, double endMs, double angle) {}

	/** The fitness of one set of tuning curves, with its parts. */
	public record Fitness(double decorrelation, double gaussian, double maxRate, double penalty, double value,
		double[] preferred, double[] maxRates)
	{

		/** The stability analysis's test: every component under its cutoff (15 / 950 / 50). */
		public boolean wellTuned() {
			return decorrelation <= WELL_DECORRELATION && gaussian <= WELL_GAUSSIAN && maxRate <= WELL_MAX_RATE;
		}
	}

	private final String group;
	private final int offset, size;
	private final List<Window> windows;
	private final boolean blockPenalty;

	public V1Tuning(final String group, final int offset, final int size, final List<Window> windows) {
		this(group, offset, size, windows, false);
	}

	private V1Tuning(final String group, final int offset, final int size, final List<Window> windows,
		final boolean blockPenalty)
	{
		if (size < 2) throw new IllegalArgumentException("v1-tuning needs at least 2 output neurons, got " + size);
		if (windows.isEmpty()) throw new IllegalArgumentException("v1-tuning needs test presentations");
		this.group = group;
		this.offset = offset;
		this.size = size;
		this.windows = List.copyOf(windows);
		this.blockPenalty = blockPenalty;
	}

	/**
	 * This objective, and when {@code penalize}, not the study's: every (neuron, test) pair in depolarization
	 * block (depolarized for more than {@link #BLOCKED_SHARE} of the test) adds {@link #PENALTY} to the fitness's
	 * denominator and to the recorded penalty.
	 */
	public V1Tuning withBlockPenalty(final boolean penalize) {
		return new V1Tuning(group, offset, size, windows, penalize);
	}

	public boolean blockPenalty() {
		return blockPenalty;
	}

	/**
	 * The objective of a network whose image drive's protocol has a test phase {@code testPhase}: the test
	 * presentations' windows, each frame's angle from {@code frameAngles}, and the output group.
	 */
	public static V1Tuning of(final NetworkSpec network, final String group, final int testPhase,
		final double[] frameAngles)
	{
		final Protocol protocol = network.stimuli().stream().filter(Stimulus.ImageDrive.class::isInstance).map(
			s -> ((Stimulus.ImageDrive) s).protocol()).findFirst().orElseThrow(() -> new IllegalArgumentException(
				"v1-tuning needs a network driven by images; '" + network.name() + "' has no image drive"));
		if (testPhase < 0 || testPhase >= protocol.phases().size()) {
			throw new IllegalArgumentException("v1-tuning: the protocol has no phase " + testPhase);
		}
		if (protocol.phases().get(testPhase).shuffled()) {
			throw new IllegalArgumentException("v1-tuning: test phase '" + protocol.phases().get(testPhase).name() +
				"' is shuffled; test in a fixed order");
		}
		final List<Window> windows = new ArrayList<>();
		for (final Protocol.Shown shown : protocol.schedule(0)) {
			if (shown.phase() == testPhase) {
				windows.add(new Window(shown.startMs(), shown.endMs(), frameAngles[shown.presentation().frame()]));
			}
		}
		return new V1Tuning(group, network.groupOffset(group), network.group(group).size(), windows);
	}

	public List<Window> windows() {
		return windows;
	}

	/** Only the output group's spikes are scored, so only they need recording. */
	@Override
	public List<String> spikeGroups() {
		return List.of(group);
	}

	/** Also the output neurons' v from the first test on, for {@link #depolarized} (a few MB at full scale). */
	@Override
	public Recording recording(final double durationMs) {
		final double testStart = windows.stream().mapToDouble(Window::startMs).min().orElseThrow();
		return Objective.super.recording(durationMs).withTraces(java.util.stream.IntStream.range(offset, offset + size)
			.toArray()).withTracesFrom(testStart);
	}

	/** Rates (Hz) of each output neuron in each test window: [neuron][window]. */
	public double[][] rates(final SpikeRecord spikes) {
		final double[][] rates = new double[size][windows.size()];
		for (int k = 0; k < spikes.count(); k++) {
			final int neuron = spikes.neuron(k) - offset;
			if (neuron < 0 || neuron >= size) continue;
			final double t = spikes.step(k) * spikes.dtMs();
			for (int j = 0; j < windows.size(); j++) {
				final Window w = windows.get(j);
				if (t >= w.startMs() && t < w.endMs()) rates[neuron][j] += 1000 / (w.endMs() - w.startMs());
			}
		}
		return rates;
	}

	/**
	 * The share of each test window each output neuron spent at or above {@link #DEPOLARIZED_MV}, from traces
	 * of the output neurons in order (steps at {@code dtMs}; a step belongs to the window its start falls in, as a
	 * spike does for the rates): [neuron][window]. The fitness cannot tell such a block from a neuron without
	 * drive; this can.
	 */
	public double[][] depolarized(final StateTraces traces, final double dtMs) {
		final int[] neurons = traces.neurons();
		for (int i = 0; i < size; i++) {
			if (neurons.length != size || neurons[i] != offset + i) {
				throw new IllegalArgumentException("v1-tuning needs the traces of the " + size + " '" + group +
					"' neurons in order, got " + java.util.Arrays.toString(neurons));
			}
		}
		final double[][] share = new double[size][windows.size()];
		for (int i = 0; i < size; i++) {
			final float[] v = traces.v(i);
			for (int j = 0; j < windows.size(); j++) {
				final Window w = windows.get(j);
				int inside = 0, high = 0;
				for (int k = 0; k < v.length; k++) {
					final double t = (traces.firstStep() + k) * dtMs;
					if (t >= w.startMs() && t < w.endMs()) {
						inside++;
						if (v[k] >= DEPOLARIZED_MV) high++;
					}
				}
				if (inside == 0) {
					throw new IllegalArgumentException("the traces do not cover the test window " + w.startMs() + "-" + w
						.endMs() + " ms");
				}
				share[i][j] = (double) high / inside;
			}
		}
		return share;
	}

	public double[] angles() {
		return windows.stream().mapToDouble(Window::angle).toArray();
	}

	/** Eqs. 1-6 for rates [neuron][test angle] (Hz) at {@code angles} (radians). */
	public static Fitness fitness(final double[][] rates, final double[] angles) {
		final int n = rates.length;
		final double[] preferred = new double[n], peak = new double[n];
		for (int i = 0; i < n; i++) {
			int best = 0;
			for (int j = 1; j < angles.length; j++) if (rates[i][j] > rates[i][best]) best = j;
			preferred[i] = angles[best];
			peak[i] = rates[i][best];
		}
		double decorrelation = 0, gaussian = 0, maxRate = 0;
		for (int i = 0; i < n; i++) {
			double nearest = Double.POSITIVE_INFINITY;
			for (int k = 0; k < n; k++) if (k != i) nearest = Math.min(nearest, Math.abs(preferred[i] - preferred[k]));
			decorrelation += Math.abs(nearest - D_TARGET);
			for (int j = 0; j < angles.length; j++) {
				final double z = (angles[j] - preferred[i]) / SIGMA;
				gaussian += Math.abs(rates[i][j] - peak[i] * Math.exp(-0.5 * z * z));
			}
			maxRate += Math.abs(peak[i] - TARGET_MAX_HZ);
		}
		final double penalty = decorrelation > DECORRELATION_LIMIT || gaussian > GAUSSIAN_LIMIT ||
			maxRate > MAX_RATE_LIMIT ? PENALTY : 0;
		final double value = 1 / (decorrelation + gaussian + K * maxRate + penalty);
		return new Fitness(decorrelation, gaussian, maxRate, penalty, value, preferred, peak);
	}

	/**
	 * How orientation selective a tuning curve is: one minus its circular variance,
	 * {@code |Σ_j R_j·e^{2iθ_j}| / Σ_j R_j} over the test angles (orientations repeat every π, hence 2θ). A flat
	 * curve over evenly spread angles gives 0, a neuron that answers one angle only gives 1, a silent one 0.
	 */
	public static double selectivity(final double[] rates, final double[] angles) {
		if (rates.length != angles.length) {
			throw new IllegalArgumentException(rates.length + " rates but " + angles.length + " angles");
		}
		double x = 0, y = 0, sum = 0;
		for (int j = 0; j < rates.length; j++) {
			x += rates[j] * Math.cos(2 * angles[j]);
			y += rates[j] * Math.sin(2 * angles[j]);
			sum += rates[j];
		}
		return sum > 0 ? Math.hypot(x, y) / sum : 0;
	}

	/** Decoded test angles: per presentation the decoded angle and its error (degrees, at most 90). */
	public record Decoding(double[] angles, double[] decoded, double[] errorDeg) {

		public double meanErrorDeg() {
			return java.util.Arrays.stream(errorDeg).average().orElse(Double.NaN);
		}

		/** Sample standard deviation of the errors. */
		public double sdErrorDeg() {
			final double mean = meanErrorDeg();
			double sum = 0;
			for (final double e : errorDeg) sum += (e - mean) * (e - mean);
			return errorDeg.length < 2 ? 0 : Math.sqrt(sum / (errorDeg.length - 1));
		}
	}

	/**
	 * Population-vector decoding (Dayan and Abbott 2001), as the study decodes its test angles: for test
	 * presentation j, each neuron i votes with its rate R_ij for its preferred orientation θmax_i; orientations
	 * repeat every π, so votes add as vectors at angle 2θ and the decoded orientation is half the resultant's
	 * angle, in (0, π]. Neurons may come from many trained networks (rows of {@code rates} with their
	 * {@code preferred} angles, radians); the error is the orientation difference, at most 90°.
	 */
	public static Decoding decode(final double[][] rates, final double[] preferred, final double[] angles) {
		final double[] weights = new double[preferred.length];
		Arrays.fill(weights, 1);
		return decode(rates, preferred, angles, weights);
	}

	/**
	 * {@link #decode} with every preferred angle voting alike: each neuron's vote is divided by the number of
	 * neurons that prefer its angle. Not the study's decoding, a diagnostic of it: where few neurons prefer an
	 * angle, the plain population vector leans towards the angles many prefer, and this shows how much of the
	 * error that uneven coverage makes.
	 */
	public static Decoding decodeBalanced(final double[][] rates, final double[] preferred, final double[] angles) {
		final double[] weights = new double[preferred.length];
		for (int i = 0; i < preferred.length; i++) {
			int alike = 0;
			for (final double p : preferred) if (p == preferred[i]) alike++;
			weights[i] = 1.0 / alike;
		}
		return decode(rates, preferred, angles, weights);
	}

	private static Decoding decode(final double[][] rates, final double[] preferred, final double[] angles,
		final double[] weights)
	{
		if (rates.length != preferred.length) {
			throw new IllegalArgumentException(rates.length + " neurons' rates but " + preferred.length +
				" preferred angles");
		}
		final double[] decoded = new double[angles.length], error = new double[angles.length];
		for (int j = 0; j < angles.length; j++) {
			double x = 0, y = 0;
			for (int i = 0; i < rates.length; i++) {
				x += weights[i] * rates[i][j] * Math.cos(2 * preferred[i]);
				y += weights[i] * rates[i][j] * Math.sin(2 * preferred[i]);
			}
			double theta = Math.atan2(y, x) / 2;
			if (theta <= 0) theta += Math.PI;
			decoded[j] = theta;
			double difference = Math.abs(theta - angles[j]) % Math.PI;
			if (difference > Math.PI / 2) difference = Math.PI - difference;
			error[j] = Math.toDegrees(difference);
		}
		return new Decoding(angles.clone(), decoded, error);
	}

	/** The variant has a name of its own, so that a checkpoint of one fitness does not resume with the other. */
	@Override
	public String name() {
		return blockPenalty ? "v1-tuning-block-penalty" : "v1-tuning";
	}

	@Override
	public String fitnessLabel() {
		return blockPenalty ? "V1 fitness 1/(decorr + Gauss + 4.4·maxRate + 240·blocked)"
			: "V1 fitness 1/(decorr + Gauss + 4.4·maxRate)";
	}

	@Override
	public boolean minimize() {
		return false;
	}

	@Override
	public List<String> components() {
		final List<String> names = new ArrayList<>(List.of("decorrelation", "gaussian_hz", "max_rate_hz", "penalty"));
		for (int i = 0; i < size; i++) names.add(group + i + "_preferred_deg");
		for (int i = 0; i < size; i++) names.add(group + i + "_max_hz");
		for (int i = 0; i < size; i++) names.add(group + i + "_depolarized");
		names.add("blocked_tests");
		return names;
	}

	@Override
	public List<String> objectives() {
		return List.of("fitness");
	}

	/**
	 * The fitness a {@link #score} recorded, rebuilt from its components (e.g. a tuning run's best), so it can be
	 * described as the trial it came from. A score averaged over several samples averages the preferred angles
	 * too, so those describe no single network (the study's evolution strategy scores one sample).
	 *
	 * @throws IllegalArgumentException when the score failed or is not one of this objective
	 */
	public Fitness fitness(final Score score) {
		final double[] c = components(score);
		final double[] preferred = new double[size], maxRates = new double[size];
		for (int i = 0; i < size; i++) {
			preferred[i] = Math.toRadians(c[4 + i]);
			maxRates[i] = c[4 + size + i];
		}
		return new Fitness(c[0], c[1], c[2], c[3], score.value(), preferred, maxRates);
	}

	/**
	 * Each output neuron's largest share of a test spent depolarized, as {@link #score} recorded it (NaN where
	 * it was not traced).
	 */
	public double[] depolarized(final Score score) {
		final double[] c = components(score);
		final double[] share = new double[size];
		for (int i = 0; i < size; i++) share[i] = c[4 + 2 * size + i];
		return share;
	}

	/** The (neuron, test) pairs in block {@link #score} recorded (NaN where not traced). */
	public double blockedTests(final Score score) {
		final double[] c = components(score);
		return c[4 + 3 * size];
	}

	private double[] components(final Score score) {
		if (score.failed()) throw new IllegalArgumentException("the network was not scored: " + score.failure());
		final double[] c = score.components();
		if (c.length != 5 + 3 * size) {
			throw new IllegalArgumentException("not a score of " + this + ": " + c.length + " components");
		}
		return c;
	}

	/**
	 * The test a neuron spent the largest share of depolarized (the first of equal ones), from its shares per
	 * test ({@link #depolarized}); 0 for none.
	 */
	public static int mostDepolarizedTest(final double[] shares) {
		int most = 0;
		for (int j = 1; j < shares.length; j++) if (shares[j] > shares[most]) most = j;
		return most;
	}

	private static double largestShare(final double[] shares) {
		return shares.length == 0 ? 0 : shares[mostDepolarizedTest(shares)];
	}

	/** Where a neuron depolarized for {@code share} of a test is in block there (over {@link #BLOCKED_SHARE}). */
	public static boolean blocked(final double share) {
		return share > BLOCKED_SHARE;
	}

	/** The number of (neuron, test) pairs depolarized for more than {@link #BLOCKED_SHARE} of the test. */
	public static int blockedTests(final double[][] depolarized) {
		int blocked = 0;
		for (final double[] neuron : depolarized) for (final double share : neuron) if (blocked(share)) blocked++;
		return blocked;
	}

	/**
	 * The study's fitness of the output neurons' rates; with traces of them (as {@link #recording} asks for),
	 * also their depolarization, which {@link #withBlockPenalty the block penalty} counts.
	 *
	 * @throws IllegalArgumentException when the block penalty is on and the result has no traces of the outputs
	 */
	@Override
	public Score score(final MemberResult result) {
		final Fitness study = fitness(rates(result.spikes()), angles());
		final StateTraces traces = result.traces();
		if (traces == null || traces.neurons().length == 0) {
			if (blockPenalty) {
				throw new IllegalArgumentException("v1-tuning with the block penalty needs traces of the '" + group +
					"' neurons in the test phase (record them as recording(durationMs) says)");
			}
			return score(study, null);
		}
		return score(study, depolarized(traces, result.spikes().dtMs()));
	}

	/** A fitness of rates alone as the score this objective records, its depolarization not traced (NaN). */
	public Score score(final Fitness f) {
		return score(f, null);
	}

	/**
	 * A fitness as the score this objective records: decorrelation, Gaussian, max-rate and penalty terms,
	 * then each neuron's preferred angle (degrees) and peak rate, its largest share of a test depolarized and
	 * the pairs in block ({@code depolarized} [neuron][test], or null: NaN, not traced). With the block penalty,
	 * each blocked pair adds {@link #PENALTY} to the denominator and the penalty. {@link #fitness(Score)} reads
	 * it back.
	 */
	private Score score(final Fitness f, final double[][] depolarized) {
		final double[] components = new double[5 + 3 * size];
		final int blocked = depolarized == null ? 0 : blockedTests(depolarized);
		final double extra = blockPenalty ? blocked * PENALTY : 0;
		components[0] = f.decorrelation();
		components[1] = f.gaussian();
		components[2] = f.maxRate();
		components[3] = f.penalty() + extra;
		for (int i = 0; i < size; i++) {
			components[4 + i] = Math.toDegrees(f.preferred()[i]);
			components[4 + size + i] = f.maxRates()[i];
			components[4 + 2 * size + i] = depolarized == null ? Double.NaN : largestShare(depolarized[i]);
		}
		components[4 + 3 * size] = depolarized == null ? Double.NaN : blocked;
		final double value = extra == 0 ? f.value() : 1 / (f.decorrelation() + f.gaussian() + K * f.maxRate() + f
			.penalty() + extra);
		return Score.of(value, components, new double[] { value });
	}

	@Override
	public double worst() {
		return 0;
	}

	@Override
	public String toString() {
		return "v1-tuning of '" + group + "' over " + windows.size() + " test presentations" + (blockPenalty
			? ", penalizing depolarization block" : "");
	}
}
