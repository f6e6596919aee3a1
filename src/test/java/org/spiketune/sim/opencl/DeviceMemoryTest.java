package org.spiketune.sim.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.spiketune.model.Presets;
import org.spiketune.sim.CompiledNetwork;
import org.spiketune.sim.NetworkCompiler;
import org.spiketune.sim.Recording;
import org.spiketune.sim.SimulationException;
import org.spiketune.sim.SimulationRequest;

/**
 * How many members fit on a device, from its memory and its largest allocation, before anything is
 * allocated; computed on the host, so this runs without OpenCL.
 */
class DeviceMemoryTest {

	private static final SimulationRequest REQUEST = SimulationRequest.of(Presets.izhikevich2003(), 1000, 1)
		.withRecording(Recording.spikesOnly().withTraces(0, 1));
	private static final CompiledNetwork NETWORK = NetworkCompiler.compile(REQUEST.network(), 1);

	private static DeviceInfo device(final long memory, final long maxAllocation) {
		return new DeviceInfo(0, "test", 0, "test device", true, memory, maxAllocation, 256, 8, "OpenCL 3.0");
	}

	private static int members(final long budget, final long maxAllocation, final long networkBytes) {
		final int steps = REQUEST.steps(), capacity = OpenClSession.capacity(NETWORK, steps);
		return OpenClSession.membersPerLaunch(device(budget, maxAllocation), budget, networkBytes, NETWORK,
			OpenClSession.bytesPerMember(NETWORK, REQUEST), capacity, steps, 2);
	}

	@Test
	void perMemberBytesCoverStateRingsEventsAndTraces() {
		final long perMember = OpenClSession.bytesPerMember(NETWORK, REQUEST);
		final long n = NETWORK.neuronCount();
		// state (v, u, refractory, spike list, refractory steps) and the delay rings at the least
		assertTrue(perMember > 4L * n * 5 + 4L * NETWORK.ringLength() * n, "per member " + perMember);
		// traces: two floats per traced neuron and step
		final long withoutTraces = OpenClSession.bytesPerMember(NETWORK, REQUEST.withRecording(Recording
			.spikesOnly()));
		assertEquals(8L * REQUEST.steps() * 2, perMember - withoutTraces);
	}

	@Test
	void membersPerLaunchFollowTheMemoryLeftAfterTheNetwork() {
		final long perMember = OpenClSession.bytesPerMember(NETWORK, REQUEST);
		final long network = new DeviceNetwork(NETWORK).bytes();
		assertEquals(10, members(network + 10 * perMember + perMember / 2, Long.MAX_VALUE, network));
		assertEquals(1, members(network + perMember, Long.MAX_VALUE, network));
	}

	@Test
	void theLargestSingleAllocationAlsoLimitsMembers() {
		final long perMember = OpenClSession.bytesPerMember(NETWORK, REQUEST);
		final long plenty = 1000 * perMember;
		// over 1000 steps the largest buffer per member is the event list: 4 bytes per event it can hold
		final long largest = 4L * OpenClSession.capacity(NETWORK, REQUEST.steps());
		assertTrue(largest > 4L * DeviceMembers.MAX_PARAMS * NETWORK.neuronCount());
		assertEquals(3, members(plenty, 3 * largest + 1, 0));
	}

	@Test
	void theMemoryPropertyIsBytesAboveZero() {
		assertEquals(0, OpenClBackend.memoryLimit(null));
		assertEquals(0, OpenClBackend.memoryLimit(" "));
		assertEquals(1L << 30, OpenClBackend.memoryLimit("1073741824"));
		for (final String bad : new String[] { "2G", "-5", "0" }) {
			final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OpenClBackend
				.memoryLimit(bad));
			assertTrue(e.getMessage().contains("spiketune.opencl.memory") && e.getMessage().contains(bad), e
				.getMessage());
		}
	}

	@Test
	void aMemberThatDoesNotFitAloneIsAnErrorWithTheFigures() {
		final long perMember = OpenClSession.bytesPerMember(NETWORK, REQUEST);
		final SimulationException e = assertThrows(SimulationException.class, () -> members(perMember / 2,
			Long.MAX_VALUE, 0));
		assertTrue(e.getMessage().contains("one member of network 'izhikevich2003' needs about"), e.getMessage());
		assertTrue(e.getMessage().contains("test device"), e.getMessage());
		assertTrue(e.getMessage().contains("use the CPU backend"), e.getMessage());
	}
}
