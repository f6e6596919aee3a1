package org.spiketune.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;

import org.jocl.CL;
import org.spiketune.Reliability;
import org.junit.jupiter.api.Test;
import org.spiketune.sim.DeviceFailure;
import org.spiketune.sim.SimulationRequest;
import org.spiketune.sim.Simulator;
import org.spiketune.sim.cpu.CpuBackend;
import org.spiketune.sim.opencl.OpenClBackend;
import org.spiketune.sim.opencl.OpenClPlatforms;

/** An OpenCL device that fails in the middle of a tuning run (an injected error): the run moves to the CPU. */
class DeviceFailureTest {

	private static OpenClBackend device() {
		assumeTrue(OpenClBackend.available(), () -> "no OpenCL here: " + OpenClPlatforms.unavailableReason().orElse(
			"no device"));
		return OpenClBackend.open("");
	}

	@Test
	void aGenerationWhoseDeviceFailsRunsAgainOnTheCpuAndTheRunEndsTheSame() {
		final TuningConfig config = TuningFixtures.rateProblem(new Algorithm.Ga(8, 1, 0.9, 1, 0.1), 5, 61);
		final TuningResult reference = TuningFixtures.tuner(2).run(config);
		for (final int status : new int[] { CL.CL_OUT_OF_RESOURCES, CL.CL_DEVICE_NOT_AVAILABLE }) {
			try (OpenClBackend opencl = device()) {
			opencl.injectFault(4, status); // one launch per batch: the 4th batch is generation 3's
			final Simulator simulator = new Simulator(opencl, new CpuBackend(2));
			final TuningResult r = new Tuner(simulator).run(config);
			CheckpointTest.assertSameRun(reference, r);
			assertEquals(1, r.backendSwitches().size(), r.backendSwitches().toString());
			final String note = r.backendSwitches().get(0);
			assertTrue(note.contains("the opencl backend failed") && note.contains(CL.stringFor_errorCode(status)) && note
				.contains("run on the cpu backend"), note);
			assertEquals("cpu", r.backend(), "the rest of the run stayed there");
			assertEquals(List.of(note), simulator.switches());
			Reliability.record("Device faults", "OpenCL error " + CL.stringFor_errorCode(status) + " injected in " +
				"generation 3 of a tuning run", "logged, listed in the result; the run went on on the CPU and ended equal to " +
					"a CPU-only run: " + note);
			}
		}
	}

	@Test
	void withoutAFallbackTheFailureIsAClearError() {
		try (OpenClBackend opencl = device()) {
			opencl.injectFault(1, CL.CL_OUT_OF_RESOURCES);
			final DeviceFailure e = assertThrows(DeviceFailure.class, () -> new Simulator(opencl).run(SimulationRequest
				.batch(TuningFixtures.NETWORK, 100, 1, List.of(Map.of()))));
			assertTrue(e.getMessage().startsWith("OpenCL failed on ") && e.getMessage().contains("CL_OUT_OF_RESOURCES"),
				e.getMessage());
			Reliability.record("Device faults", "OpenCL error on a simulator without a fallback", "DeviceFailure: " + e
				.getMessage());
		}
	}
}
