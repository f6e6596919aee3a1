package org.spiketune.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.spiketune.objective.SpikeTrainMatch;
import org.spiketune.sim.Member;
import org.spiketune.sim.Recording;
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
import org.spiketune.tune.TuningResult;

/**
 * Issue 6 point 4a at reduced budget: a known Izhikevich cell (a fast-spiking one, gain 0.04 a.u./pA) is
 * driven by the FSI protocol's command currents; the fit sees five sweeps and predicts four others. The
 * pipeline must be exact (the true parameters predict their own spikes with Γ = 1) and a small fit must
 * get the unseen spike counts within 25%. Γ >= 0.9 on unseen steps, the target, is not reached
 * at this budget (nor reliably at larger ones: see the issue note and {@code bench/fit recover}).
 */
class SingleCellRecoveryIT {

	static final Map<String, Double> TRUTH = Map.of("*.a", 0.1, "*.b", 0.2, "*.c", -60.0, "*.d", 2.0, "*.gain",
		0.04);
	static final ParameterSpace SPACE = ParameterSpace.parse(
		"*.a=0.002:0.3, *.b=0.02:0.36, *.c=-75:-35, *.d=0.005:16, *.gain=0.005:0.5:log");
	static final int[] FIT = { 8, 10, 12, 14, 16 }, PREDICT = { 9, 11, 13, 15 };

	@Test
	void aKnownModelIsRecoveredWellEnoughToPredictUnseenSteps() throws Exception {
		final RecordedSweeps protocol = Abf2.read(TestData.file("pyabf-fsi-current-steps",
			"2019_07_24_0055_fsi.abf"));
		final Simulator simulator = new Simulator(new CpuBackend());
		final int[] all = java.util.stream.IntStream.range(0, protocol.count()).toArray();
		final SpikeTrains own = simulator.runAll(SingleCellFit.network(SingleCellFit.CellModel.IZHIKEVICH, protocol,
			all, 0.1), 3000, 0, List.of(Member.of(0, TRUTH)), Recording.spikesOnly()).get(0).spikes().spikeTrains();
		final TuningConfig config = SingleCellFit.config(SingleCellFit.CellModel.IZHIKEVICH, protocol, own, FIT,
			SPACE, SpikeTrainMatch.Loss.GAMMA_RATE, SpikeTrainMatch.DEFAULT_WINDOW_MS, new Algorithm.Ga(20, 2, 0.8, 1,
				0.1), Termination.generations(20), 0.1, 3);
		final TuningResult result = SingleCellFit.tune(new Tuner(simulator), config, 1,
			org.spiketune.tune.TuningListener.NONE);
		final SingleCellFit.Prediction prediction = SingleCellFit.predict(simulator,
			SingleCellFit.CellModel.IZHIKEVICH, result.best(), protocol, own, PREDICT, 0.1, 4);
		final SingleCellFit.Prediction exact = SingleCellFit.predict(simulator, SingleCellFit.CellModel.IZHIKEVICH,
			TRUTH, protocol, own, PREDICT, 0.1, 4);
		for (final SingleCellFit.SweepPrediction p : exact.sweeps()) {
			assertTrue(p.dataSpikes() > 10, "sweep " + p.sweep() + " is driven");
			assertEquals(1.0, p.gamma(), 1e-12, "the truth predicts itself: " + p);
		}
		int data = 0, error = 0;
		for (final SingleCellFit.SweepPrediction p : prediction.sweeps()) {
			data += p.dataSpikes();
			error += Math.abs(p.countError());
		}
		assertTrue(error <= 0.25 * data, "count error " + error + " of " + data + ": " + prediction.sweeps() +
			" with " + result.best());
	}
}
