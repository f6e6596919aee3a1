package org.spiketune.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.spiketune.model.Presets;
import org.spiketune.objective.SpikeTrainMatch;
import org.spiketune.sim.Simulator;
import org.spiketune.sim.cpu.CpuBackend;
import org.spiketune.spikes.SpikeTrains;
import org.spiketune.spikes.Validation;
import org.spiketune.tune.Algorithm;
import org.spiketune.tune.ParameterRange;
import org.spiketune.tune.ParameterSpace;
import org.spiketune.tune.Termination;
import org.spiketune.tune.Tuner;
import org.spiketune.tune.TuningConfig;
import org.spiketune.tune.TuningListener;
import org.spiketune.tune.TuningResult;

/**
 * Issue 6 point 5, locally: the SpikeNetOpt network fit. A ground-truth network (the 200 E + 50 I
 * {@code izhikevich2003-random} preset, its two gains and two connection probabilities hidden) records 2 s
 * of spikes under frozen noise; CMA-ES (8 restarts of 10 for 30 generations) fits the four back from wide
 * ranges with the summed SPIKE-distance over all 250 pairs, over growing windows (250, 500, 1000 ms, then
 * the whole 2 s), each stage in half the previous ranges. The fit must land near the truth, and its spike
 * count and its rate and local-variation distributions must match the data's.
 * <p>
 * This is {@code bench/fit network} with {@code -Dfit.netalgorithm=cma-es -Dfit.window=250} at seed 11
 * (bench/README.md, "Growing windows"); the same run is deterministic, so the tolerances hold for all four
 * seeds of that table (at most 1.0, 4.7, 0.2, 0.3% of the ranges off). A smaller budget does not: with 4
 * restarts, seeds 42 and 3 end with the inhibitory gain 17-19% off, and 1 s of data with 4 restarts leaves
 * seed 3's ie.p 18% off.
 */
class NetworkRecoveryIT {

	private static final long SEED = 11;

	@Test
	void aKnownNetworkIsFittedBackFromItsSpikeTrains() {
		final Map<String, Double> truth = new LinkedHashMap<>();
		truth.put("ee.gain", 2.0);
		truth.put("ie.gain", 1.5);
		truth.put("ee.p", 0.15);
		truth.put("ie.p", 0.25);
		final ParameterSpace space = ParameterSpace.parse("ee.gain=0.5:4, ie.gain=0.5:4, ee.p=0.05:0.3, ie.p=0.05:0.5");
		final var network = Presets.get(Presets.IZHIKEVICH_2003_RANDOM);
		final Simulator simulator = new Simulator(new CpuBackend());
		final TuningConfig probe = NetworkFit.config(network, SpikeTrains.of(new double[250][0], 0, 2000), space,
			SpikeTrainMatch.Loss.SPIKE, Algorithm.CmaEs.defaults(), Termination.generations(1), SEED);
		final SpikeTrains data = NetworkFit.simulate(simulator, probe, truth);
		final TuningConfig config = NetworkFit.config(network, data, space, SpikeTrainMatch.Loss.SPIKE,
			new Algorithm.CmaEs(10, 8, 0.3), Termination.generations(30), SEED);

		final TuningResult result = NetworkFit.tuneOverGrowingWindows(new Tuner(simulator), config, NetworkFit
			.doublingStops(data, 250), 0.5, TuningListener.NONE);

		final Map<String, Double> tolerance = Map.of("ee.gain", 0.02, "ie.gain", 0.05, "ee.p", 0.01, "ie.p", 0.01);
		for (final ParameterRange range : space.ranges()) {
			final String name = range.name();
			final double off = Math.abs(result.best().get(name) - truth.get(name)) / (range.max() - range.min());
			assertTrue(off <= tolerance.get(name), name + " is " + Math.round(1000 * off) / 10.0 +
				"% of its range off: fitted " + result.best() + ", truth " + truth);
		}
		assertEquals(0.0, new Tuner(simulator).validate(config, truth, 1, 0, false).get(0).value(),
			"the truth reproduces its data under the frozen noise");
		final SpikeTrains model = NetworkFit.simulate(simulator, config, result.best());
		assertEquals(data.totalCount(), model.totalCount(), 0.05 * data.totalCount(), "spike count");
		for (final Validation.Row row : Validation.compare(model, data).rows()) {
			assertTrue(row.ksP() > 0.5, row.statistic() + " distributions differ: " + row);
		}
	}
}
