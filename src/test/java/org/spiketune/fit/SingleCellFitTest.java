package org.spiketune.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spiketune.model.NetworkSpec;
import org.spiketune.objective.SpikeTrainMatch;
import org.spiketune.sim.Simulator;
import org.spiketune.sim.cpu.CpuBackend;
import org.spiketune.model.Stimulus;
import org.spiketune.spikes.RecordedSweeps;
import org.spiketune.spikes.SpikeTrains;
import org.spiketune.spikes.TestData;
import org.spiketune.spikes.io.Abf2;
import org.spiketune.tune.Algorithm;
import org.spiketune.tune.Evaluation;
import org.spiketune.tune.ParameterSpace;
import org.spiketune.tune.Termination;
import org.spiketune.tune.Tuner;
import org.spiketune.tune.TuningConfig;
import org.spiketune.tune.TuningListener;

/** The fitting setup built from the real FSI recording. */
class SingleCellFitTest {

	private static RecordedSweeps fsi;

	@BeforeAll
	static void read() throws Exception {
		fsi = Abf2.read(TestData.file("pyabf-fsi-current-steps", "2019_07_24_0055_fsi.abf"));
	}

	@Test
	void eachSweepBecomesAOneNeuronGroupDrivenByItsCommandCurrent() {
		final NetworkSpec network = SingleCellFit.network(SingleCellFit.CellModel.IZHIKEVICH, fsi, new int[] { 16,
			0 }, 0.1);
		assertEquals(List.of("sweep16", "sweep0"), network.groups().stream().map(g -> g.name()).toList());
		assertEquals(2, network.neuronCount());
		// the provenance's epoch table: sweep 16 steps to +300 pA twice and to -100 pA once (1/64 pre-holding)
		assertEquals(List.of(Stimulus.step("sweep16", 146.85, 646.85, 300), Stimulus.step("sweep16", 1146.85,
			1646.85, -100), Stimulus.step("sweep16", 1646.85, 2146.85, 300)), network.stimuli().subList(0, 3).stream()
				.map(s -> round((Stimulus.CurrentStep) s)).toList());
		assertTrue(network.hasParameter("*.gain") && network.hasParameter("*.a"));
	}

	private static Stimulus round(final Stimulus.CurrentStep s) {
		return Stimulus.step(s.group(), Math.round(s.startMs() * 100) / 100.0, Math.round(s.endMs() * 100) / 100.0, s
			.amplitude());
	}

	@Test
	void recordedSpikesAreTheCrossingsOfEachSweep() {
		final SpikeTrains spikes = SingleCellFit.spikes(fsi, SingleCellFit.DEFAULT_THRESHOLD_MV);
		final int[] counts = new int[spikes.size()];
		for (int k = 0; k < counts.length; k++) counts[k] = spikes.count(k);
		assertArrayEquals(new int[] { 2, 3, 2, 4, 16, 28, 37, 48, 55, 68, 76, 83, 91, 99, 105, 114, 117 }, counts);
		assertEquals(3000, spikes.stopMs(), 1e-9);
		assertEquals("sweep 5", spikes.label(5));
		final SpikeTrains some = SingleCellFit.select(spikes, new int[] { 16, 4 });
		assertEquals(117, some.count(0));
		assertEquals("sweep 4", some.label(1));
	}

	@Test
	void sweepListsParseAndBadSelectionsAreNamed() {
		assertArrayEquals(new int[] { 0, 2, 4, 5, 6 }, SingleCellFit.parseSweeps("0, 2,4-6"));
		assertThrows(IllegalArgumentException.class, () -> SingleCellFit.parseSweeps("6-4"));
		assertThrows(IllegalArgumentException.class, () -> SingleCellFit.parseSweeps("a"));
		assertThrows(IllegalArgumentException.class, () -> SingleCellFit.parseSweeps(" , "));
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SingleCellFit.network(
			SingleCellFit.CellModel.ADEX, fsi, new int[] { 17 }, 0.1));
		assertTrue(e.getMessage().contains("sweeps 0-16"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> SingleCellFit.network(SingleCellFit.CellModel.ADEX, fsi,
			new int[] { 1, 1 }, 0.1));
		assertEquals(SingleCellFit.CellModel.ADEX, SingleCellFit.CellModel.parse(" AdEx"));
		assertThrows(IllegalArgumentException.class, () -> SingleCellFit.CellModel.parse("hh"));
	}

	@Test
	void defaultRangesAreSpikeNetOptsAndNameOnlyExistingParameters() {
		for (final SingleCellFit.CellModel m : SingleCellFit.CellModel.values()) {
			m.defaultSpace().checkAgainst(SingleCellFit.network(m, fsi, new int[] { 0, 1 }, 0.1));
		}
		assertEquals("*.a=0.002:0.3", SingleCellFit.CellModel.IZHIKEVICH.defaultSpace().ranges().get(0).toString());
	}

	@Test
	void currentNoiseDrivesEverySweepAndBadValuesAreNamed() {
		final NetworkSpec noisy = SingleCellFit.network(SingleCellFit.CellModel.IZHIKEVICH, fsi, new int[] { 3, 9 },
			0.1, 15);
		assertEquals(List.of(15.0, 15.0), noisy.groups().stream().map(g -> g.noise()).toList());
		assertEquals(SingleCellFit.network(SingleCellFit.CellModel.IZHIKEVICH, fsi, new int[] { 3, 9 }, 0.1).stimuli(),
			noisy.stimuli());
		for (final double bad : new double[] { -1, Double.NaN, Double.POSITIVE_INFINITY }) {
			final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SingleCellFit.network(
				SingleCellFit.CellModel.IZHIKEVICH, fsi, new int[] { 3 }, 0.1, bad));
			assertTrue(e.getMessage().contains("current noise"), e.getMessage());
		}
	}

	/**
	 * A known cell's spikes under frozen noise are what the run's evaluations see: the truth scores 0 under
	 * the run's noise and not under another draw, and refinement stages keep that noise.
	 */
	@Test
	void frozenNoiseRunsFitTheNoiseTheirDataWereDrawnWith() {
		final Simulator simulator = new Simulator(new CpuBackend());
		final int[] fit = { 8, 12 };
		final Map<String, Double> truth = Map.of("*.a", 0.1, "*.b", 0.2, "*.c", -60.0, "*.d", 2.0, "*.gain", 0.04);
		final TuningConfig probe = SingleCellFit.withFrozenNoise(TuningConfig.of(SingleCellFit.network(
			SingleCellFit.CellModel.IZHIKEVICH, fsi, fit, 0.1), ParameterSpace.parse("*.gain=0.03:0.05"),
			SpikeTrainMatch.of(SpikeTrains.of(new double[2][0], 0, 3000), SpikeTrainMatch.Loss.SPIKE_COUNT),
			new Algorithm.Ga(4, 1, 0.8, 1, 0.1), Termination.generations(2), 3000, 5), 15);
		final SpikeTrains data = SingleCellFit.simulate(simulator, SingleCellFit.CellModel.IZHIKEVICH, truth, fsi, fit,
			0.1, 15, probe.frozenNoiseSeed(), 3000);
		assertEquals("sweep 12", data.label(1));
		final TuningConfig config = probe.withObjective(SpikeTrainMatch.of(data, SpikeTrainMatch.Loss.SPIKE_COUNT));
		final Tuner tuner = new Tuner(simulator);
		assertEquals(0, tuner.validate(config, truth, 1, 0, false).get(0).value(), 1e-12);
		final SpikeTrains otherDraw = SingleCellFit.simulate(simulator, SingleCellFit.CellModel.IZHIKEVICH, truth, fsi,
			fit, 0.1, 15, probe.frozenNoiseSeed() + 1, 3000);
		assertTrue(SpikeTrainMatch.compare(data, otherDraw, new int[] { 0, 1 }, 4).gammaSum() < 1.9,
			"another noise draw gives other spikes");
		final java.util.Set<Long> seeds = new java.util.HashSet<>();
		SingleCellFit.tune(tuner, config, 2, new TuningListener() {

			@Override
			public void evaluated(final Evaluation e) {
				for (final long s : e.seeds()) seeds.add(s);
			}
		});
		assertEquals(java.util.Set.of(config.frozenNoiseSeed()), seeds);
		final SingleCellFit.Prediction own = SingleCellFit.predict(simulator, SingleCellFit.CellModel.IZHIKEVICH, truth,
			fsi, fit, data, 0.1, 4, 15, probe.frozenNoiseSeed());
		for (final SingleCellFit.SweepPrediction p : own.sweeps()) assertEquals(1.0, p.gamma(), 1e-12, p.toString());
		assertThrows(IllegalArgumentException.class, () -> SingleCellFit.predict(simulator,
			SingleCellFit.CellModel.IZHIKEVICH, truth, fsi, new int[] { 8 }, data, 0.1, 4, 15, 1));
	}

	@Test
	void aKnownCellNeedsAFiniteValueForEveryFittedParameter() {
		final ParameterSpace space = SingleCellFit.CellModel.IZHIKEVICH.defaultSpace();
		final Map<String, Double> cell = SingleCellFit.knownCell("a=0.1, b=0.2; c=-60, d=2, gain=0.04, *.bias=0",
			space);
		assertEquals(Map.of("*.a", 0.1, "*.b", 0.2, "*.c", -60.0, "*.d", 2.0, "*.gain", 0.04, "*.bias", 0.0), cell);
		assertEquals(List.of("*.a", "*.b", "*.c", "*.d", "*.gain", "*.bias"), List.copyOf(cell.keySet()));
		final IllegalArgumentException extra = assertThrows(IllegalArgumentException.class, () -> SingleCellFit
			.knownCell("a=0.1, gain=0.04", ParameterSpace.parse("*.gain=0.01:1")));
		assertTrue(extra.getMessage().contains("*.a, which the fit does not tune"), extra.getMessage());
		final IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> SingleCellFit
			.knownCell("a=0.1, b=0.2, c=-60, d=2, bias=0", space));
		assertTrue(missing.getMessage().contains("*.gain"), missing.getMessage());
		final IllegalArgumentException nan = assertThrows(IllegalArgumentException.class, () -> SingleCellFit
			.knownCell("a=NaN, b=0.2, c=-60, d=2, gain=0.04, bias=0", space));
		assertTrue(nan.getMessage().contains("known cell's a"), nan.getMessage());
		assertThrows(IllegalArgumentException.class, () -> SingleCellFit.knownCell("a 0.1", space));
	}

	/** The identifiability check: the known cell's spikes replace the recording's, and the truth scores 0. */
	@Test
	void aKnownCellsFitScoresItsTruthZeroWithAndWithoutNoise() {
		final Simulator simulator = new Simulator(new CpuBackend());
		final Tuner tuner = new Tuner(simulator);
		final Map<String, Double> truth = Map.of("*.a", 0.1, "*.b", 0.2, "*.c", -60.0, "*.d", 2.0, "*.gain", 0.04);
		final SpikeTrains own = SingleCellFit.knownCellSpikes(simulator, SingleCellFit.CellModel.IZHIKEVICH, truth, fsi,
			0.1);
		assertEquals(fsi.count(), own.size());
		assertEquals(fsi.durationMs(0), own.stopMs());
		assertTrue(own.count(16) > 5 && own.count(0) == 0, own.count(16) + " and " + own.count(0) + " spikes");
		final int[] fit = { 8, 12 };
		final TuningConfig recorded = SingleCellFit.config(SingleCellFit.CellModel.IZHIKEVICH, fsi, own, fit, ParameterSpace
			.parse("*.gain=0.03:0.05, *.b=0.1:0.3"), SpikeTrainMatch.Loss.SPIKE, 4, new Algorithm.Ga(4, 1, 0.8, 1, 0.1),
			Termination.generations(1), 0.1, 5);
		final Map<String, Double> off = new java.util.HashMap<>(truth);
		off.put("*.b", 0.21);
		for (final double noise : new double[] { 0, 15 }) {
			final TuningConfig config = SingleCellFit.knownCellConfig(simulator, recorded, SingleCellFit.CellModel
				.IZHIKEVICH, truth, fsi, fit, 0.1, noise);
			assertEquals(noise > 0, config.noise().frozen());
			assertEquals(0, tuner.validate(config, truth, 1, 0, false).get(0).value(), 1e-12, "noise " + noise);
			assertTrue(tuner.validate(config, off, 1, 0, false).get(0).value() > 0.01, "noise " + noise);
			final SpikeTrains target = ((SpikeTrainMatch) config.objective()).target();
			final double gamma = SpikeTrainMatch.compare(SingleCellFit.select(own, fit), target, new int[] { 0, 1 }, 4)
				.gammaSum();
			assertTrue(noise > 0 ? gamma < 1.9 : gamma == 2, "the target carries the noise (noise " + noise + "): " +
				gamma);
		}
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SingleCellFit
			.knownCellConfig(simulator, recorded, SingleCellFit.CellModel.IZHIKEVICH, truth, fsi, fit, 0.1, -3));
		assertTrue(e.getMessage().contains("current noise"), e.getMessage());
	}

	/** The refinements run with their own algorithm: here CMA-ES with 5 restarts after a first run with 2. */
	@Test
	void refinementsRunWithTheirOwnAlgorithm() {
		final Simulator simulator = new Simulator(new CpuBackend());
		final SpikeTrains data = SingleCellFit.spikes(fsi, SingleCellFit.DEFAULT_THRESHOLD_MV);
		final TuningConfig config = SingleCellFit.config(SingleCellFit.CellModel.IZHIKEVICH, fsi, data, new int[] {
			16 }, ParameterSpace.parse("*.gain=0.02:0.08, *.d=1:4"), SpikeTrainMatch.Loss.SPIKE, 4,
			new Algorithm.CmaEs(4, 2, 0.3), Termination.generations(2), 0.1, 3);
		final List<Integer> perGeneration = new java.util.ArrayList<>();
		final TuningListener listener = new TuningListener() {

			@Override
			public void generation(final org.spiketune.tune.GenerationStats stats) {
				perGeneration.add(stats.evaluations());
			}
		};
		SingleCellFit.tune(new Tuner(simulator), config, 1, new Algorithm.CmaEs(4, 5, 0.3), listener);
		// a generation is one CMA-ES iteration of every restart: 4 points of 2, then 4 points of 5
		assertEquals(List.of(8, 8, 20, 20), perGeneration);
		perGeneration.clear();
		SingleCellFit.tune(new Tuner(simulator), config, 1, listener);
		assertEquals(List.of(8, 8, 8, 8), perGeneration, "without one, the refinements run the first run's algorithm");
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SingleCellFit.tune(
			new Tuner(simulator), config, 1, null, TuningListener.NONE));
		assertTrue(e.getMessage().contains("refinement algorithm"), e.getMessage());
	}
}
