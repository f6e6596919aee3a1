package org.spiketune.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;

import org.spiketune.Reliability;
import org.junit.jupiter.api.Test;
import org.spiketune.model.NetworkSpec;
import org.spiketune.model.Presets;
import org.spiketune.objective.RateTarget;
import org.spiketune.objective.Score;
import org.spiketune.sim.cpu.CpuBackend;
import org.spiketune.sim.opencl.OpenClBackend;

class NumericalFaultsTest {

	/** izhikevich2003 (1 ms steps): a sound member, one that fires every step, one whose state overflows. */
	private static final NetworkSpec NETWORK = Presets.izhikevich2003();
	private static final SimulationRequest REQUEST = SimulationRequest.batch(NETWORK, 2500, 3, List.of(Map.of(), Map
		.of("exc.bias", 1e4), Map.of("exc.bias", 1e38)));

	private static int lastStep(final MemberResult m) {
		int last = -1;
		for (int k = 0; k < m.spikes().count(); k++) last = Math.max(last, m.spikes().step(k));
		return last;
	}

	@Test
	void checksComeEveryThousandStepsAndAtTheEnd() {
		assertFalse(NumericalFaults.isCheckStep(0, 2500));
		assertTrue(NumericalFaults.isCheckStep(1000, 2500));
		assertFalse(NumericalFaults.isCheckStep(1500, 2500));
		assertTrue(NumericalFaults.isCheckStep(2500, 2500));
		assertEquals(500, NumericalFaults.windowSteps(2500));
		assertEquals(1000, NumericalFaults.windowSteps(2000));
		assertEquals(1000, NumericalFaults.rateLimitHz(0.5));
		assertEquals(500, NumericalFaults.rateLimitHz(1));
		assertEquals(1000, NumericalFaults.rateLimitHz(0.1));
	}

	@Test
	void aRunawayOrOverflowingMemberStopsAtTheNextCheckWithItsReasonAndTheOthersRunOn() {
		final BatchResult batch = new Simulator(new CpuBackend(2)).run(REQUEST);
		final MemberResult sound = batch.member(0), runaway = batch.member(1), overflow = batch.member(2);
		assertNull(sound.fault());
		assertTrue(lastStep(sound) > 2400, "the sound member ran to the end");
		assertTrue(runaway.fault().contains("group exc fired at 1000 Hz") && runaway.fault().contains("limit 500 Hz") &&
			runaway.fault().contains("before 1000.0 ms"), runaway.fault());
		assertEquals(999, lastStep(runaway), "stopped at the first check");
		assertTrue(overflow.fault().contains("group exc) became NaN or infinite before 1000.0 ms"), overflow.fault());
		assertTrue(lastStep(overflow) < 1000);
		Reliability.record("Numerical faults", "a member whose Izhikevich neurons fire every step (exc.bias = 1e4)",
			"stopped at the next check; " + runaway.fault());
		Reliability.record("Numerical faults", "a member whose state overflows (exc.bias = 1e38)",
			"stopped at the next check; " + overflow.fault());
		final MemberResult alone = new Simulator(new CpuBackend(1)).run(SimulationRequest.batch(NETWORK, 2500, 3, List
			.of(Map.of()))).member(0);
		assertArrayEquals(alone.spikes().neurons(), sound.spikes().neurons(), "the faulty members changed nothing");
	}

	@Test
	void thePartitionsOfOneMemberStopTogether() {
		final NetworkSpec large = Presets.izhikevich2003Sparse(4096, 100);
		final SimulationRequest one = SimulationRequest.batch(large, 1500, 3, List.of(Map.of("exc.bias", 1e4)));
		final MemberResult whole = new Simulator(new CpuBackend(1)).run(one).member(0);
		final CpuBackend four = new CpuBackend(4);
		assertTrue(four.partitionsPerMember(1, large.neuronCount()) > 1, "split over threads");
		final MemberResult split = new Simulator(four).run(one).member(0);
		assertTrue(whole.faulted(), "fires every step");
		assertEquals(whole.fault(), split.fault());
		assertArrayEquals(whole.spikes().neurons(), split.spikes().neurons());
	}

	@Test
	void openClStopsTheSameMembersAtTheSameSteps() {
		assumeTrue(OpenClBackend.available(), "no OpenCL device here");
		final BatchResult cpu = new Simulator(new CpuBackend(2)).run(REQUEST);
		try (OpenClBackend device = OpenClBackend.open("")) {
			final BatchResult opencl = new Simulator(device).run(REQUEST);
			for (int m = 0; m < REQUEST.size(); m++) {
				assertEquals(cpu.member(m).fault(), opencl.member(m).fault(), "member " + m);
				assertArrayEquals(cpu.member(m).spikes().neurons(), opencl.member(m).spikes().neurons(), "member " + m);
			}
		}
	}

	@Test
	void aStoppedMemberScoresWorstWithTheReasonAndItsFilesSayWhy(@org.junit.jupiter.api.io.TempDir final
		java.nio.file.Path dir) throws Exception
	{
		final BatchResult batch = new Simulator(new CpuBackend(2)).run(REQUEST);
		org.spiketune.io.ResultFiles.write(batch, dir);
		final String run = java.nio.file.Files.readString(dir.resolve("run.json"));
		assertTrue(run.contains("\"stopped\": \"group exc fired at 1000 Hz"), run);
		final RateTarget objective = RateTarget.of(5);
		final Score failed = objective.evaluate(batch.member(1));
		assertTrue(failed.failed() && failed.failure().startsWith("simulation stopped: group exc fired"), failed
			.failure());
		assertEquals(objective.worst(), failed.value());
		assertFalse(objective.evaluate(batch.member(0)).failed());
	}
}
