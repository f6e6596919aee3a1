package org.spiketune.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spiketune.model.Presets;
import org.spiketune.objective.SpikeTrainMatch;
import org.spiketune.objective.RateTarget;
import org.spiketune.sim.Simulator;
import org.spiketune.sim.cpu.CpuBackend;
import org.spiketune.spikes.SpikeTrains;
import org.spiketune.tune.Algorithm;
import org.spiketune.tune.GenerationStats;
import org.spiketune.tune.ParameterRange;
import org.spiketune.tune.ParameterSpace;
import org.spiketune.tune.Termination;
import org.spiketune.tune.Tuner;
import org.spiketune.tune.TuningConfig;
import org.spiketune.tune.TuningListener;

/** Fitting a network over growing windows of its data (the chaos workaround of issue 6, point 5). */
class NetworkFitTest {

	private static final Map<String, Double> TRUTH = Map.of("ee.gain", 2.0, "ie.gain", 1.5);
	private static final ParameterSpace SPACE = ParameterSpace.parse("ee.gain=0.5:4, ie.gain=0.5:4");

	private static Simulator simulator;
	private static TuningConfig config;
	private static SpikeTrains data;

	@BeforeAll
	static void groundTruth() {
		simulator = new Simulator(new CpuBackend());
		final TuningConfig probe = NetworkFit.config(Presets.get(Presets.IZHIKEVICH_2003_RANDOM), SpikeTrains.of(
			new double[250][0], 0, 300), SPACE, SpikeTrainMatch.Loss.SPIKE, Algorithm.Ga.defaults(), Termination
				.generations(1), 5);
		data = NetworkFit.simulate(simulator, probe, TRUTH);
		config = NetworkFit.config(Presets.get(Presets.IZHIKEVICH_2003_RANDOM), data, SPACE, SpikeTrainMatch.Loss.SPIKE,
			new Algorithm.Ga(4, 1, 0.8, 1, 0.1), Termination.generations(1), 5);
	}

	@Test
	void windowsDoubleFromTheFirstUntilTheyReachTheDataStop() {
		final SpikeTrains twoSeconds = SpikeTrains.of(new double[1][0], 0, 2000);
		assertArrayEquals(new double[] { 250, 500, 1000 }, NetworkFit.doublingStops(twoSeconds, 250));
		assertArrayEquals(new double[] { 400, 700 }, NetworkFit.doublingStops(SpikeTrains.of(new double[1][0], 100,
			1100), 300));
		assertArrayEquals(new double[0], NetworkFit.doublingStops(twoSeconds, 2000));
		for (final double bad : new double[] { 0, -5, Double.NaN }) {
			assertThrows(IllegalArgumentException.class, () -> NetworkFit.doublingStops(twoSeconds, bad));
		}
	}

	@Test
	void theTruthScoresZeroInEveryWindow() {
		final Tuner tuner = new Tuner(simulator);
		final double[] stops = NetworkFit.doublingStops(data, 75);
		assertArrayEquals(new double[] { 75, 150 }, stops);
		// a stop on a data spike: that spike falls after the window, as the simulation ends before firing it
		double onSpike = Double.MAX_VALUE;
		for (int i = 0; i < data.size(); i++) {
			for (final double t : data.times(i)) if (t > 100) onSpike = Math.min(onSpike, t);
		}
		for (final double stop : new double[] { 75, 150, onSpike, 300 }) {
			final TuningConfig window = NetworkFit.window(config, stop, SPACE);
			final SpikeTrains cut = ((SpikeTrainMatch) window.objective()).target();
			assertEquals(stop, window.durationMs());
			assertEquals(stop, cut.stopMs());
			assertTrue(cut.totalCount() > 20, "the window holds spikes to compare: " + cut.totalCount());
			// the data's spikes up to the stop, as a simulation that ends there fires them
			assertEquals(0.0, tuner.validate(window, TRUTH, 1, 0, false).get(0).value(), "window up to " + stop);
			assertEquals(0, SpikeTrainMatch.compare(cut, NetworkFit.simulate(simulator, window, TRUTH), java.util.stream
				.IntStream.range(0, data.size()).toArray(), 4).countError(), "spike counts up to " + stop);
			final Map<String, Double> off = Map.of("ee.gain", 2.4, "ie.gain", 1.5);
			assertTrue(tuner.validate(window, off, 1, 0, false).get(0).value() > 0);
		}
	}

	@Test
	void eachStageRunsOnceInANarrowerSpaceAndTheLastIsTheWholeData() {
		final Tuner tuner = new Tuner(simulator);
		final List<Integer> stages = new ArrayList<>();
		final TuningListener counting = new TuningListener() {
			@Override
			public void generation(final GenerationStats stats) {
				stages.add(stats.generation());
			}
		};
		final TuningConfig whole = NetworkFit.narrowOverWindows(tuner, config, new double[] { 75, 150 }, 0.5,
			counting);
		assertEquals(List.of(1, 1), stages, "one one-generation run per window before the whole");
		assertEquals(300, whole.durationMs());
		assertSame(data, ((SpikeTrainMatch) whole.objective()).target());
		assertEquals(3.5 / 4, width(whole.space(), "ee.gain"), 1e-12, "halved twice");
		assertEquals(3.5 / 4, width(whole.space(), "ie.gain"), 1e-12);
		assertEquals(config.seed(), whole.seed(), "the stages keep the data's frozen noise");
		stages.clear();
		final var result = NetworkFit.tuneOverGrowingWindows(tuner, config, new double[] { 150 }, 0.5, counting);
		assertEquals(List.of(1, 1), stages, "the 150 ms window, then the whole");
		assertEquals(300, result.config().durationMs());
	}

	@Test
	void aResumedRunTakesTheNarrowedRangesWithoutTheStages() {
		final TuningConfig whole = NetworkFit.narrowOverWindows(new Tuner(simulator), config, new double[] { 150 },
			0.5, TuningListener.NONE);
		// as a checkpoint records the ranges, and the command reads them back
		final TuningConfig resumed = NetworkFit.lastWindow(config, ParameterSpace.parse(whole.space().toString()));
		assertEquals(org.spiketune.tune.Checkpoint.identity(whole), org.spiketune.tune.Checkpoint.identity(resumed));
		for (final String wider : new String[] { "ee.gain=0.4:1, ie.gain=0.5:1", "ee.gain=1:2",
			"ie.gain=1:2, ee.gain=1:2", "ee.gain=1:2:log, ie.gain=1:2" }) {
			final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NetworkFit
				.lastWindow(config, ParameterSpace.parse(wider)));
			assertTrue(e.getMessage().contains("not a narrowing"), e.getMessage());
		}
	}

	@Test
	void badStagesAreNamed() {
		final Tuner tuner = new Tuner(simulator);
		for (final double[] stops : new double[][] { { 150, 75 }, { 75, 75 }, { 300 }, { 0 }, { 400 } }) {
			final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NetworkFit
				.narrowOverWindows(tuner, config, stops, 0.5, TuningListener.NONE));
			assertTrue(e.getMessage().contains("window stops"), e.getMessage());
		}
		for (final double zoom : new double[] { 0, 1.5, Double.NaN }) {
			assertThrows(IllegalArgumentException.class, () -> NetworkFit.narrowOverWindows(tuner, config,
				new double[] { 75 }, zoom, TuningListener.NONE));
		}
		final TuningConfig rate = config.withObjective(RateTarget.of(5));
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NetworkFit
			.narrowOverWindows(tuner, rate, new double[] { 75 }, 0.5, TuningListener.NONE));
		assertTrue(e.getMessage().contains("spike-train objective"), e.getMessage());
	}

	private static double width(final ParameterSpace space, final String name) {
		for (final ParameterRange r : space.ranges()) if (r.name().equals(name)) return r.max() - r.min();
		throw new AssertionError(name);
	}
}
