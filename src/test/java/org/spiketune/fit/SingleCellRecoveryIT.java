package org.spiketune.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.spiketune.objective.SpikeTrainMatch;
import org.spiketune.sim.Simulator;
import org.spiketune.sim.cpu.CpuBackend;
import org.spiketune.spikes.RecordedSweeps;
import org.spiketune.spikes.SpikeTrains;
import org.spiketune.spikes.TestData;
import org.spiketune.spikes.io.Abf2;
import org.spiketune.tune.Algorithm;
import org.spiketune.tune.ParameterSpace;
import org.spiketune.tune.Termination;
import org.spiketune.tune.Tuner;
import org.spiketune.tune.TuningConfig;
import org.spiketune.tune.TuningListener;
import org.spiketune.tune.TuningResult;

/**
 * Issue 6 point 4a, locally: a known Izhikevich cell (a fast-spiking one, gain 0.04 a.u./pA) is driven by the
 * even current steps of the FSI protocol plus a frozen white current noise (sd 15 a.u.), and CMA-ES fits
 * a, b, c, d and gain back with the SPIKE-distance loss in a box of about ±10% whose centre is not the
 * truth. The fit must predict the unseen odd steps, without noise, with Γ ≥ 0.9 on every driven one.
 * <p>
 * At this budget (4 × 10 × 60) the same box recovers the cell for 3 of 4 seeds tried (1, 3, 7, 42; seed 1
 * misses with Γ 0.47 at 125 pA), so this pins seed 3; with seed 3, steps alone or the study's spike+count
 * loss end with Γ 0 at 75 pA. The search over the full ranges takes minutes per seed:
 * {@code bench/fit recover} and {@code bench/README.md}, "Fitting a known cell".
 */
class SingleCellRecoveryIT {

	static final Map<String, Double> TRUTH = Map.of("*.a", 0.1, "*.b", 0.2, "*.c", -60.0, "*.d", 2.0, "*.gain",
		0.04);
	static final ParameterSpace AROUND_TRUTH = ParameterSpace.parse(
		"*.a=0.09:0.13, *.b=0.19:0.215, *.c=-63:-57.6, *.d=1.8:2.5, *.gain=0.036:0.046");
	static final int[] FIT = { 0, 2, 4, 6, 8, 10, 12, 14, 16 }, PREDICT = { 7, 9, 11, 13, 15 };
	static final double NOISE = 15;

	@Test
	void aKnownModelFittedUnderFrozenNoisePredictsUnseenSteps() throws Exception {
		final RecordedSweeps protocol = Abf2.read(TestData.file("pyabf-fsi-current-steps",
			"2019_07_24_0055_fsi.abf"));
		final Simulator simulator = new Simulator(new CpuBackend());
		final int[] pairs = IntStream.range(0, FIT.length).toArray();
		final TuningConfig probe = SingleCellFit.withFrozenNoise(TuningConfig.of(SingleCellFit.network(
			SingleCellFit.CellModel.IZHIKEVICH, protocol, FIT, 0.1), AROUND_TRUTH, SpikeTrainMatch.of(SpikeTrains.of(
				new double[FIT.length][0], 0, 3000), pairs, SpikeTrainMatch.Loss.SPIKE, 4), new Algorithm.CmaEs(10, 4, 0.3),
			Termination.generations(60), 3000, 3), NOISE);
		final SpikeTrains data = SingleCellFit.simulate(simulator, SingleCellFit.CellModel.IZHIKEVICH, TRUTH,
			protocol, FIT, 0.1, NOISE, probe.frozenNoiseSeed(), 3000);
		final TuningResult result = SingleCellFit.tune(new Tuner(simulator), probe.withObjective(SpikeTrainMatch.of(
			data, pairs, SpikeTrainMatch.Loss.SPIKE, 4)), 0, TuningListener.NONE);

		final SpikeTrains unseen = SingleCellFit.simulate(simulator, SingleCellFit.CellModel.IZHIKEVICH, TRUTH,
			protocol, PREDICT, 0.1, 0, 0, 3000);
		final SingleCellFit.Prediction exact = SingleCellFit.predict(simulator, SingleCellFit.CellModel.IZHIKEVICH,
			TRUTH, protocol, PREDICT, unseen, 0.1, 4, 0, 0);
		final SingleCellFit.Prediction fitted = SingleCellFit.predict(simulator, SingleCellFit.CellModel.IZHIKEVICH,
			result.best(), protocol, PREDICT, unseen, 0.1, 4, 0, 0);
		for (int i = 0; i < PREDICT.length; i++) {
			final SingleCellFit.SweepPrediction truth = exact.sweeps().get(i), fit = fitted.sweeps().get(i);
			assertTrue(truth.dataSpikes() > 0, "sweep " + truth.sweep() + " is driven");
			assertEquals(1.0, truth.gamma(), 1e-12, "the truth predicts itself: " + truth);
			assertTrue(fit.gamma() >= 0.9, "Γ " + fit.gamma() + " on unseen " + fit + " with " + result.best());
		}
		for (final String p : new String[] { "*.b", "*.c", "*.gain" }) {
			assertEquals(TRUTH.get(p), result.best().get(p), 0.01 * Math.abs(TRUTH.get(p)), p + " in " + result.best());
		}
	}
}
