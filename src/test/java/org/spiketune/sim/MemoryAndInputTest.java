package org.spiketune.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.spiketune.Reliability;
import org.junit.jupiter.api.Test;
import org.spiketune.model.IzhikevichClass;
import org.spiketune.model.NetworkSpec;
import org.spiketune.model.NeuronGroup;
import org.spiketune.model.Presets;
import org.spiketune.model.Projection;
import org.spiketune.model.Topology;
import org.spiketune.model.Weights;
import org.spiketune.sim.cpu.CpuBackend;

/** Requests that cannot run fail early with a message that says why, before anything large is allocated. */
class MemoryAndInputTest {

	@Test
	void aNetworkTooLargeForTheHeapIsRefusedWithTheFigures() {
		final NeuronGroup g = NeuronGroup.of("g", 200_000, IzhikevichClass.RS.model());
		final NetworkSpec huge = NetworkSpec.of("huge", 1, List.of(g), List.of(Projection.of("p", "g", "g", Topology
			.fixedInDegree(10_000), Weights.constant(0.1))));
		final SimulationException e = assertThrows(SimulationException.class, () -> new Simulator(new CpuBackend(1))
			.run(SimulationRequest.of(huge, 100, 1)));
		assertTrue(e.getMessage().contains("needs about") && e.getMessage().contains("available") && e.getMessage()
			.contains("-Xmx"), e.getMessage());
		Reliability.record("Memory", "a network too large for the Java heap", "SimulationException before " +
			"allocating: " + e.getMessage());
	}

	@Test
	void aProjectionBeyondArrayLimitsIsRefused() {
		final NeuronGroup g = NeuronGroup.of("g", 100_000, IzhikevichClass.RS.model());
		final NetworkSpec spec = NetworkSpec.of("big", 1, List.of(g), List.of(Projection.of("p", "g", "g", Topology
			.fixedInDegree(30_000), Weights.constant(0.1))));
		final SimulationException e = assertThrows(SimulationException.class, () -> NetworkCompiler.compile(spec,
			1));
		assertTrue(e.getMessage().contains("projection 'p'") && e.getMessage().contains("3000000000"), e
			.getMessage());
		Reliability.record("Memory", "a projection of more synapses than an array holds", "SimulationException: " + e
			.getMessage());
	}

	@Test
	void requestsAreValidated() {
		final NetworkSpec spec = Presets.izhikevich2003();
		Reliability.record("Simulation parameters", "a negative duration", "IllegalArgumentException: " + assertThrows(
			IllegalArgumentException.class, () -> SimulationRequest.of(spec, -5, 1)).getMessage());
		Reliability.record("Simulation parameters", "a NaN duration", "IllegalArgumentException: " + assertThrows(
			IllegalArgumentException.class, () -> SimulationRequest.of(spec, Double.NaN, 1)).getMessage());
		assertThrows(IllegalArgumentException.class, () -> SimulationRequest.of(spec, 0.2, 1));
		final IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> SimulationRequest
			.batch(spec, 100, 1, List.of(Map.of("exc.weight", 1.0))));
		assertTrue(unknown.getMessage().contains("'exc.weight'"), unknown.getMessage());
		Reliability.record("Simulation parameters", "an unknown parameter exc.weight", "IllegalArgumentException: " +
			unknown.getMessage());
		assertThrows(IllegalArgumentException.class, () -> SimulationRequest.of(spec, 100, 1).withRecording(
			Recording.spikesOnly().withTraces(1000)));
		Reliability.record("Simulation parameters", "traces from a NaN time", "IllegalArgumentException: " +
			assertThrows(IllegalArgumentException.class, () -> Recording.spikesOnly().withTracesFrom(Double.NaN))
				.getMessage());
		assertThrows(IllegalArgumentException.class, () -> Recording.spikesOnly().withTracesFrom(-1));
		final IllegalArgumentException group = assertThrows(IllegalArgumentException.class, () -> SimulationRequest
			.of(spec, 100, 1).withRecording(Recording.spikesOnly().withSpikeGroups("exc", "exx")));
		assertTrue(group.getMessage().contains("'exx'"), "an unknown recorded group is named: " + group.getMessage());
		Reliability.record("Simulation parameters", "a NaN parameter value", "IllegalArgumentException: " +
			assertThrows(IllegalArgumentException.class, () -> Member.of(1, Map.of("exc.bias", Double.NaN)))
				.getMessage());
	}

	@Test
	void estimateCountsStructureStateAndResults() {
		final SimulationRequest request = SimulationRequest.of(Presets.izhikevich2003(), 1000, 1);
		final MemoryEstimate estimate = MemoryEstimate.of(request, 1);
		assertTrue(estimate.structureBytes() >= 4_000_000, "1e6 dense float weights");
		assertEquals(estimate.structureBytes() + estimate.stateBytesPerMember() + estimate.resultBytesPerMember(),
			estimate.totalBytes());
		assertEquals("1.5 GiB", MemoryEstimate.format(3L << 29));
	}

	/** Traces of the last 100 of 1000 ms take a tenth of the memory of the whole run's: 8 bytes a step and neuron. */
	@Test
	void estimateCountsOnlyTheTracedSteps() {
		final SimulationRequest whole = SimulationRequest.of(Presets.izhikevich2003(), 1000, 1).withRecording(Recording
			.spikesOnly().withTraces(0, 1, 2));
		final SimulationRequest last = whole.withRecording(whole.recording().withTracesFrom(900));
		assertEquals(100, last.tracedSteps());
		assertEquals(900, last.firstTracedStep());
		assertEquals(8L * 3 * (1000 - 100), MemoryEstimate.of(whole, 1).stateBytesPerMember() - MemoryEstimate.of(
			last, 1).stateBytesPerMember());
	}

	/** NMDA and GABA-B added to the V1 network's synapses are two more channels, each a ring and a conductance. */
	@Test
	void estimateCountsBothChannelsOfATwoReceptorSynapse() {
		final org.spiketune.model.NetworkSpec v1 = org.spiketune.model.CarlsonV1.network(16);
		final long fast = MemoryEstimate.of(SimulationRequest.of(v1, 1000, 1), 1).stateBytesPerMember();
		final long slow = MemoryEstimate.of(SimulationRequest.of(org.spiketune.model.CarlsonV1.withSlowReceptors(v1),
			1000, 1), 1).stateBytesPerMember();
		final long neurons = v1.neuronCount(), ring = 3; // 1 ms delays at 0.5 ms: 2 steps + the current slot
		assertEquals(2 * (4 * neurons * ring + 4 * neurons), slow - fast);
	}

	@Test
	void ratesAndSpikeCountsAgree() {
		final MemberResult r = new Simulator(new CpuBackend(1)).run(SimulationRequest.of(Presets.izhikevich2003(),
			500, 3).withRecording(Recording.spikesOnly().withRateBin(10))).member(0);
		final PopulationRates rates = r.rates();
		assertEquals(50, rates.bins());
		assertEquals(r.spikes().count(), rates.totalCount(0) + rates.totalCount(1));
		final int[] counts = r.spikes().countsPerNeuron();
		long exc = 0;
		for (int i = 0; i < 800; i++) exc += counts[i];
		assertEquals(exc, rates.totalCount(0));
		assertEquals(exc * 1000.0 / (500 * 800), rates.meanRateHz("exc"), 1e-9);
		assertEquals(r.spikes().count() * 1000.0 / (500 * 1000), rates.meanRateHz(), 1e-9);
		assertEquals(r.spikes().spikeTrains().meanRateHz(), rates.meanRateHz(), 1e-9);
	}
}
