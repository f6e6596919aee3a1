package org.spiketune.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.spiketune.model.Izhikevich;
import org.spiketune.model.NetworkSpec;
import org.spiketune.model.Presets;
import org.spiketune.model.Stimulus;
import org.spiketune.sim.cpu.CpuBackend;

/** Members that set structural parameters, and the current-step gain of groups. */
class StructureGroupsTest {

	private final Simulator simulator = new Simulator(new CpuBackend(2));

	@Test
	void aBatchRefusesMembersThatChangeTheStructure() {
		final NetworkSpec spec = Presets.izhikevich2003Random(40, 10, 0.1);
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SimulationRequest(
			spec, 100, 1, List.of(Member.of(1, Map.of("ee.p", 0.2))), Recording.spikesOnly()));
		assertTrue(e.getMessage().contains("'ee.p' changes the network's structure"), e.getMessage());
	}

	@Test
	void runAllGivesEachMemberTheResultOfItsOwnNetwork() {
		final NetworkSpec spec = Presets.izhikevich2003Random(80, 20, 0.1);
		final List<Member> members = List.of(Member.of(3, Map.of("ee.p", 0.2, "ee.gain", 2.0)), Member.of(4, Map.of(
			"ee.p", 0.05)), Member.of(5, Map.of("ee.p", 0.2, "ie.gain", 0.5)));
		final List<MemberResult> all = simulator.runAll(spec, 300, 9, members, Recording.spikesOnly());
		assertEquals(3, all.size());
		for (int i = 0; i < 3; i++) {
			final Member m = members.get(i);
			final NetworkSpec own = spec.withParameter("ee.p", m.parameters().get("ee.p"));
			final Map<String, Double> rest = new java.util.HashMap<>(m.parameters());
			rest.remove("ee.p");
			final MemberResult alone = simulator.run(new SimulationRequest(own, 300, 9, List.of(Member.of(m.seed(),
				rest)), Recording.spikesOnly())).member(0);
			assertTrue(alone.spikes().sameEvents(all.get(i).spikes()), "member " + i);
			assertEquals(i, all.get(i).index());
			assertEquals(m, all.get(i).member());
		}
		assertFalse(all.get(0).spikes().sameEvents(all.get(1).spikes()));
	}

	@Test
	void theStepGainScalesCurrentStepsButNotTheBias() {
		final NetworkSpec base = Sims.single(Izhikevich.of(0.02, 0.2, -65, 8), 0.5, Stimulus.step("n", 50, 450, 5))
			.withParameter("n.bias", 1);
		final NetworkSpec doubled = Sims.single(Izhikevich.of(0.02, 0.2, -65, 8), 0.5, Stimulus.step("n", 50, 450,
			10)).withParameter("n.bias", 1);
		final MemberResult viaGain = simulator.run(new SimulationRequest(base, 500, 1, List.of(Member.of(1, Map.of(
			"n.gain", 2.0))), Recording.spikesOnly())).member(0);
		final MemberResult viaAmplitude = simulator.run(SimulationRequest.of(doubled, 500, 1)).member(0);
		final MemberResult plain = simulator.run(SimulationRequest.of(base, 500, 1)).member(0);
		assertTrue(viaGain.spikes().count() > plain.spikes().count(), "gain 2 drives harder");
		assertTrue(viaGain.spikes().sameEvents(viaAmplitude.spikes()), "gain 2 x 5 = amplitude 10");
		final MemberResult zeroGain = simulator.run(new SimulationRequest(base, 500, 1, List.of(Member.of(1, Map.of(
			"n.gain", 0.0))), Recording.spikesOnly())).member(0);
		assertTrue(zeroGain.spikes().sameEvents(simulator.run(SimulationRequest.of(base.withStimuli(List.of()), 500,
			1)).member(0).spikes()), "gain 0: only the bias is left");
	}
}
