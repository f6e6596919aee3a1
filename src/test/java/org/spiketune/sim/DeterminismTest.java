package org.spiketune.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.spiketune.model.NetworkSpec;
import org.spiketune.model.Presets;
import org.spiketune.sim.cpu.CpuBackend;

/**
 * A member's result depends only on the network, its seed and its parameters: not on the thread count, on
 * how a member's neurons are split across threads, on the batch it is in or its position there.
 */
class DeterminismTest {

	private static final NetworkSpec NETWORK = Presets.izhikevich2003();

	private static SimulationRequest batchOfFive() {
		final List<Member> members = new ArrayList<>();
		for (int m = 0; m < 5; m++) members.add(Member.of(100 + m, Map.of("exc.bias", -1.0 + 0.5 * m, "inh.bias",
			0.2 * m)));
		return new SimulationRequest(NETWORK, 300, 42, members, Recording.spikesOnly().withTraces(3, 900));
	}

	private static void assertSameMember(final MemberResult expected, final MemberResult actual) {
		assertTrue(expected.spikes().sameEvents(actual.spikes()), "spike events of member " + actual.index());
		for (int j = 0; j < expected.traces().neurons().length; j++) {
			assertArrayEquals(expected.traces().v(j), actual.traces().v(j));
			assertArrayEquals(expected.traces().u(j), actual.traces().u(j));
		}
	}

	@Test
	void resultsDoNotDependOnThreadCount() {
		final SimulationRequest request = batchOfFive();
		final BatchResult one = new Simulator(new CpuBackend(1)).run(request);
		for (final int threads : new int[] { 2, 3, 8 }) {
			final BatchResult many = new Simulator(new CpuBackend(threads)).run(request);
			for (int m = 0; m < request.size(); m++) assertSameMember(one.member(m), many.member(m));
		}
	}

	@Test
	void aMemberAloneEqualsTheSameMemberInABatch() {
		final SimulationRequest batch = batchOfFive();
		final BatchResult all = new Simulator(new CpuBackend(2)).run(batch);
		final Member third = batch.members().get(3);
		final BatchResult alone = new Simulator(new CpuBackend(1)).run(batch.withMembers(List.of(third)));
		assertSameMember(all.member(3), alone.member(0));
		final BatchResult reordered = new Simulator(new CpuBackend(2)).run(batch.withMembers(List.of(third, batch
			.members().get(0))));
		assertSameMember(all.member(3), reordered.member(0));
	}

	@Test
	void membersDifferWhenTheirSeedsOrParametersDo() {
		final BatchResult all = new Simulator(new CpuBackend(2)).run(batchOfFive());
		for (int m = 1; m < all.size(); m++) {
			assertFalse(all.member(0).spikes().sameEvents(all.member(m).spikes()), "member " + m);
		}
		final SimulationRequest sameParameters = batchOfFive().withMembers(List.of(Member.of(1), Member.of(2)));
		final BatchResult twoSeeds = new Simulator(new CpuBackend(1)).run(sameParameters);
		assertFalse(twoSeeds.member(0).spikes().sameEvents(twoSeeds.member(1).spikes()));
	}

	/** A member of 8192 neurons split over 1, 2, 4 and 8 threads gives the same spikes and traces. */
	@Test
	void splittingAMemberAcrossThreadsChangesNothing() {
		final NetworkSpec sparse = Presets.izhikevich2003Sparse(8192, 300);
		final SimulationRequest request = SimulationRequest.of(sparse, 200, 5).withRecording(Recording.spikesOnly()
			.withTraces(0, 4095, 4096, 8191));
		final CpuBackend single = new CpuBackend(1);
		assertEquals(1, single.partitionsPerMember(1, 8192));
		final BatchResult reference = new Simulator(single).run(request);
		assertTrue(reference.member(0).spikes().count() > 1000, "enough activity to compare");
		for (final int threads : new int[] { 2, 4, 8 }) {
			final CpuBackend backend = new CpuBackend(threads);
			assertEquals(threads, backend.partitionsPerMember(1, 8192));
			assertSameMember(reference.member(0), new Simulator(backend).run(request).member(0));
		}
	}

	@Test
	void theSameRequestTwiceGivesTheSameResult() {
		final Simulator simulator = new Simulator(new CpuBackend(2));
		final BatchResult a = simulator.run(batchOfFive());
		final BatchResult b = simulator.run(batchOfFive());
		for (int m = 0; m < a.size(); m++) assertSameMember(a.member(m), b.member(m));
	}
}
