package org.spiketune.tune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.spiketune.model.CarlsonV1;
import org.spiketune.model.GratingPhase;
import org.spiketune.model.NetworkSpec;
import org.spiketune.model.Protocol;
import org.spiketune.objective.ReceptiveFieldMatch;
import org.spiketune.objective.V1Tuning;
import org.spiketune.sim.BatchResult;
import org.spiketune.sim.Member;
import org.spiketune.sim.MemberResult;
import org.spiketune.sim.SimulationRequest;
import org.spiketune.sim.Simulator;
import org.spiketune.sim.SpikeRecord;

/**
 * The V1 study of Carlson et al. (2014) end to end: train and test networks (each member a new random
 * stimulus order), tune the 14 parameters with the study's evolution strategy, and the stability analysis
 * (the same parameters retrained in n new orders: share of networks with all output neurons well tuned,
 * population-vector decoding of the test angles pooled over all of them).
 */
public final class V1Study {

	/**
	 * The network size, training repeats of the 40 orientations, time scale, test orientations (8 or 40), the
	 * gratings' counterphase frequency ({@code temporalHz}; 0: still gratings, the preset's default, under
	 * which the network learns; the paper names counterphase gratings, e.g. {@link CarlsonV1#TEMPORAL_HZ}) and
	 * whether excitatory spikes also drive NMDA and inhibitory ones GABA-B, as in CARLsim
	 * ({@code slowReceptors}, {@link CarlsonV1#withSlowReceptors}; off in the preset), and the gratings'
	 * spatial phase ({@link GratingPhase}; {@link CarlsonV1#DEFAULT_PHASE} unless given).
	 */
	public record Settings(int side, int repeats, double timeScale, int testOrientations, double temporalHz,
		boolean slowReceptors, GratingPhase phase)
	{

		public Settings {
			java.util.Objects.requireNonNull(phase, "V1 grating phase");
			if (side < 2) throw new IllegalArgumentException("V1 side must be >= 2, got " + side);
			if (repeats < 1) throw new IllegalArgumentException("V1 training repeats must be >= 1, got " + repeats);
			if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
				throw new IllegalArgumentException("V1 time scale must be > 0, got " + timeScale);
			}
			if (!(temporalHz >= 0) || Double.isInfinite(temporalHz)) {
				throw new IllegalArgumentException("V1 grating counterphase frequency must be >= 0 Hz (0: still), got " +
					temporalHz);
			}
		}

		/** Gratings of the default phase. */
		public Settings(final int side, final int repeats, final double timeScale, final int testOrientations,
			final double temporalHz, final boolean slowReceptors)
		{
			this(side, repeats, timeScale, testOrientations, temporalHz, slowReceptors, CarlsonV1.DEFAULT_PHASE);
		}

		/** The same settings with gratings of {@code newPhase}. */
		public Settings withPhase(final GratingPhase newPhase) {
			return new Settings(side, repeats, timeScale, testOrientations, temporalHz, slowReceptors, newPhase);
		}

		/** The same settings with NMDA and GABA-B on or off. */
		public Settings withSlowReceptors(final boolean on) {
			return new Settings(side, repeats, timeScale, testOrientations, temporalHz, on, phase);
		}

		/** AMPA and GABA-A only. */
		public Settings(final int side, final int repeats, final double timeScale, final int testOrientations,
			final double temporalHz)
		{
			this(side, repeats, timeScale, testOrientations, temporalHz, false);
		}

		/** Still gratings, AMPA and GABA-A only. */
		public Settings(final int side, final int repeats, final double timeScale, final int testOrientations) {
			this(side, repeats, timeScale, testOrientations, 0);
		}

		/** The study's size and length: 32×32, 60 repeats (about 100 min), full durations, 8 test angles, still. */
		public static Settings study() {
			return new Settings(32, CarlsonV1.STUDY_REPEATS, 1, CarlsonV1.TEST_ORIENTATIONS);
		}

		public Protocol protocol() {
			return CarlsonV1.protocol(repeats, testOrientations, timeScale, temporalHz);
		}

		/**
		 * The settings in words, e.g. "32×32, 60 repeats, time scale 1, 8 test angles, still cosine gratings,
		 * NMDA and GABA-B": what results files name, and what runs must share to be pooled.
		 */
		public String describe() {
			return String.format(Locale.ROOT, "%d×%d, %d repeats, time scale %s, %d test angles, %s %s gratings, %s",
				side, side, repeats, number(timeScale), testOrientations, temporalHz == 0 ? "still" : number(temporalHz) +
					" Hz counterphase", phase.label(), slowReceptors ? "NMDA and GABA-B" : "AMPA and GABA-A only");
		}

		private static String number(final double value) {
			return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
		}

		public NetworkSpec network() {
			final NetworkSpec network = CarlsonV1.network(side, protocol(), phase);
			// a name of its own, so that a checkpoint of one synapse set does not resume with the other
			return slowReceptors ? CarlsonV1.withSlowReceptors(network).withName(network.name() + "-nmda-gabab")
				: network;
		}

		public V1Tuning objective() {
			return V1Tuning.of(network(), "exc", 1, CarlsonV1.frameAngles());
		}
	}

	/**
	 * One trained and tested network: its test rates [neuron][angle], fitness, learned receptive fields
	 * ([pixel][neuron], On and Off), the test phase's spikes of Exc and Inh, and the share of each test each
	 * output neuron spent depolarized ([neuron][angle], {@link V1Tuning#depolarized}; near 1: a block).
	 */
	public record Trial(long seed, double[] angles, double[][] rates, V1Tuning.Fitness fitness, float[][] onWeights,
		float[][] offWeights, SpikeRecord spikes, double testStartMs, double[][] depolarized)
	{

		/** How many different test angles the output neurons prefer (the study's fitness's preferred angles). */
		public int distinctPreferred() {
			return distinct(fitness.preferred());
		}

		/** What the run tested, all a stability analysis pools (and {@code test-rates.csv} keeps). */
		public TestedRun tested() {
			return new TestedRun(seed, angles, rates);
		}

		/**
		 * What each output neuron learned: its tuning (preferred angle, peak, selectivity) and which training
		 * grating its receptive field is most like (the size and grating phase of {@code settings}, as trained).
		 */
		public List<Neuron> neurons(final Settings settings) {
			final int side = settings.side();
			final List<Neuron> neurons = new ArrayList<>();
			for (int i = 0; i < rates.length; i++) {
				final ReceptiveFieldMatch field = ReceptiveFieldMatch.best(onWeights, offWeights, i, side, CarlsonV1
					.frameAngles(), CarlsonV1.CYCLES_ACROSS / side, settings.phase().radians());
				// over every test angle (the fitness may use the study's 8 of them)
				final int blocked = V1Tuning.mostDepolarizedTest(depolarized[i]);
				int preferred = 0;
				for (int j = 1; j < angles.length; j++) if (rates[i][j] > rates[i][preferred]) preferred = j;
				neurons.add(new Neuron(angles[preferred], rates[i][preferred], V1Tuning.selectivity(rates[i], angles), field,
					depolarized[i][blocked], angles[blocked]));
			}
			return neurons;
		}
	}

	/**
	 * One output neuron after training: preferred test angle (radians) and its rate, orientation selectivity
	 * ({@link V1Tuning#selectivity}), the grating its receptive field is most like, and the largest share of a
	 * test it spent depolarized ({@link V1Tuning#DEPOLARIZED_MV}) with that test's angle (radians).
	 */
	public record Neuron(double preferred, double peakHz, double selectivity, ReceptiveFieldMatch field,
		double depolarized, double depolarizedAngle)
	{

		/** Most of a test in depolarization block: silent there from too much drive, not too little. */
		public boolean blocked() {
			return V1Tuning.blocked(depolarized);
		}
	}

	/**
	 * What one stability run tested: its seed, the test angles (radians) and its output neurons' rates there
	 * ([neuron][angle], Hz). The study's fitness, and with it whether the run is well tuned, follows from them,
	 * so runs of analyses done apart (other seeds, other machines) can be pooled ({@link #pool}).
	 */
	public record TestedRun(long seed, double[] angles, double[][] rates) {

		public TestedRun {
			if (angles.length == 0 || rates.length == 0) {
				throw new IllegalArgumentException("run " + seed + ": no test angles or no output neurons");
			}
			angles = angles.clone();
			final double[][] copy = new double[rates.length][];
			for (int i = 0; i < rates.length; i++) {
				if (rates[i].length != angles.length) {
					throw new IllegalArgumentException("run " + seed + ", neuron " + i + ": " + rates[i].length +
						" rates for " + angles.length + " test angles");
				}
				for (final double rate : rates[i]) {
					if (!(rate >= 0) || Double.isInfinite(rate)) {
						throw new IllegalArgumentException("run " + seed + ", neuron " + i + ": rate " + rate + " Hz");
					}
				}
				copy[i] = rates[i].clone();
			}
			rates = copy;
		}

		@Override
		public double[] angles() {
			return angles.clone();
		}

		@Override
		public double[][] rates() {
			final double[][] copy = new double[rates.length][];
			for (int i = 0; i < rates.length; i++) copy[i] = rates[i].clone();
			return copy;
		}

		/** The study's fitness of the rates ({@link #studyFitness}). */
		public V1Tuning.Fitness fitness() {
			return studyFitness(rates, angles);
		}

		/** How many different test angles the output neurons prefer. */
		public int distinctPreferred() {
			return distinct(fitness().preferred());
		}
	}

	/**
	 * The stability figures of tested runs: how many are well tuned by the study's cutoffs, how many of those
	 * have every output neuron at its own angle, and the test angles decoded from all their output neurons.
	 */
	public record Summary(List<TestedRun> runs, int wellTuned, int wellTunedWithDistinctAngles,
		V1Tuning.Decoding decoding, V1Tuning.Decoding balancedDecoding)
	{

		public Summary {
			runs = List.copyOf(runs);
		}

		public double shareWellTuned() {
			return (double) wellTuned / runs.size();
		}

		/** The test angles an output neuron can prefer (radians): those the study's fitness compares. */
		public double[] preferableAngles() {
			final double[] tested = runs.get(0).angles();
			return Arrays.stream(studyAngles(tested)).mapToDouble(j -> tested[j]).toArray();
		}

		/**
		 * How many output neurons of all runs prefer each of the {@link #preferableAngles} (a silent neuron's flat
		 * curve counts at the first).
		 */
		public long[] preferredCounts() {
			final double[] at = preferableAngles();
			final long[] counts = new long[at.length];
			for (final TestedRun run : runs) {
				for (final double preferred : run.fitness().preferred()) {
					for (int j = 0; j < at.length; j++) if (Math.abs(preferred - at[j]) < 1e-9) counts[j]++;
				}
			}
			return counts;
		}

		/**
		 * The p-value of Pearson's χ² test of {@link #preferredCounts} against the same count at every angle: small
		 * where the preferred angles are spread more unevenly than chance would spread them, so that the decoding's
		 * lean towards the crowded angles lies in the parameters, not in the few runs pooled. NaN for one angle, or
		 * for fewer than 5 neurons per angle (40 neurons, 10 runs, on the study's 8), where the χ² approximation fails.
		 */
		public double evenSpreadP() {
			final long[] counts = preferredCounts();
			if (counts.length < 2 || Arrays.stream(counts).sum() < 5L * counts.length) return Double.NaN;
			final double[] even = new double[counts.length];
			Arrays.fill(even, 1); // the test scales the expected counts to the observed total
			return new org.apache.commons.math3.stat.inference.ChiSquareTest().chiSquareTest(even, counts);
		}
	}

	/** What the stability analysis found: the runs trained here and their {@link Summary}. */
	public record Stability(List<Trial> trials, Summary summary) {

		public Stability {
			trials = List.copyOf(trials);
		}

		/** The runs whose output neurons are all well tuned by the study's cutoffs (15 / 950 / 50). */
		public int wellTuned() {
			return summary.wellTuned();
		}

		public double shareWellTuned() {
			return summary.shareWellTuned();
		}

		/**
		 * The well-tuned runs whose output neurons all prefer different test angles. The study's cutoffs do not ask
		 * for it: its decorrelation limit (15, in radians) is above what 4 neurons can reach, so a network with two
		 * neurons at one angle passes them.
		 */
		public int wellTunedWithDistinctAngles() {
			return summary.wellTunedWithDistinctAngles();
		}

		/** The test angles decoded from the output neurons of every run together. */
		public V1Tuning.Decoding decoding() {
			return summary.decoding();
		}
	}

	/** Told of each stability run as it ends (long runs want progress, and a way to stop between runs). */
	@FunctionalInterface
	public interface RunListener {

		/** {@code trial} is run {@code done} of {@code runs}; false stops the analysis after it. */
		boolean runDone(Trial trial, int done, int runs);
	}

	private V1Study() {}

	/** Trains and tests one network per seed (each seed its own stimulus order), all in one batch. */
	public static List<Trial> trials(final Simulator simulator, final Settings settings,
		final Map<String, Double> parameters, final long... seeds)
	{
		final NetworkSpec network = settings.network();
		final V1Tuning objective = settings.objective();
		final List<Member> members = new ArrayList<>();
		for (final long seed : seeds) members.add(Member.of(seed, parameters));
		final Protocol protocol = settings.protocol();
		// what the objective records (the output neurons' v in the test phase, to tell a block from silence), with
		// the Inh spikes for the test raster and 1 s rate bins
		final SimulationRequest request = new SimulationRequest(network, protocol.durationMs(), seeds[0], members,
			objective.recording(protocol.durationMs()).withRateBin(1000).withSpikeGroups("exc", "inh"));
		final BatchResult batch = simulator.run(request);
		final List<Trial> trials = new ArrayList<>();
		for (int m = 0; m < seeds.length; m++) {
			final MemberResult r = batch.member(m);
			final double[][] rates = objective.rates(r.spikes());
			trials.add(new Trial(seeds[m], objective.angles(), rates, studyFitness(rates, objective.angles()), r
				.learnedWeights("onbuf_exc"), r.learnedWeights("offbuf_exc"), r.spikes(), protocol.phaseStartMs(1),
				objective.depolarized(r.traces(), network.dtMs())));
		}
		return trials;
	}

	/**
	 * The study's fitness ({@link V1Tuning#fitness}) of {@code rates} [neuron][angle] tested at {@code angles}
	 * (radians), on the study's 8 test angles (multiples of π/8) where the test showed those and more (40, for
	 * tuning-curve figures): the Gaussian term sums over the test angles, and its cutoffs and penalty are for 8.
	 */
	public static V1Tuning.Fitness studyFitness(final double[][] rates, final double[] angles) {
		final int[] study = studyAngles(angles);
		if (study.length == angles.length) return V1Tuning.fitness(rates, angles);
		final double[] at = new double[study.length];
		final double[][] sub = new double[rates.length][study.length];
		for (int c = 0; c < study.length; c++) {
			at[c] = angles[study[c]];
			for (int i = 0; i < rates.length; i++) sub[i][c] = rates[i][study[c]];
		}
		return V1Tuning.fitness(sub, at);
	}

	/**
	 * The indices of the angles {@link #studyFitness} compares: the study's 8 test angles where {@code angles}
	 * holds those and more, else all of them.
	 */
	private static int[] studyAngles(final double[] angles) {
		final double step = Math.PI / CarlsonV1.TEST_ORIENTATIONS;
		final List<Integer> study = new ArrayList<>();
		for (int j = 0; j < angles.length; j++) {
			final double k = angles[j] / step;
			if (k > 0.5 && Math.abs(k - Math.rint(k)) < 1e-9) study.add(j);
		}
		if (study.size() != CarlsonV1.TEST_ORIENTATIONS) {
			final int[] all = new int[angles.length];
			for (int j = 0; j < all.length; j++) all[j] = j;
			return all;
		}
		return study.stream().mapToInt(Integer::intValue).toArray();
	}

	/**
	 * Retrains {@code parameters} in {@code n} new networks (seeds from {@code seed}), each with its own random
	 * initial weights and stimulus order, as {@link #trials} with that one seed gives (so a run is one batch
	 * of its own): the share of networks whose output neurons are all well tuned (the study's cutoffs), and the
	 * test angles decoded from all networks' neurons together.
	 */
	public static Stability stability(final Simulator simulator, final Settings settings,
		final Map<String, Double> parameters, final int n, final long seed)
	{
		return stability(simulator, settings, parameters, n, seed, (trial, done, runs) -> true);
	}

	/**
	 * {@link #stability(Simulator, Settings, Map, int, long)}, telling {@code listener} of each run as it ends;
	 * when the listener answers false, the analysis ends there and summarises the runs done so far.
	 */
	public static Stability stability(final Simulator simulator, final Settings settings,
		final Map<String, Double> parameters, final int n, final long seed, final RunListener listener)
	{
		if (n < 1) throw new IllegalArgumentException("stability needs at least one run, got " + n);
		final List<Trial> trials = new ArrayList<>();
		// a batch shares its structure seed, so a batch per run gives every network its own initial weights
		for (int k = 0; k < n; k++) {
			trials.add(trials(simulator, settings, parameters, org.spiketune.random.Keys.memberSeed(seed, k)).get(0));
			if (!listener.runDone(trials.get(k), k + 1, n)) break;
		}
		return summarise(trials);
	}

	/**
	 * The stability analysis's summary of trained networks (at least one): how many are well tuned, and the
	 * test angles decoded from all their output neurons together. A caller whose later run failed summarises
	 * the runs done with it.
	 */
	public static Stability summarise(final List<Trial> trials) {
		return new Stability(trials, pool(trials.stream().map(Trial::tested).toList()));
	}

	/**
	 * The stability figures of runs from one or more analyses of the same parameters (the study pooled 100; a
	 * batch machine can run them apart, with different seeds): well tuned, well tuned with distinct angles, and
	 * the test angles decoded from every run's output neurons together.
	 *
	 * @throws IllegalArgumentException for no runs, runs tested at different angles, or one seed twice (the same
	 *           run pooled twice, as two analyses with the same seed give)
	 */
	public static Summary pool(final List<TestedRun> runs) {
		if (runs.isEmpty()) throw new IllegalArgumentException("no stability runs to summarise");
		final double[] angles = runs.get(0).angles();
		final Set<Long> seeds = new HashSet<>();
		int well = 0, wellDistinct = 0;
		final List<double[]> pooledRates = new ArrayList<>();
		final List<Double> pooledPreferred = new ArrayList<>();
		for (final TestedRun run : runs) {
			if (!sameAngles(run.angles(), angles)) {
				throw new IllegalArgumentException("run " + run.seed() + " was tested at other angles than run " + runs
					.get(0).seed() + ": " + degrees(run.angles()) + " against " + degrees(angles));
			}
			if (!seeds.add(run.seed())) {
				throw new IllegalArgumentException("run " + run.seed() + " is there twice (analyses with the same seed " +
					"repeat the same runs)");
			}
			final V1Tuning.Fitness fitness = run.fitness();
			if (fitness.wellTuned()) {
				well++;
				if (distinct(fitness.preferred()) == run.rates().length) wellDistinct++;
			}
			final double[][] rates = run.rates();
			for (int i = 0; i < rates.length; i++) {
				pooledRates.add(rates[i]);
				pooledPreferred.add(fitness.preferred()[i]);
			}
		}
		final double[][] rates = pooledRates.toArray(double[][]::new);
		final double[] preferred = pooledPreferred.stream().mapToDouble(Double::doubleValue).toArray();
		return new Summary(runs, well, wellDistinct, V1Tuning.decode(rates, preferred, angles), V1Tuning
			.decodeBalanced(rates, preferred, angles));
	}

	/** Equal to well within a file's 9 digits of degrees. */
	private static boolean sameAngles(final double[] a, final double[] b) {
		if (a.length != b.length) return false;
		for (int j = 0; j < a.length; j++) if (!(Math.abs(a[j] - b[j]) < 1e-9)) return false;
		return true;
	}

	private static int distinct(final double[] angles) {
		return (int) Arrays.stream(angles).distinct().count();
	}

	private static String degrees(final double[] radians) {
		return Arrays.stream(radians).mapToObj(a -> String.format(Locale.ROOT, "%.1f", Math.toDegrees(a))).collect(
			Collectors.joining(", ", "[", "]"));
	}

	/**
	 * The evaluated individuals split as in Figs. 8-9: the best {@code topFraction} by fitness ("high
	 * fitness", at least one) and the rest; failed evaluations are left out. Each point is (x, y) of the
	 * individual's parameter values, {@code names} giving the order of {@link Evaluation#values()}.
	 */
	public static Map<String, double[][]> parameterClasses(final List<Evaluation> evaluations,
		final List<String> names, final java.util.function.ToDoubleFunction<Map<String, Double>> x,
		final java.util.function.ToDoubleFunction<Map<String, Double>> y, final double topFraction)
	{
		if (!(topFraction > 0 && topFraction <= 1)) {
			throw new IllegalArgumentException("top fraction must be in (0, 1], got " + topFraction);
		}
		final List<Evaluation> ok = new ArrayList<>(evaluations.stream().filter(e -> !e.score().failed()).toList());
		ok.sort((a, b) -> Double.compare(b.score().value(), a.score().value()));
		final int high = ok.isEmpty() ? 0 : Math.max(1, (int) Math.round(topFraction * ok.size()));
		final List<double[]> top = new ArrayList<>(), rest = new ArrayList<>();
		for (int k = 0; k < ok.size(); k++) {
			final Map<String, Double> values = new java.util.LinkedHashMap<>();
			for (int i = 0; i < names.size(); i++) values.put(names.get(i), ok.get(k).values()[i]);
			(k < high ? top : rest).add(new double[] { x.applyAsDouble(values), y.applyAsDouble(values) });
		}
		final Map<String, double[][]> classes = new java.util.LinkedHashMap<>();
		classes.put("high fitness", top.toArray(double[][]::new));
		classes.put("low fitness", rest.toArray(double[][]::new));
		return classes;
	}

	/** A tuning run of the study: its 14 parameters, fitness {@link V1Tuning}, its evolution strategy. */
	public static TuningConfig tuning(final Settings settings, final int generations, final long seed) {
		return tuning(settings, generations, seed, false);
	}

	/**
	 * {@link #tuning(Settings, int, long)}, and when {@code blockPenalty}, with a fitness that is not the
	 * study's: each (output neuron, test) in depolarization block costs the constraint penalty
	 * ({@link V1Tuning#withBlockPenalty}), for searches with NMDA, whose block the study's fitness scores as tuning.
	 */
	public static TuningConfig tuning(final Settings settings, final int generations, final long seed,
		final boolean blockPenalty)
	{
		final NetworkSpec network = settings.network();
		return TuningConfig.of(network, StudySpaces.carlsonV1(settings.side()), settings.objective().withBlockPenalty(
			blockPenalty), Algorithm.Es.defaults(), Termination.generations(generations), settings.protocol()
				.durationMs(), seed);
	}
}
