package org.spiketune.objective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.spiketune.model.CarlsonV1;
import org.spiketune.model.NetworkSpec;
import org.spiketune.sim.Member;
import org.spiketune.sim.MemberResult;
import org.spiketune.sim.SpikeRecord;

/** The V1 fitness of Carlson et al. (2014) against values computed by hand. */
class V1TuningTest {

	private static final double[] ANGLES = new double[8];
	static {
		for (int j = 0; j < 8; j++) ANGLES[j] = Math.PI / 8 * (j + 1);
	}

	private static double gaussian(final double peak, final int at, final int j) {
		final double z = (ANGLES[j] - ANGLES[at]) / (Math.PI / 12);
		return peak * Math.exp(-0.5 * z * z);
	}

	/** 0: a perfect Gaussian of 60 Hz at π/4; 1: 50 Hz at π/2 only; 2: a Gaussian of 70 Hz at 3π/4; 3: silent. */
	private static double[][] curves() {
		final double[][] r = new double[4][8];
		for (int j = 0; j < 8; j++) {
			r[0][j] = gaussian(60, 1, j);
			r[2][j] = gaussian(70, 5, j);
		}
		r[1][3] = 50;
		return r;
	}

	@Test
	void eachComponentMatchesTheEquations() {
		final V1Tuning.Fitness f = V1Tuning.fitness(curves(), ANGLES);
		assertArrayEquals(new double[] { Math.PI / 4, Math.PI / 2, 3 * Math.PI / 4, Math.PI / 8 }, f.preferred(), 1e-15,
			"the silent neuron prefers the first angle");
		assertArrayEquals(new double[] { 60, 50, 70, 0 }, f.maxRates(), 1e-12);
		// nearest other preferred angle: π/8, π/4, π/4, π/8 away; target π/4
		assertEquals(Math.PI / 8 + 0 + 0 + Math.PI / 8, f.decorrelation(), 1e-12);
		// only neuron 1 departs from its Gaussian: every angle but its peak, z = 1.5, 3, 4.5 (twice each) and 6
		final double g = 50 * (2 * Math.exp(-1.125) + 2 * Math.exp(-4.5) + 2 * Math.exp(-10.125) + Math.exp(-18));
		assertEquals(g, f.gaussian(), 1e-9);
		assertEquals(0 + 10 + 10 + 60, f.maxRate(), 1e-12);
		assertEquals(0, f.penalty());
		assertEquals(1 / (Math.PI / 4 + g + 4.4 * 80), f.value(), 1e-15);
		assertFalse(f.wellTuned(), "max-rate term 80 > 50");
	}

	@Test
	void aComponentOverItsLimitAdds240() {
		final V1Tuning.Fitness silent = V1Tuning.fitness(new double[4][8], ANGLES);
		assertEquals(240, silent.maxRate(), 1e-12, "4 × 60 Hz");
		assertEquals(240, silent.penalty());
		// all prefer π/8: D_min = 0 for each, decorrelation 4·π/4
		assertEquals(Math.PI, silent.decorrelation(), 1e-12);
		assertEquals(1 / (Math.PI + 0 + 4.4 * 240 + 240), silent.value(), 1e-15);
	}

	@Test
	void fourIdealNeuronsAreWellTunedAndScoreBest() {
		final double[][] r = new double[4][8];
		for (int i = 0; i < 4; i++) {
			for (int j = 0; j < 8; j++) r[i][j] = gaussian(60, 1 + 2 * i, j);
		}
		final V1Tuning.Fitness f = V1Tuning.fitness(r, ANGLES);
		assertEquals(0, f.decorrelation(), 1e-12, "preferred angles π/4 apart");
		assertEquals(0, f.gaussian(), 1e-12);
		assertEquals(0, f.maxRate(), 1e-12);
		assertTrue(f.wellTuned());
		assertTrue(f.value() > 1e10);
	}

	@Test
	void ratesAreCountedPerTestWindowAndRecordedAsComponents() {
		final List<V1Tuning.Window> windows = new ArrayList<>();
		for (int j = 0; j < 8; j++) windows.add(new V1Tuning.Window(1000 + 500 * j, 1400 + 500 * j, ANGLES[j]));
		final V1Tuning objective = new V1Tuning("exc", 10, 4, windows);
		// neuron 12 (exc 2) fires 8 times in window 3 (20 Hz over 0.4 s), neuron 9 (not exc) fires there too
		final int[] steps = new int[10], neurons = new int[10];
		for (int k = 0; k < 8; k++) {
			steps[k] = (2500 + 40 * k) * 2;
			neurons[k] = 12;
		}
		steps[8] = 5600;
		neurons[8] = 9;
		steps[9] = 2 * 1400 + 2 * 500 * 3; // 2900 ms: window 3 ends at 2900, so not counted
		neurons[9] = 12;
		final SpikeRecord spikes = new SpikeRecord(20, 0.5, 20_000, steps, neurons);
		final double[][] rates = objective.rates(spikes);
		assertEquals(20, rates[2][3], 1e-12);
		assertEquals(8 * 2.5, java.util.Arrays.stream(rates).flatMapToDouble(java.util.Arrays::stream).sum(), 1e-12);
		final Score score = objective.score(new MemberResult(0, Member.of(1), spikes, null, null));
		final V1Tuning.Fitness f = V1Tuning.fitness(rates, ANGLES);
		assertEquals(f.value(), score.value());
		assertEquals(f.gaussian(), score.component(1));
		assertEquals(Math.toDegrees(ANGLES[3]), score.component(4 + 2), 1e-9, "exc2 prefers 90°");
		assertEquals(20, score.component(4 + 4 + 2), 1e-12);
		assertEquals("exc2_preferred_deg", objective.components().get(6));
		assertEquals(List.of("exc0_depolarized", "exc1_depolarized", "exc2_depolarized", "exc3_depolarized",
			"blocked_tests"), objective.components().subList(12, 17));
		assertEquals(17, score.components().length);
		assertTrue(Double.isNaN(score.component(12)) && Double.isNaN(score.component(16)), "no traces: not measured");
		assertFalse(objective.minimize());
		final V1Tuning.Fitness rebuilt = objective.fitness(score);
		assertEquals(f.value(), rebuilt.value());
		assertEquals(f.decorrelation(), rebuilt.decorrelation());
		assertEquals(f.gaussian(), rebuilt.gaussian());
		assertEquals(f.maxRate(), rebuilt.maxRate());
		assertEquals(f.penalty(), rebuilt.penalty());
		assertArrayEquals(f.preferred(), rebuilt.preferred(), 1e-12);
		assertArrayEquals(f.maxRates(), rebuilt.maxRates(), 0);
		assertThrows(IllegalArgumentException.class, () -> objective.fitness(Score.of(1, java.util.Arrays.copyOf(score
			.components(), 12), new double[] { 1 })), "the layout before the depolarization was recorded");
		final IllegalArgumentException failed = assertThrows(IllegalArgumentException.class, () -> objective.fitness(
			Score.failed("diverged", 0, 17, 1)));
		assertTrue(failed.getMessage().contains("diverged"), failed.getMessage());
		assertThrows(IllegalArgumentException.class, () -> objective.fitness(Score.of(1, new double[] { 1, 2, 3 },
			new double[] { 1 })));
	}

	/** Output neurons 3 and 4, two test windows of 4 steps (dt 0.5 ms): 2-4 ms and 4-6 ms. */
	private static V1Tuning twoWindows() {
		return new V1Tuning("exc", 3, 2, List.of(new V1Tuning.Window(2, 4, 0), new V1Tuning.Window(4, 6, Math.PI / 2)));
	}

	// samples are steps 2..12 (1 ms to 6.5 ms); window 1 is steps 4-7 (samples 2-5), window 2 steps 8-11 (6-9)
	private static final float[] V0 = { 5, 5, -60, -60, -60, -60, 5, 5, -10, -11, 5 };
	private static final float[] V1 = { -60, -60, -60, 20, -60, -60, -60, -60, -60, -9, -60 };

	/** V0 and V1 as traces of {@code neurons} from step 2. */
	private static org.spiketune.sim.StateTraces traces(final int... neurons) {
		final float[] v = new float[2 * V0.length];
		for (int k = 0; k < V0.length; k++) {
			v[2 * k] = V0[k];
			v[2 * k + 1] = V1[k];
		}
		return new org.spiketune.sim.StateTraces(neurons, 2, V0.length, v, new float[v.length]);
	}

	/**
	 * Two windows within traces that start at step 2: neuron 0 sits at 5 mV for 3 of the second window's steps
	 * (a block); neuron 1 crosses -10 mV once per window (a spike's upstroke).
	 */
	@Test
	void depolarizationIsTheShareOfEachTestWindowAtOrAboveMinus10Mv() {
		final V1Tuning objective = twoWindows();
		final org.spiketune.sim.StateTraces traces = traces(3, 4);
		final double[][] share = objective.depolarized(traces, 0.5);
		assertArrayEquals(new double[] { 0, 3 / 4.0 }, share[0], 1e-12, "5, 5, -10 and -11 mV in the second window");
		assertArrayEquals(new double[] { 1 / 4.0, 1 / 4.0 }, share[1], 1e-12);
		assertThrows(IllegalArgumentException.class, () -> objective.depolarized(traces(4, 3), 0.5),
			"the output neurons in order");
		final IllegalArgumentException uncovered = assertThrows(IllegalArgumentException.class, () -> objective
			.depolarized(new org.spiketune.sim.StateTraces(new int[] { 3, 4 }, 0, 3, new float[6], new float[6]), 0.5));
		assertTrue(uncovered.getMessage().contains("test window"), uncovered.getMessage());
	}

	/**
	 * The traces of the test above, with spikes: the score records each neuron's largest depolarized share (3/4,
	 * 1/4) and one blocked test (neuron 0's second, 3/4 > 1/2); the study's fitness ignores them, the block penalty
	 * adds 240 for it.
	 */
	@Test
	void theScoreRecordsTheBlockAndTheVariantPenalizesIt() {
		final V1Tuning study = twoWindows();
		final V1Tuning penalized = study.withBlockPenalty(true);
		final org.spiketune.sim.StateTraces traces = traces(3, 4);
		// neuron 3 (exc0) spikes once in the first window (500 Hz over 2 ms), neuron 4 (exc1) twice in the second
		final SpikeRecord spikes = new SpikeRecord(5, 0.5, 13, new int[] { 5, 9, 10 }, new int[] { 3, 4, 4 });
		final MemberResult result = new MemberResult(0, Member.of(1), spikes, null, traces);
		final V1Tuning.Fitness f = V1Tuning.fitness(study.rates(spikes), study.angles());
		assertArrayEquals(new double[] { 500, 1000 }, f.maxRates(), 1e-9);
		final Score plain = study.score(result);
		assertEquals(f.value(), plain.value(), "the study's fitness is unchanged");
		assertEquals(f.penalty(), plain.component(3));
		assertArrayEquals(new double[] { 3 / 4.0, 1 / 4.0 }, study.depolarized(plain), 1e-12);
		assertEquals(1, study.blockedTests(plain));
		final Score punished = penalized.score(result);
		assertEquals(1 / (f.decorrelation() + f.gaussian() + 4.4 * f.maxRate() + f.penalty() + 240), punished.value(),
			1e-15);
		assertEquals(f.penalty() + 240, punished.component(3));
		assertEquals(1, penalized.blockedTests(punished));
		final IllegalArgumentException untraced = assertThrows(IllegalArgumentException.class, () -> penalized.score(
			new MemberResult(0, Member.of(1), spikes, null, null)));
		assertTrue(untraced.getMessage().contains("traces"), untraced.getMessage());
		final org.spiketune.sim.Recording recording = penalized.recording(6.5);
		assertArrayEquals(new int[] { 3, 4 }, recording.tracedNeurons(), "the output neurons");
		assertEquals(2, recording.traceFromMs(), "from the first test on");
		assertEquals(List.of("exc"), recording.spikeGroups());
		assertTrue(penalized.toString().contains("block"));
		assertEquals("v1-tuning", study.name());
		assertEquals("v1-tuning-block-penalty", penalized.name(), "a checkpoint of one does not resume the other");
		assertFalse(study.blockPenalty());
	}

	/** The most depolarized test is the first of the largest shares; a block is more than half of a test. */
	@Test
	void theMostDepolarizedTestAndTheBlockCutoff() {
		assertEquals(2, V1Tuning.mostDepolarizedTest(new double[] { 0.1, 0.3, 0.7, 0.7, 0 }));
		assertEquals(0, V1Tuning.mostDepolarizedTest(new double[] { 0.2, 0.2 }));
		assertEquals(0, V1Tuning.mostDepolarizedTest(new double[0]));
		assertFalse(V1Tuning.blocked(0.5), "half a test is not a block");
		assertTrue(V1Tuning.blocked(0.51));
		assertEquals(2, V1Tuning.blockedTests(new double[][] { { 0.6, 0.5 }, { 0.9, 0.1 } }));
	}

	@Test
	void theStudysNetworkTestsEightOrientationsInOrderAfterTraining() {
		final NetworkSpec network = CarlsonV1.network(16, CarlsonV1.protocol(2, 8, 0.1));
		final V1Tuning objective = V1Tuning.of(network, "exc", 1, CarlsonV1.frameAngles());
		assertEquals(8, objective.windows().size());
		assertArrayEquals(ANGLES, objective.angles(), 1e-12);
		assertEquals(2 * 40 * 250, objective.windows().get(0).startMs(), 1e-9, "after 2 × 40 × (200 + 50) ms");
		assertEquals(200, objective.windows().get(0).endMs() - objective.windows().get(0).startMs(), 1e-9);
		assertThrows(IllegalArgumentException.class, () -> V1Tuning.of(network, "exc", 0, CarlsonV1.frameAngles()),
			"the training phase is shuffled");
	}

	@Test
	void selectivityIsOneMinusTheCircularVarianceOfDoubledAngles() {
		assertEquals(0, V1Tuning.selectivity(new double[] { 5, 5, 5, 5, 5, 5, 5, 5 }, ANGLES), 1e-12, "flat");
		assertEquals(1, V1Tuning.selectivity(new double[] { 0, 0, 9, 0, 0, 0, 0, 0 }, ANGLES), 1e-12, "one angle");
		assertEquals(0, V1Tuning.selectivity(new double[8], ANGLES), "silent");
		// 10 Hz at π/8 and 5 Hz at 5π/8, 90° apart: the votes at 2θ = π/4 and 5π/4 point in opposite directions
		final double[] two = new double[8];
		two[0] = 10;
		two[4] = 5;
		assertEquals(5.0 / 15, V1Tuning.selectivity(two, ANGLES), 1e-12);
		// by hand: 1 + cos 2θ at the eight angles sums to 8, its resultant is 4 (Σ cos² 2θ)
		final double[] cosine = new double[8];
		for (int j = 0; j < 8; j++) cosine[j] = 1 + Math.cos(2 * ANGLES[j]);
		assertEquals(0.5, V1Tuning.selectivity(cosine, ANGLES), 1e-12);
		assertThrows(IllegalArgumentException.class, () -> V1Tuning.selectivity(new double[3], ANGLES));
	}

	@Test
	void receptiveFieldsMatchTheGratingTheyCopy() {
		final int side = 16, px = side * side;
		final double f = CarlsonV1.CYCLES_ACROSS / side;
		final double[] angles = CarlsonV1.frameAngles();
		final float[] g = org.spiketune.model.Gratings.grating(side, side, angles[9], f, 0);
		final float[][] on = new float[px][2], off = new float[px][2];
		for (int p = 0; p < px; p++) {
			on[p][0] = Math.max(g[p], 0);
			off[p][0] = Math.max(-g[p], 0);
			on[p][1] = 0.3f; // neuron 1: On = Off everywhere, no field
			off[p][1] = 0.3f;
		}
		final ReceptiveFieldMatch copy = ReceptiveFieldMatch.best(on, off, 0, side, angles, f);
		assertEquals(angles[9], copy.angle(), 1e-12);
		assertEquals(1, copy.similarity(), 1e-6);
		final ReceptiveFieldMatch none = ReceptiveFieldMatch.best(on, off, 1, side, angles, f);
		assertEquals(0, none.similarity());
		// the opposite field (On and Off swapped) is -1 with its own grating, so another angle is its best
		final ReceptiveFieldMatch swapped = ReceptiveFieldMatch.best(off, on, 0, side, angles, f);
		assertTrue(swapped.similarity() < 0.5 && Math.abs(swapped.angle() - angles[9]) > 0.1, swapped.toString());
		assertThrows(IllegalArgumentException.class, () -> ReceptiveFieldMatch.best(on, off, 0, 8, angles, f));
		assertThrows(IllegalArgumentException.class, () -> ReceptiveFieldMatch.best(on, off, 0, side, new double[0],
			f));
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReceptiveFieldMatch.best(
			on, off, 2, side, angles, f));
		assertTrue(e.getMessage().contains("neuron 2"), e.getMessage());
		// a field of a cosine grating is compared with cosine gratings: a copy at its angle, not a sine grating
		final float[] c = org.spiketune.model.Gratings.grating(side, side, angles[9], f, Math.PI / 2);
		for (int p = 0; p < px; p++) {
			on[p][0] = Math.max(c[p], 0);
			off[p][0] = Math.max(-c[p], 0);
		}
		final ReceptiveFieldMatch cosine = ReceptiveFieldMatch.best(on, off, 0, side, angles, f, Math.PI / 2);
		assertEquals(angles[9], cosine.angle(), 1e-12);
		assertEquals(1, cosine.similarity(), 1e-6);
		assertTrue(ReceptiveFieldMatch.similarities(on, off, 0, side, angles, f)[9] < 0.1, "the sine grating at its angle");
	}

	@Test
	void populationVectorsDecodeOrientationsWithDoubledAngles() {
		// four ideal neurons preferring π/4 … π: each test angle is decoded from the Gaussian votes
		final double[][] r = new double[4][8];
		final double[] preferred = new double[4];
		for (int i = 0; i < 4; i++) {
			preferred[i] = ANGLES[1 + 2 * i];
			for (int j = 0; j < 8; j++) r[i][j] = gaussian(60, 1 + 2 * i, j);
		}
		final V1Tuning.Decoding d = V1Tuning.decode(r, preferred, ANGLES);
		// at π/4: neuron 0 votes 60 at 2θ = π/2, neuron 1 (45° = 3σ away) 60·e^-4.5 at π; the others ~0
		assertEquals(0.5 * Math.atan2(60, -60 * Math.exp(-4.5)), d.decoded()[1], 1e-6);
		assertEquals(Math.toDegrees(0.5 * Math.atan2(60, -60 * Math.exp(-4.5)) - Math.PI / 4), d.errorDeg()[1],
			1e-4);
		// at π/8 only the π/4 neuron responds (the Gaussians do not wrap): decoded as π/4, 22.5° off
		assertEquals(Math.PI / 4, d.decoded()[0], 1e-3);
		assertEquals(22.5, d.errorDeg()[0], 0.1);
		// at 3π/8, between π/4 and π/2, the two equal votes meet halfway
		assertEquals(3 * Math.PI / 8, d.decoded()[2], 1e-3);
		// a single neuron decodes everything to its own preference; error is the orientation distance
		final V1Tuning.Decoding one = V1Tuning.decode(new double[][] { { 1, 1, 1, 1, 1, 1, 1, 1 } }, new double[] {
			Math.PI / 8 }, ANGLES);
		assertArrayEquals(new double[] { 0, 22.5, 45, 67.5, 90, 67.5, 45, 22.5 }, one.errorDeg(), 1e-9,
			"orientation differences wrap at 180°");
		assertEquals(45, one.meanErrorDeg(), 1e-9);
		assertEquals(Math.sqrt((4 * 22.5 * 22.5 + 2 * 45 * 45) / 7.0), one.sdErrorDeg(), 1e-9);
	}

	@Test
	void balancedDecodingGivesEveryPreferredAngleOneVote() {
		// two neurons prefer 0 (2θ = 0), one prefers π/4 (2θ = π/2); all answer the test alike
		final double[][] rates = { { 1 }, { 1 }, { 1 } };
		final double[] preferred = { Math.PI, Math.PI, Math.PI / 4 }, angle = { Math.PI / 8 };
		// plain: votes (2, 1), half the angle of atan2(1, 2); balanced: (1, 1), halfway, 22.5°
		assertEquals(0.5 * Math.atan2(1, 2), V1Tuning.decode(rates, preferred, angle).decoded()[0], 1e-12);
		final V1Tuning.Decoding balanced = V1Tuning.decodeBalanced(rates, preferred, angle);
		assertEquals(Math.PI / 8, balanced.decoded()[0], 1e-12);
		assertEquals(0, balanced.errorDeg()[0], 1e-9);
		// one neuron per angle: the same as the plain decoding
		final double[][] r = { { 3, 1 }, { 1, 2 } };
		final double[] p = { Math.PI / 4, Math.PI / 2 }, a = { Math.PI / 4, Math.PI / 2 };
		assertArrayEquals(V1Tuning.decode(r, p, a).decoded(), V1Tuning.decodeBalanced(r, p, a).decoded(), 1e-12);
		assertThrows(IllegalArgumentException.class, () -> V1Tuning.decodeBalanced(r, new double[] { 0 }, a));
	}
}
