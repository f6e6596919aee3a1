package org.spiketune.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.spiketune.model.IzhikevichClass;
import org.spiketune.model.Lif;
import org.spiketune.model.NetworkSpec;
import org.spiketune.model.NeuronGroup;
import org.spiketune.model.NeuronModel;
import org.spiketune.model.PoissonSource;
import org.spiketune.model.Projection;
import org.spiketune.model.SpikeReplay;
import org.spiketune.model.Topology;
import org.spiketune.model.Weights;
import org.spiketune.sim.cpu.CpuBackend;
import org.spiketune.spikes.SpikeTrains;
import org.spiketune.spikes.TestData;
import org.spiketune.spikes.io.PolarityEvents;
import org.spiketune.spikes.io.SpikeFiles;

/** Recorded spike trains as network input: the replay group fires when told and drives its targets. */
class SpikeReplayTest {

	@Test
	void eachTimeFiresInTheStepContainingItOnceAndTimesAfterTheRunAreNotReached() {
		final SpikeReplay replay = SpikeReplay.of(new double[][] { { 0, 0.25, 0.5, 7.3, 7.4, 99.99, 250 }, {},
			{ 3 } });
		assertArrayEquals(new int[] { 0, 1, 14, 199, 500 }, replay.steps(0.5)[0]);
		assertEquals(2, replay.spikesLostAt(0.5), "0.25 shares step 0 with 0, 7.4 step 14 with 7.3");
		final NetworkSpec spec = NetworkSpec.of("replay", 0.5, List.of(NeuronGroup.of("in", 3, replay)), List.of());
		final SpikeRecord spikes = Sims.run(spec, 100, 1).spikes();
		assertArrayEquals(new int[] { 0, 1, 6, 14, 199 }, spikes.steps());
		assertArrayEquals(new int[] { 0, 0, 2, 0, 0 }, spikes.neurons());
		assertArrayEquals(new double[] { 0, 0.5, 7, 99.5 }, spikes.spikeTrains().times(0));
	}

	@Test
	void replayingASimulatedSourceReproducesItsSpikesAndEverythingDownstream() {
		final NetworkSpec poisson = drivenBy(PoissonSource.of(30));
		final SimulationRequest request = SimulationRequest.of(poisson, 500, 9);
		final MemberResult original = new Simulator(new CpuBackend(1)).run(request).member(0);
		final SpikeTrains all = original.spikes().spikeTrains();
		final SpikeTrains source = all.subset(0, 80), target = all.subset(80, 120);
		assertTrue(source.totalCount() > 500 && target.totalCount() > 50, "both groups are active");

		final NetworkSpec replayed = drivenBy(SpikeReplay.of(source.timesFromStart()));
		final MemberResult again = new Simulator(new CpuBackend(2)).run(SimulationRequest.of(replayed, 500, 9)
			.withMembers(List.of(Member.of(12345)))).member(0);
		assertTrue(original.spikes().sameEvents(again.spikes()),
			"same structure seed: the replayed source and its targets fire as in the original run, whatever the member seed");
	}

	@Test
	void eventCameraPixelsDriveANetwork() throws IOException {
		final PolarityEvents all = SpikeFiles.readEvents(TestData.file("aestream-davis346-aedat4", "davis.aedat4"));
		final PolarityEvents region = all.crop(100, 50, 16, 16);
		final SpikeReplay pixels = SpikeReplay.of(region.toSpikeTrains(all.timesUs()[0]).timesFromStart());
		final int n = 2 * 16 * 16;
		final NetworkSpec retina = NetworkSpec.of("retina", 0.5, List.of(NeuronGroup.of("pixels", n, pixels),
			NeuronGroup.of("cells", n, Lif.of(10, -70, -70, -60, 100, 2))), List.of(Projection.of("pixels_cells",
				"pixels", "cells", Topology.oneToOne(), Weights.constant(3000))));
		final MemberResult result = Sims.run(retina, 130, 1);
		final int[] counts = result.spikes().countsPerNeuron();
		final int[][] steps = pixels.steps(0.5);
		int replayed = 0, cells = 0;
		for (int i = 0; i < n; i++) {
			assertEquals(Arrays.stream(steps[i]).filter(s -> s < 260).count(), counts[i], "pixel train " + i);
			replayed += counts[i];
			cells += counts[n + i];
		}
		assertEquals(region.size() - pixels.spikesLostAt(0.5), replayed, "every event in its own step replays");
		assertTrue(cells > 0 && cells <= replayed, "the cells follow their pixels: " + cells + " of " + replayed);
	}

	@Test
	void membersShareTheReplayedInput() {
		final NetworkSpec spec = drivenBy(SpikeReplay.of(regularTrains(80)));
		final BatchResult batch = new Simulator(new CpuBackend(2)).run(SimulationRequest.of(spec, 300, 1).withMembers(
			List.of(Member.of(1), Member.of(2))));
		final int[] first = Arrays.copyOfRange(batch.member(0).spikes().countsPerNeuron(), 0, 80);
		assertArrayEquals(first, Arrays.copyOfRange(batch.member(1).spikes().countsPerNeuron(), 0, 80));
		assertTrue(Arrays.stream(first).sum() > 0);
	}

	@Test
	void badReplayInputIsRefusedWithItsReason() {
		assertTrue(assertThrows(IllegalArgumentException.class, () -> SpikeReplay.of(new double[][] { { 1, -2 } }))
			.getMessage().contains("train 0 has spike time -2.0"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> SpikeReplay.of(new double[][] { { Double.NaN } }))
			.getMessage().contains("NaN"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> SpikeReplay.of(new double[0][])).getMessage()
			.contains("at least one train"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> NeuronGroup.of("in", 4, SpikeReplay.of(
			new double[3][0]))).getMessage().contains("4 neurons but replays 3"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> NetworkSpec.of("bad", 0.5, List.of(NeuronGroup
			.of("a", 2, SpikeReplay.of(new double[2][0])), NeuronGroup.of("b", 2, SpikeReplay.of(new double[2][0]))),
			List.of(Projection.of("ab", "a", "b", Topology.oneToOne(), Weights.constant(1))))).getMessage().contains(
				"cannot receive synapses"));
	}

	@Test
	void replayTimesAreCopiedAndEqualityIsByContent() {
		final double[][] times = { { 2, 1 } };
		final SpikeReplay replay = SpikeReplay.of(times);
		times[0][0] = 50;
		assertArrayEquals(new double[] { 1, 2 }, replay.times(0));
		assertEquals(SpikeReplay.of(new double[][] { { 1, 2 } }), replay);
		assertEquals(SpikeReplay.of(new double[][] { { 1, 2 } }).hashCode(), replay.hashCode());
		assertTrue(replay.parameterNames().isEmpty());
	}

	/** 80 sources of {@code model} into 40 regular-spiking Izhikevich neurons (fixed probability 0.2). */
	private static NetworkSpec drivenBy(final NeuronModel model) {
		return NetworkSpec.of("driven", 0.5, List.of(NeuronGroup.of("in", 80, model), NeuronGroup.of("out", 40,
			IzhikevichClass.RS.model())), List.of(Projection.of("in_out", "in", "out", Topology.fixedProbability(0.2),
				Weights.uniform(4, 9))));
	}

	private static double[][] regularTrains(final int count) {
		final double[][] times = new double[count][];
		for (int i = 0; i < count; i++) {
			times[i] = new double[20];
			for (int k = 0; k < 20; k++) times[i][k] = 3 + i * 0.5 + k * 14.5;
		}
		return times;
	}
}
