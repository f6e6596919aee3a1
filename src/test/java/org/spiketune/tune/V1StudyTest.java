package org.spiketune.tune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.spiketune.objective.Score;
import org.spiketune.objective.V1Tuning;

class V1StudyTest {

	private static Evaluation evaluation(final double fitness, final double a, final double b) {
		return new Evaluation(0, 0, new double[] { a, b }, new double[] { 0, 0 }, Score.of(fitness, new double[0],
			new double[] { fitness }), new long[] { 1 }, Evaluation.Kind.NEW);
	}

	@Test
	void theBestFractionIsHighFitnessAndFailuresAreLeftOut() {
		final List<Evaluation> all = new ArrayList<>();
		for (int k = 0; k < 20; k++) all.add(evaluation(k, 10 + k, 100 - k));
		all.add(new Evaluation(0, 0, new double[] { 0, 0 }, new double[] { 0, 0 }, Score.failed("NaN", 0, 0, 1),
			new long[] { 1 }, Evaluation.Kind.NEW));
		final Map<String, double[][]> classes = V1Study.parameterClasses(all, List.of("a", "b"), v -> v.get("a"),
			v -> v.get("b") / v.get("a"), 0.1);
		final double[][] high = classes.get("high fitness"), low = classes.get("low fitness");
		assertEquals(2, high.length, "10% of 20 scored individuals");
		assertArrayEquals(new double[] { 29, 81.0 / 29 }, high[0], 1e-12, "the best first");
		assertArrayEquals(new double[] { 28, 82.0 / 28 }, high[1], 1e-12);
		assertEquals(18, low.length, "the failed one is in neither class");
		assertThrows(IllegalArgumentException.class, () -> V1Study.parameterClasses(all, List.of("a", "b"),
			v -> 0, v -> 0, 0));
	}

	/**
	 * With 40 test angles (a tuning-curve figure's) the study's fitness is computed on its own 8 test angles:
	 * the Gaussian term sums over the angles, and its cutoffs are for 8.
	 */
	@Test
	void theStudysFitnessOfFortyTestAnglesIsThatOfItsEight() {
		final double[] forty = new double[40], eight = new double[8];
		final double[][] ratesAtForty = new double[4][40], ratesAtEight = new double[4][8];
		for (int j = 0; j < 40; j++) {
			forty[j] = Math.toRadians(4.5 * (j + 1));
			for (int i = 0; i < 4; i++) {
				final double d = Math.toDegrees(forty[j]) - 45 * (i + 0.5);
				ratesAtForty[i][j] = 5 + 55 * Math.exp(-d * d / (2 * 20 * 20)) + (j % 3);
			}
		}
		for (int c = 0; c < 8; c++) {
			eight[c] = forty[5 * c + 4];
			for (int i = 0; i < 4; i++) ratesAtEight[i][c] = ratesAtForty[i][5 * c + 4];
		}
		assertEquals(Math.PI / 8, eight[0], 1e-12, "22.5 degrees is the 5th of the 40");
		final V1Tuning.Fitness study = V1Study.studyFitness(ratesAtForty, forty);
		final V1Tuning.Fitness expected = V1Tuning.fitness(ratesAtEight, eight);
		assertEquals(expected.value(), study.value(), 0);
		assertEquals(expected.gaussian(), study.gaussian(), 0);
		assertArrayEquals(expected.preferred(), study.preferred(), 0);
		assertTrue(V1Tuning.fitness(ratesAtForty, forty).gaussian() > 3 * study.gaussian(),
			"summed over 40 angles the Gaussian term is several times larger");
		assertEquals(expected.value(), V1Study.studyFitness(ratesAtEight, eight).value(), 0, "8 angles: as they are");
		final double[] odd = { 0.1, 0.2, 0.3 };
		final double[][] three = { { 1, 2, 3 }, { 3, 2, 1 } };
		assertEquals(V1Tuning.fitness(three, odd).value(), V1Study.studyFitness(three, odd).value(), 0,
			"angles without the study's 8: all of them");
	}

	/**
	 * Run {@code seed}: its 4 neurons have Gaussian tuning peaking at {@code peakHz} at the given test angles
	 * (degrees).
	 */
	private static V1Study.Trial gaussianTrial(final long seed, final double peakHz, final double... preferredDeg) {
		final double[] angles = new double[8];
		for (int j = 0; j < 8; j++) angles[j] = Math.PI / 8 * (j + 1);
		final double[][] rates = new double[preferredDeg.length][8];
		for (int i = 0; i < rates.length; i++) {
			for (int j = 0; j < 8; j++) {
				final double z = (angles[j] - Math.toRadians(preferredDeg[i])) / V1Tuning.SIGMA;
				rates[i][j] = peakHz * Math.exp(-0.5 * z * z);
			}
		}
		return new V1Study.Trial(seed, angles, rates, V1Study.studyFitness(rates, angles), null, null, null, 0,
			new double[rates.length][8]);
	}

	/**
	 * The study's cutoffs pass a network with two neurons at one angle (its decorrelation limit cannot be
	 * reached in radians), so the stability analysis also counts the well-tuned runs with four different angles.
	 */
	@Test
	void wellTunedRunsWithTwoNeuronsAtOneAngleAreCountedApart() {
		final V1Study.Trial distinct = gaussianTrial(1, 60, 22.5, 67.5, 112.5, 157.5);
		final V1Study.Trial twoAtOne = gaussianTrial(2, 60, 22.5, 22.5, 90, 135);
		final V1Study.Trial slow = gaussianTrial(3, 20, 22.5, 67.5, 112.5, 157.5);
		assertTrue(distinct.fitness().wellTuned() && twoAtOne.fitness().wellTuned(), "both pass the study's cutoffs");
		assertFalse(slow.fitness().wellTuned(), "20 Hz peaks: f_maxRate 160");
		assertEquals(4, distinct.distinctPreferred());
		assertEquals(3, twoAtOne.distinctPreferred());
		final V1Study.Stability stability = V1Study.summarise(List.of(distinct, twoAtOne, slow));
		assertEquals(2, stability.wellTuned());
		assertEquals(1, stability.wellTunedWithDistinctAngles());
	}

	/**
	 * Analyses run apart pool into the analysis of all their runs: the same counts and decoding as one analysis
	 * of them; the same run twice (two analyses with one seed) or runs tested at other angles are refused.
	 */
	@Test
	void runsOfAnalysesRunApartPoolIntoOne() {
		final List<V1Study.Trial> trials = List.of(gaussianTrial(1, 60, 22.5, 67.5, 112.5, 157.5), gaussianTrial(2, 60,
			22.5, 22.5, 90, 135), gaussianTrial(3, 20, 45, 90, 135, 180));
		final V1Study.Stability together = V1Study.summarise(trials);
		final V1Study.Summary pooled = V1Study.pool(List.of(trials.get(2).tested(), trials.get(0).tested(), trials.get(
			1).tested()));
		assertEquals(together.wellTuned(), pooled.wellTuned());
		assertEquals(2, pooled.wellTuned());
		assertEquals(1, pooled.wellTunedWithDistinctAngles());
		assertEquals(2 / 3.0, pooled.shareWellTuned(), 1e-12);
		assertArrayEquals(together.decoding().decoded(), pooled.decoding().decoded(), 1e-12, "the order of runs aside");
		// 22.5° preferred by three neurons, the other angles by one or two: balancing changes the votes
		final double[][] rates = trials.stream().flatMap(t -> java.util.Arrays.stream(t.tested().rates())).toArray(
			double[][]::new);
		final double[] preferred = trials.stream().flatMapToDouble(t -> java.util.Arrays.stream(t.tested().fitness()
			.preferred())).toArray();
		final V1Tuning.Decoding balanced = V1Tuning.decodeBalanced(rates, preferred, pooled.decoding().angles());
		assertArrayEquals(balanced.decoded(), pooled.balancedDecoding().decoded(), 1e-12);
		assertArrayEquals(balanced.decoded(), together.summary().balancedDecoding().decoded(), 1e-12);
		assertTrue(Math.abs(balanced.decoded()[0] - pooled.decoding().decoded()[0]) > 1e-6, "balancing counts");
		// 12 neurons, every angle preferred by at least one: the population vector lands near each test angle
		for (final double error : pooled.decoding().errorDeg()) assertTrue(error < 12, "error " + error);
		final IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> V1Study.pool(List.of(
			trials.get(0).tested(), trials.get(1).tested(), trials.get(0).tested())));
		assertTrue(twice.getMessage().contains("run 1 is there twice"), twice.getMessage());
		final double[] other = new double[8];
		for (int j = 0; j < 8; j++) other[j] = Math.PI / 8 * j;
		final IllegalArgumentException angles = assertThrows(IllegalArgumentException.class, () -> V1Study.pool(List.of(
			trials.get(0).tested(), new V1Study.TestedRun(9, other, trials.get(1).rates()))));
		assertTrue(angles.getMessage().contains("run 9 was tested at other angles"), angles.getMessage());
		assertThrows(IllegalArgumentException.class, () -> V1Study.pool(List.of()));
	}

	/**
	 * How many neurons prefer each angle, and Pearson's χ² test of that spread against an even one, on hand-made
	 * runs: one angle crowded beyond chance, one crowded as chance may crowd it, and an even spread.
	 */
	@Test
	void theSpreadOfPreferredAnglesIsCountedAndTestedAgainstChance() {
		final List<V1Study.TestedRun> crowded = new java.util.ArrayList<>(), mild = new java.util.ArrayList<>(),
			even = new java.util.ArrayList<>();
		for (int k = 0; k < 10; k++) {
			// two neurons of every run at 22.5°, the other two going round the remaining seven angles
			crowded.add(gaussianTrial(k, 60, 22.5, 22.5, 22.5 * (2 + (2 * k) % 7), 22.5 * (2 + (2 * k + 1) % 7))
				.tested());
			// one neuron of every run at 22.5°, the other three going round the remaining seven angles
			mild.add(gaussianTrial(k, 60, 22.5, 22.5 * (2 + (3 * k) % 7), 22.5 * (2 + (3 * k + 1) % 7), 22.5 * (2 + (3 *
				k + 2) % 7)).tested());
			even.add(gaussianTrial(k, 60, 22.5 * (1 + (4 * k) % 8), 22.5 * (1 + (4 * k + 1) % 8), 22.5 * (1 + (4 * k +
				2) % 8), 22.5 * (1 + (4 * k + 3) % 8)).tested());
		}
		final V1Study.Summary c = V1Study.pool(crowded), m = V1Study.pool(mild), e = V1Study.pool(even);
		assertArrayEquals(new long[] { 20, 3, 3, 3, 3, 3, 3, 2 }, c.preferredCounts());
		assertArrayEquals(new long[] { 10, 5, 5, 4, 4, 4, 4, 4 }, m.preferredCounts());
		assertArrayEquals(new long[] { 5, 5, 5, 5, 5, 5, 5, 5 }, e.preferredCounts());
		assertEquals(8, c.preferableAngles().length);
		assertEquals(Math.PI / 8, c.preferableAngles()[0], 1e-12);
		// χ² = Σ (o − 5)² / 5 on 7 degrees of freedom, p = P(χ²₇ ≥ χ²):
		// (225 + 6·4 + 9) / 5 = 51.6, p = 7.0e-9; (25 + 0 + 0 + 5·1) / 5 = 6, p = 0.53975
		assertEquals(7.0002e-9, c.evenSpreadP(), 1e-12);
		assertEquals(0.53975, m.evenSpreadP(), 1e-5);
		assertEquals(1, e.evenSpreadP(), 1e-12, "exactly even");
		// too few neurons for the approximation: 3 runs, 12 neurons on 8 angles
		assertTrue(Double.isNaN(V1Study.pool(crowded.subList(0, 3)).evenSpreadP()));
	}

	@Test
	void aTestedRunRefusesRatesThatAreNotOnesAndKeepsItsOwnCopy() {
		final double[] angles = { 1, 2 };
		assertThrows(IllegalArgumentException.class, () -> new V1Study.TestedRun(1, angles, new double[][] { { 1 } }));
		assertThrows(IllegalArgumentException.class, () -> new V1Study.TestedRun(1, angles, new double[][] { { 1,
			Double.NaN } }));
		assertThrows(IllegalArgumentException.class, () -> new V1Study.TestedRun(1, angles, new double[][] { { 1,
			-2 } }));
		assertThrows(IllegalArgumentException.class, () -> new V1Study.TestedRun(1, new double[0], new double[0][]));
		final double[][] rates = { { 3, 4 } };
		final V1Study.TestedRun run = new V1Study.TestedRun(5, angles, rates);
		rates[0][0] = 100;
		run.rates()[0][1] = 100;
		assertArrayEquals(new double[] { 3, 4 }, run.rates()[0]);
	}

	@Test
	void settingsDescribeThemselvesInWords() {
		assertEquals("32×32, 60 repeats, time scale 1, 8 test angles, still cosine gratings, AMPA and GABA-A only",
			V1Study.Settings.study().describe());
		assertEquals("16×16, 20 repeats, time scale 0.25, 40 test angles, 2 Hz counterphase sine gratings, NMDA and " +
			"GABA-B", new V1Study.Settings(16, 20, 0.25, 40, 2, true, org.spiketune.model.GratingPhase.SINE).describe());
	}

	@Test
	void settingsRefuseBadValuesAndBuildTheStudysParts() {
		assertThrows(IllegalArgumentException.class, () -> new V1Study.Settings(16, 0, 1, 8));
		assertThrows(IllegalArgumentException.class, () -> new V1Study.Settings(16, 1, Double.NaN, 8));
		final IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> new V1Study.Settings(
			16, 1, 1, 8, -2));
		assertTrue(negative.getMessage().contains("counterphase frequency"), negative.getMessage());
		assertThrows(IllegalArgumentException.class, () -> new V1Study.Settings(16, 1, 1, 8, Double.NaN));
		final V1Study.Settings study = V1Study.Settings.study();
		assertEquals(4104, study.network().neuronCount());
		assertEquals(8, study.objective().windows().size());
		final TuningConfig config = V1Study.tuning(new V1Study.Settings(16, 1, 0.1, 8), 3, 5);
		assertEquals(14, config.space().size());
		assertEquals("es", config.algorithm().name());
	}

	/**
	 * A tuning run keeps only the Exc spikes the fitness reads: the whole network's spikes of ten 16×16 members
	 * over 20 training repeats were estimated at 7.8 GiB, more than a 6 GiB heap, and the command refused to run.
	 */
	@Test
	void tuningRecordsOnlyTheOutputSpikes() {
		final TuningConfig config = V1Study.tuning(new V1Study.Settings(16, 20, 1, 8), 3, 5);
		assertEquals(java.util.List.of("exc"), config.recording().spikeGroups());
		final java.util.List<org.spiketune.sim.Member> members = new java.util.ArrayList<>();
		for (int m = 0; m < 10; m++) members.add(org.spiketune.sim.Member.of(m));
		final org.spiketune.sim.MemoryEstimate estimate = org.spiketune.sim.MemoryEstimate.of(
			new org.spiketune.sim.SimulationRequest(config.network(), config.durationMs(), 1, members, config
				.recording()), 2);
		assertTrue(estimate.totalBytes() < 1L << 30, estimate.toString());
		// and the Exc neurons' v through the test phase only, for the depolarization the history records
		assertArrayEquals(java.util.stream.IntStream.range(config.network().groupOffset("exc"), config.network()
			.groupOffset("exc") + 4).toArray(), config.recording().tracedNeurons());
		assertEquals(20 * 40 * 2500, config.recording().traceFromMs(), 1e-9, "after 20 × 40 × (2 s + 0.5 s)");
	}

	/**
	 * A small tuning run with NMDA and the block penalty: every evaluation records how long each output neuron
	 * was depolarized, and its penalty counts the blocked tests.
	 */
	@Test
	void aTuningRunRecordsTheOutputNeuronsDepolarization() {
		final TuningConfig config = V1Study.tuning(new V1Study.Settings(16, 1, 0.02, 8, 0, true), 1, 5, true);
		final V1Tuning objective = (V1Tuning) config.objective();
		assertTrue(objective.blockPenalty());
		final List<Evaluation> evaluations = new ArrayList<>();
		new Tuner(new org.spiketune.sim.Simulator(new org.spiketune.sim.cpu.CpuBackend(2))).run(config,
			new TuningListener() {

				@Override
				public void evaluated(final Evaluation evaluation) {
					evaluations.add(evaluation);
				}
			});
		assertFalse(evaluations.isEmpty());
		for (final Evaluation e : evaluations) {
			for (final double share : objective.depolarized(e.score())) assertTrue(share >= 0 && share <= 1, "" + share);
			final double blocked = objective.blockedTests(e.score());
			final V1Tuning.Fitness f = objective.fitness(e.score());
			assertEquals(1 / (f.decorrelation() + f.gaussian() + 4.4 * f.maxRate() + f.penalty()), e.score().value(),
				1e-12, "the penalty holds the blocked tests' share");
			assertTrue(f.penalty() == 240 * blocked || f.penalty() == 240 * (blocked + 1), f.penalty() + " " + blocked);
		}
	}

	/** The gratings' counterphase frequency reaches every presentation, and the still default stays still. */
	@Test
	void settingsShowStillOrCounterphaseGratings() {
		final V1Study.Settings still = new V1Study.Settings(16, 1, 0.1, 8);
		final V1Study.Settings counterphase = new V1Study.Settings(16, 1, 0.1, 8, 2);
		assertEquals(0, still.temporalHz());
		for (final org.spiketune.model.Protocol.Phase phase : still.protocol().phases()) {
			for (final org.spiketune.model.Protocol.Presentation p : phase.presentations()) assertEquals(0, p.temporalHz());
		}
		for (final org.spiketune.model.Protocol.Phase phase : counterphase.protocol().phases()) {
			for (final org.spiketune.model.Protocol.Presentation p : phase.presentations()) assertEquals(2, p.temporalHz());
		}
		assertEquals(still.protocol().durationMs(), counterphase.protocol().durationMs());
	}

	/**
	 * Every stability run is a network of its own, as the study's: the same as training that one seed alone
	 * (its initial weights from its seed), so two runs start from different weights.
	 */
	@Test
	void stabilityRunsAreNewNetworksEachTrainedAsItsSeedAlone() {
		final V1Study.Settings settings = new V1Study.Settings(16, 1, 0.05, 8);
		final org.spiketune.sim.Simulator simulator = new org.spiketune.sim.Simulator(new org.spiketune.sim.cpu
			.CpuBackend(2));
		final Map<String, Double> parameters = Map.of("*buf_exc.ltp", 0.003);
		final V1Study.Stability stability = V1Study.stability(simulator, settings, parameters, 2, 5);
		for (final V1Study.Trial run : stability.trials()) {
			final V1Study.Trial alone = V1Study.trials(simulator, settings, parameters, run.seed()).get(0);
			assertArrayEquals(alone.rates(), run.rates(), "run " + run.seed());
			assertArrayEquals(alone.onWeights(), run.onWeights(), "run " + run.seed());
		}
		final float[][] first = initialWeights(settings, stability.trials().get(0).seed()), second = initialWeights(
			settings, stability.trials().get(1).seed());
		assertFalse(java.util.Arrays.deepEquals(first, second), "the two runs start from different weights");
	}

	/**
	 * A trial records how much of each test the output neurons spent depolarized: next to nothing with the
	 * preset, and most of every test when NMDA and a strong Buffer → Exc drive hold them in block, where they
	 * fall silent (bench/README.md, "NMDA and GABA-B in the core").
	 */
	@Test
	void aTrialTellsADepolarizationBlockFromSilence() {
		final org.spiketune.sim.Simulator simulator = new org.spiketune.sim.Simulator(new org.spiketune.sim.cpu
			.CpuBackend(2));
		final V1Study.Settings settings = new V1Study.Settings(16, 1, 0.05, 8);
		final V1Study.Trial preset = V1Study.trials(simulator, settings, Map.of(), 3).get(0);
		assertEquals(4, preset.depolarized().length);
		assertEquals(8, preset.depolarized()[0].length);
		for (final V1Study.Neuron n : preset.neurons(settings)) {
			assertTrue(n.depolarized() < 0.2 && !n.blocked(), "the preset does not block: " + n.depolarized());
		}
		final V1Study.Trial strong = V1Study.trials(simulator, settings.withSlowReceptors(true), Map.of(
			"*buf_exc.gain", 1.0), 3).get(0); // at the preset's 0.14 they do not block (at most 3%)
		for (final V1Study.Neuron n : strong.neurons(settings)) {
			assertTrue(n.blocked(), "NMDA under strong drive blocks: " + n.depolarized());
			assertTrue(n.peakHz() < 5, "and a blocked neuron is silent: " + n.peakHz() + " Hz");
		}
	}

	/** The listener hears every run as it ends, and answering false stops there with the runs done summarised. */
	@Test
	void aStabilityListenerHearsEachRunAndCanStopBetweenRuns() {
		final V1Study.Settings settings = new V1Study.Settings(16, 1, 0.02, 8);
		final org.spiketune.sim.Simulator simulator = new org.spiketune.sim.Simulator(new org.spiketune.sim.cpu
			.CpuBackend(2));
		final List<String> heard = new ArrayList<>();
		final V1Study.Stability stopped = V1Study.stability(simulator, settings, Map.of(), 3, 7, (trial, done,
			runs) -> {
			heard.add(done + "/" + runs + ":" + trial.seed());
			return done < 2;
		});
		assertEquals(2, stopped.trials().size(), "stopped after the second of three runs");
		assertEquals(List.of("1/3:" + stopped.trials().get(0).seed(), "2/3:" + stopped.trials().get(1).seed()), heard);
		final V1Study.Stability two = V1Study.stability(simulator, settings, Map.of(), 2, 7);
		assertEquals(two.wellTuned(), stopped.wellTuned());
		assertArrayEquals(two.decoding().errorDeg(), stopped.decoding().errorDeg(), "summarised as two runs");
		final V1Study.Stability first = V1Study.summarise(stopped.trials().subList(0, 1));
		assertEquals(1, first.trials().size(), "a caller whose second run failed summarises the first");
		assertEquals(stopped.trials().get(0).fitness().wellTuned() ? 1 : 0, first.wellTuned());
		assertEquals(8, first.decoding().errorDeg().length);
		assertThrows(IllegalArgumentException.class, () -> V1Study.summarise(List.of()));
	}

	private static float[][] initialWeights(final V1Study.Settings settings, final long seed) {
		final org.spiketune.sim.CompiledNetwork compiled = org.spiketune.sim.NetworkCompiler.compile(settings.network(),
			seed);
		return ((org.spiketune.sim.Connectivity.Dense) compiled.projections().get(settings.network().projections()
			.indexOf(settings.network().projection("onbuf_exc"))).connectivity()).rows();
	}

	/** NMDA and GABA-B join AMPA and GABA-A when asked for, and a checkpoint of one set does not resume the other. */
	@Test
	void settingsCanDriveSlowReceptorsAndCheckpointsTellThemApart() {
		final V1Study.Settings fast = new V1Study.Settings(16, 1, 0.1, 8, 0);
		final V1Study.Settings slow = new V1Study.Settings(16, 1, 0.1, 8, 0, true);
		assertFalse(fast.slowReceptors());
		assertEquals(org.spiketune.model.Synapse.ampa(), fast.network().projection("onbuf_exc").synapse());
		assertEquals(org.spiketune.model.Synapse.ampaNmda(), slow.network().projection("onbuf_exc").synapse());
		assertEquals(org.spiketune.model.Synapse.gabaAB(), slow.network().projection("inh_exc").synapse());
		final Checkpoint.Individual individual = new Checkpoint.Individual(new double[14], new double[] { 0.001 }, 0);
		final Checkpoint saved = new Checkpoint(Checkpoint.identity(V1Study.tuning(fast, 3, 5)), 0, 0, false, 0, List
			.of(individual), List.of(), List.of(), 0, 0, 0, 0.001, 0);
		final IllegalArgumentException other = assertThrows(IllegalArgumentException.class, () -> saved.checkContinues(
			V1Study.tuning(slow, 3, 5)));
		assertTrue(other.getMessage().contains("nmda-gabab"), other.getMessage());
	}

	/**
	 * A tuning run with still gratings cannot be resumed with counterphase ones: the checkpoint names the
	 * image protocol, which is all that differs between the two; a checkpoint written before the key existed
	 * still resumes.
	 */
	@Test
	void checkpointsTellStillFromCounterphaseGratings() {
		final TuningConfig still = V1Study.tuning(new V1Study.Settings(16, 1, 0.1, 8), 3, 5);
		final TuningConfig counterphase = V1Study.tuning(new V1Study.Settings(16, 1, 0.1, 8, 2), 3, 5);
		final java.util.Map<String, String> run = Checkpoint.identity(still);
		assertTrue(run.get("image protocol").contains("training: 40 presentations × 1 shuffled, at 0.0 Hz"), run.get(
			"image protocol"));
		final Checkpoint.Individual individual = new Checkpoint.Individual(new double[14], new double[] { 0.001 }, 0);
		final Checkpoint saved = new Checkpoint(run, 0, 0, false, 0, List.of(individual), List.of(), List.of(), 0, 0, 0,
			0.001, 0);
		saved.checkContinues(still);
		final IllegalArgumentException other = assertThrows(IllegalArgumentException.class, () -> saved.checkContinues(
			counterphase));
		assertTrue(other.getMessage().contains("image protocol") && other.getMessage().contains("at 2.0 Hz"), other
			.getMessage());
		final java.util.Map<String, String> older = new java.util.LinkedHashMap<>(run);
		older.remove("image protocol");
		new Checkpoint(older, 0, 0, false, 0, List.of(individual), List.of(), List.of(), 0, 0, 0, 0.001, 0)
			.checkContinues(counterphase);
	}
}
