package org.spiketune.sim.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;

import org.spiketune.Reliability;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.spiketune.sim.Backend;
import org.spiketune.sim.BackendContract;
import org.spiketune.sim.BatchResult;
import org.spiketune.sim.CompiledNetwork;
import org.spiketune.sim.ContractNetworks;
import org.spiketune.sim.Member;
import org.spiketune.sim.NetworkCompiler;
import org.spiketune.sim.Recording;
import org.spiketune.sim.SimulationException;
import org.spiketune.sim.SimulationRequest;
import org.spiketune.sim.Simulator;
import org.spiketune.sim.backends.Backends;
import org.spiketune.sim.cpu.CpuBackend;

/**
 * Choosing devices, splitting a batch by device memory and across devices, and the errors when it cannot
 * fit: on whatever OpenCL this machine has (PoCL on CI); skipped, with the reason, without OpenCL.
 */
@Tag("opencl")
class OpenClDevicesTest {

	private static final SimulationRequest REQUEST = BackendContract.izhikevich2003Batch(400);

	@BeforeAll
	static void needsOpenCl() {
		assumeTrue(OpenClBackend.available(), () -> "no OpenCL here: " + OpenClPlatforms.unavailableReason().orElse(
			"?"));
	}

	private static long networkBytes() {
		final CompiledNetwork network = NetworkCompiler.compile(REQUEST.network(), REQUEST.structureSeed());
		return new DeviceNetwork(network).bytes();
	}

	private static long perMember() {
		return OpenClSession.bytesPerMember(NetworkCompiler.compile(REQUEST.network(), REQUEST.structureSeed()),
			REQUEST);
	}

	private static void assertSameAsCpu(final BatchResult actual) {
		final BatchResult expected = new Simulator(new CpuBackend(1)).run(REQUEST);
		for (int m = 0; m < REQUEST.size(); m++) {
			assertEquals(m, actual.member(m).index());
			assertTrue(expected.member(m).spikes().sameEvents(actual.member(m).spikes()), "member " + m);
			assertEquals(expected.member(m).member(), actual.member(m).member());
		}
	}

	@Test
	void aBatchLargerThanTheDeviceMemoryRunsInSeveralLaunches() {
		try (OpenClBackend backend = OpenClBackend.open("", networkBytes() + 2 * perMember() + perMember() / 2)) {
			final BatchResult result = new Simulator(backend).run(REQUEST);
			assertEquals(3, backend.lastLaunches(), "5 members, 2 per launch");
			assertSameAsCpu(result);
		}
	}

	@Test
	void aMemberTooLargeForTheDeviceEvenAloneIsAClearError() {
		try (OpenClBackend backend = OpenClBackend.open("", networkBytes() + perMember() / 2)) {
			final SimulationException e = assertThrows(SimulationException.class, () -> new Simulator(backend).run(
				REQUEST));
			assertTrue(e.getMessage().startsWith("one member of network 'izhikevich2003' needs about"), e.getMessage());
			Reliability.record("Memory", "a member larger than the OpenCL device's memory", "SimulationException " +
				"before allocating: " + e.getMessage());
		}
	}

	@Test
	void aNetworkTooLargeForTheDeviceIsAClearError() {
		try (OpenClBackend backend = OpenClBackend.open("", networkBytes() / 2)) {
			final SimulationException e = assertThrows(SimulationException.class, () -> new Simulator(backend).run(
				REQUEST));
			assertTrue(e.getMessage().startsWith("network 'izhikevich2003' needs"), e.getMessage());
			assertTrue(e.getMessage().contains("use the CPU backend"), e.getMessage());
		}
	}

	/** Two queues on the one device stand in for two devices: the members are shared out and come back in order. */
	@Test
	void aBatchSplitAcrossDevicesComesBackInMemberOrder() {
		final OpenClPlatforms.Found device = OpenClPlatforms.probe().get(0);
		try (OpenClBackend backend = OpenClBackend.on(List.of(device, device), 0)) {
			assertEquals(2, backend.devices().size());
			assertTrue(backend.device().contains(" + "), backend.device());
			assertSameAsCpu(new Simulator(backend).run(REQUEST));
		}
	}

	/** The GPU's parallel scan (which compacts each step's spikes) gives the same result as the serial one. */
	@Test
	void theParallelScanOfGpusGivesTheSameSpikes() {
		final String before = System.getProperty(OpenClSession.SCAN_PROPERTY);
		System.setProperty(OpenClSession.SCAN_PROPERTY, "parallel");
		try (OpenClBackend backend = OpenClBackend.open("")) {
			assertSameAsCpu(new Simulator(backend).run(REQUEST));
		}
		finally {
			if (before == null) System.clearProperty(OpenClSession.SCAN_PROPERTY);
			else System.setProperty(OpenClSession.SCAN_PROPERTY, before);
		}
	}

	/**
	 * Items own the targets of dense and one-to-one projections and the traces of plastic ones by their index
	 * modulo the work-group size, and compact the spike bitmap in runs of words: with 1, 3, 32 or 100 items per
	 * member, serial or parallel scan, and a step's spikes all, some or none in local memory, the network using
	 * every feature gives the CPU backend's spikes and learned weights. (Its groups do not start on multiples
	 * of 4 or 32, and one dense projection is recurrent.)
	 */
	@Test
	void anyWorkGroupSizeGivesTheCpuResult() {
		final SimulationRequest request = new SimulationRequest(ContractNetworks.everything(), 300, 3, List.of(Member
			.of(5), Member.of(6, Map.of("izh.bias", 4.0))), Recording.spikesOnly());
		final BatchResult expected = new Simulator(new CpuBackend(1)).run(request);
		final String sizeBefore = System.getProperty(OpenClSession.LOCAL_SIZE_PROPERTY);
		final String scanBefore = System.getProperty(OpenClSession.SCAN_PROPERTY);
		final String cacheBefore = System.getProperty(OpenClSession.SPIKE_CACHE_PROPERTY);
		try {
			for (final String scan : List.of("serial", "parallel")) {
				System.setProperty(OpenClSession.SCAN_PROPERTY, scan);
				for (final int items : new int[] { 1, 3, 32, 100 }) {
					System.setProperty(OpenClSession.LOCAL_SIZE_PROPERTY, Integer.toString(items));
					System.setProperty(OpenClSession.SPIKE_CACHE_PROPERTY, Integer.toString(items == 1 ? 0 : items == 3 ? 2
						: 4096));
					try (OpenClBackend backend = OpenClBackend.open("")) {
						final BatchResult actual = new Simulator(backend).run(request);
						for (int m = 0; m < request.size(); m++) {
							final String where = items + " items, " + scan + " scan, member " + m;
							assertTrue(expected.member(m).spikes().sameEvents(actual.member(m).spikes()), where);
							for (final String projection : List.of("src_izh", "izh_lif")) {
								assertTrue(java.util.Arrays.deepEquals(expected.member(m).learnedWeights(projection), actual.member(
									m).learnedWeights(projection)), where + ", " + projection);
							}
						}
					}
				}
			}
		}
		finally {
			restore(OpenClSession.LOCAL_SIZE_PROPERTY, sizeBefore);
			restore(OpenClSession.SCAN_PROPERTY, scanBefore);
			restore(OpenClSession.SPIKE_CACHE_PROPERTY, cacheBefore);
		}
	}

	private static void restore(final String property, final String value) {
		if (value == null) System.clearProperty(property);
		else System.setProperty(property, value);
	}

	/**
	 * A race between work-items shows as a run that differs from the others (or crashes): the network using
	 * every feature, run 50 times, gives the CPU backend's spikes every time.
	 */
	@Test
	void manyRunsGiveTheSameSpikesEveryTime() {
		final SimulationRequest request = new SimulationRequest(ContractNetworks.everything(), 300, 3, List.of(Member
			.of(5), Member.of(6, Map.of("izh.bias", 4.0))), Recording.spikesOnly());
		final BatchResult expected = new Simulator(new CpuBackend(1)).run(request);
		try (OpenClBackend backend = OpenClBackend.open("")) {
			final Simulator simulator = new Simulator(backend);
			for (int run = 0; run < 50; run++) {
				final BatchResult actual = simulator.run(request);
				for (int m = 0; m < request.size(); m++) {
					assertTrue(expected.member(m).spikes().sameEvents(actual.member(m).spikes()), "run " + run + ", member " +
						m);
				}
			}
		}
	}

	@Test
	void anUnknownDeviceIsAnErrorListingTheDevices() {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OpenClBackend.open(
			"no-such-device"));
		assertTrue(e.getMessage().contains("no OpenCL device matches 'no-such-device'"), e.getMessage());
		assertTrue(e.getMessage().contains(OpenClPlatforms.devices().get(0).name().trim()), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> Backends.byName("opencl:no-such-device", 0));
		assertThrows(IllegalArgumentException.class, () -> OpenClBackend.open("99"));
	}

	@Test
	void devicesAreChosenByIndexTypeOrName() {
		final DeviceInfo first = OpenClPlatforms.devices().get(0);
		try (OpenClBackend byIndex = OpenClBackend.open("0"); OpenClBackend byName = OpenClBackend.open(first.name()
			.trim().substring(0, 4)); OpenClBackend all = OpenClBackend.open("all"))
		{
			assertEquals(first, byIndex.devices().get(0));
			assertEquals(first, byName.devices().get(0));
			assertTrue(all.devices().stream().allMatch(d -> d.platformIndex() == all.devices().get(0).platformIndex()));
		}
		final String type = first.gpu() ? "gpu" : "cpu";
		try (OpenClBackend byType = OpenClBackend.open(type)) {
			assertEquals(first.gpu(), byType.devices().get(0).gpu());
		}
	}

	@Test
	void autoTakesAnOpenClGpuElseTheCpuBackend() throws Exception {
		final Backend auto = Backends.byName("auto", 1);
		try {
			final boolean gpu = OpenClPlatforms.devices().stream().anyMatch(DeviceInfo::gpu);
			assertEquals(gpu ? "opencl" : "cpu", auto.name());
		}
		finally {
			if (auto instanceof AutoCloseable c) c.close();
		}
		final Backend opencl = Backends.byName("opencl", 0);
		try {
			assertEquals("opencl", opencl.name());
		}
		finally {
			((AutoCloseable) opencl).close();
		}
	}
}
