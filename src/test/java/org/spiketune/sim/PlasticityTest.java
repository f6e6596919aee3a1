package org.spiketune.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.spiketune.model.Delay;
import org.spiketune.model.Lif;
import org.spiketune.model.NetworkSpec;
import org.spiketune.model.NeuronGroup;
import org.spiketune.model.Plasticity;
import org.spiketune.model.Plasticity.Homeostasis;
import org.spiketune.model.Plasticity.Stdp;
import org.spiketune.model.Projection;
import org.spiketune.model.SpikeReplay;
import org.spiketune.model.Topology;
import org.spiketune.model.Weights;
import org.spiketune.sim.cpu.CpuBackend;

/**
 * STDP and homeostatic scaling against hand computations: one presynaptic neuron replays chosen spike
 * times, one postsynaptic LIF neuron is made to spike at chosen times by a second replayed neuron, and the
 * plastic synapse between them (gain 0, so it does not change what the neurons do) learns from the pairings.
 */
class PlasticityTest {

	private static final double DT = 0.5;
	private static final Stdp CLASSICAL = Stdp.classical(0.1, 20, 0.12, 40);

	/** pre at 8 and 10 ms, post at 15 and 40 ms, pre again at 52 ms; 100 ms. */
	private static NetworkSpec pairing(final Plasticity rule) {
		final List<NeuronGroup> groups = List.of( //
			NeuronGroup.of("pre", 1, SpikeReplay.of(new double[][] { { 8, 10, 52 } })), //
			NeuronGroup.of("drive", 1, SpikeReplay.of(new double[][] { { 14, 39 } })), //
			NeuronGroup.of("post", 1, Lif.of(10, -70, -70, -60, 100, 2)));
		final List<Projection> projections = List.of( //
			Projection.of("drive_post", "drive", "post", Topology.oneToOne(), Weights.constant(3000)), //
			Projection.of("pre_post", "pre", "post", Topology.allToAll(), Weights.constant(0.5)).withGain(0)
				.withPlasticity(rule));
		return NetworkSpec.of("pairing", DT, groups, projections);
	}

	private static MemberResult run(final NetworkSpec spec, final double ms) {
		final MemberResult result = Sims.run(spec, ms, 1);
		assertArrayEquals(new double[] { 15, 40 }, result.spikes().spikeTrains().times(2), "post fires when driven");
		return result;
	}

	private static double learned(final MemberResult result) {
		return result.learnedWeights("pre_post")[0][0];
	}

	@Test
	void theStdpCurvesAreBiAndPoosAndTheirInverse() {
		assertEquals(0.1 * Math.exp(-5.0 / 20), CLASSICAL.change(5), 1e-15, "pre 5 ms before post potentiates");
		assertEquals(-0.12 * Math.exp(-12.0 / 40), CLASSICAL.change(-12), 1e-15, "post 12 ms before pre depresses");
		assertEquals(0.1, CLASSICAL.change(0), 1e-15, "same step counts as pre before post");
		final Stdp inverted = Stdp.inverted(0.1, 20, 0.12, 40);
		assertEquals(-0.12 * Math.exp(-5.0 / 40), inverted.change(5), 1e-15, "E->I: pre before post depresses");
		assertEquals(0.1 * Math.exp(-12.0 / 20), inverted.change(-12), 1e-15, "E->I: post before pre potentiates");
	}

	@Test
	void classicalStdpSumsTheNearestPairings() {
		final MemberResult result = run(pairing(Plasticity.of(CLASSICAL, null, 1).withApplyEveryMs(100)), 100);
		// post 15 pairs with pre 10 only (nearest: pre 8 is forgotten), post 40 with pre 10; pre 52 with post 40
		final double expected = 0.5 + CLASSICAL.change(5) + CLASSICAL.change(30) + CLASSICAL.change(-12);
		assertEquals(expected, learned(result), 2e-6);
	}

	@Test
	void invertedStdpSwapsTheCurves() {
		final Stdp inverted = Stdp.inverted(0.1, 20, 0.12, 40);
		final MemberResult result = run(pairing(Plasticity.of(inverted, null, 1).withApplyEveryMs(100)), 100);
		final double expected = 0.5 + inverted.change(5) + inverted.change(30) + inverted.change(-12);
		assertEquals(expected, learned(result), 2e-6);
		assertTrue(expected < 0.5 - 0.1, "depression dominates");
	}

	@Test
	void learningStopsWhenItsPhaseEndsAndWhatItAccumulatedIsApplied() {
		// learning until 30 ms: only post 15 with pre 10; applied at the end of the phase, not at 1 s
		final Plasticity rule = Plasticity.of(CLASSICAL, null, 1).withUntilMs(30);
		assertEquals(0.5 + CLASSICAL.change(5), learned(run(pairing(rule), 100)), 2e-6);
	}

	@Test
	void changesWaitForTheEndOfTheirInterval() {
		// applied every 20 ms: the run's end at 50 ms is mid-interval, so the pairing at 40 ms is not applied yet
		final Plasticity rule = Plasticity.of(CLASSICAL, null, 1).withApplyEveryMs(20);
		assertEquals(0.5 + CLASSICAL.change(5), learned(run(pairing(rule), 50)), 2e-6);
		assertEquals(0.5 + CLASSICAL.change(5) + CLASSICAL.change(30) + CLASSICAL.change(-12), learned(run(pairing(
			rule), 60)), 2e-6, "at 60 ms the interval holding post 40 and pre 52 has ended");
		assertEquals(0.5, learned(run(pairing(Plasticity.of(CLASSICAL, null, 1)), 100)), 0,
			"applied every second: nothing yet after 100 ms");
	}

	@Test
	void weightsStayWithinTheirBounds() {
		final Plasticity upper = new Plasticity(Stdp.classical(2, 20, 0, 40), null, 0, 0.6, 1, 0, 100,
			Double.POSITIVE_INFINITY);
		assertEquals(0.6f, learned(run(pairing(upper), 100)), 0);
		final Plasticity lower = new Plasticity(Stdp.classical(0, 20, 2, 40), null, 0.3, 1, 1, 0, 100,
			Double.POSITIVE_INFINITY);
		assertEquals(0.3f, learned(run(pairing(lower), 100)), 0);
	}

	@Test
	void learningRateAndDriftScaleTheChange() {
		final Plasticity rule = new Plasticity(CLASSICAL, null, 0, 1, 0.5, 0.2, 100, Double.POSITIVE_INFINITY);
		final double stdp = CLASSICAL.change(5) + CLASSICAL.change(30) + CLASSICAL.change(-12);
		assertEquals(0.5 + 0.2 * 0.1 + 0.5 * stdp, learned(run(pairing(rule), 100)), 2e-6,
			"δ per second times 0.1 s, plus β times the STDP sum");
	}

	@Test
	void homeostasisScalesByTheAverageRate() {
		final Homeostasis homeostasis = new Homeostasis(10, 0.1, 50, 1000);
		final MemberResult result = run(pairing(new Plasticity(CLASSICAL, homeostasis, 0, 1, 1, 0, 100,
			Double.POSITIVE_INFINITY)), 100);
		// R̄ starts at the target, decays by exp(-dt/T) each step and grows by 1/T (Hz) at each post spike
		final int steps = 200;
		final double decay = Math.exp(-DT / 1000);
		double rate = 10 * Math.pow(decay, steps);
		for (final int spikeStep : new int[] { 30, 80 }) rate += 1.0 * Math.pow(decay, steps - 1 - spikeStep);
		final double w = 0.5, difference = 1 - rate / 10;
		final double k = homeostasis.stability(rate);
		assertEquals(rate / (1.0 * (1 + 50 * Math.abs(difference))), k, 1e-12);
		final double stdp = CLASSICAL.change(5) + CLASSICAL.change(30) + CLASSICAL.change(-12);
		final double expected = w + (0.1 * 0.1 * w * difference + stdp) * k;
		assertEquals(expected, learned(result), 2e-6);
		assertTrue(rate > 10 && expected < 0.5 + stdp * k, "two spikes in 0.1 s lift the 1 s average above the 10 Hz " +
			"target, so scaling depresses: " + rate);
	}

	@Test
	void withoutPairingsHomeostasisAloneMovesTheWeightTowardTheTarget() {
		final Homeostasis homeostasis = new Homeostasis(100, 0.1, 0, 1000);
		final Plasticity rule = new Plasticity(Stdp.classical(0, 20, 0, 40), homeostasis, 0, 1, 1, 0, 100,
			Double.POSITIVE_INFINITY);
		final double w = learned(run(pairing(rule), 100));
		assertTrue(w > 0.5, "the post neuron fires below its 100 Hz target, so its input grows: " + w);
	}

	@Test
	void eachMemberLearnsWithItsOwnParameters() {
		final NetworkSpec spec = pairing(Plasticity.of(CLASSICAL, null, 1).withApplyEveryMs(100));
		final SimulationRequest request = SimulationRequest.of(spec, 100, 1).withMembers(List.of(Member.of(1), Member
			.of(2, Map.of("pre_post.ltp", 0.2, "pre_post.ltdtau", 20.0))));
		final BatchResult batch = new Simulator(new CpuBackend(2)).run(request);
		final Stdp second = Stdp.classical(0.2, 20, 0.12, 20);
		assertEquals(0.5 + CLASSICAL.change(5) + CLASSICAL.change(30) + CLASSICAL.change(-12), learned(batch.member(0)),
			2e-6);
		assertEquals(0.5 + second.change(5) + second.change(30) + second.change(-12), learned(batch.member(1)), 2e-6);
	}

	@Test
	void learnedWeightsActOnTheTarget() {
		// a strong learning synapse: once potentiated past threshold, pre alone makes post fire
		final List<NeuronGroup> groups = List.of( //
			NeuronGroup.of("pre", 1, SpikeReplay.of(new double[][] { { 10, 60, 110, 160 } })), //
			NeuronGroup.of("drive", 1, SpikeReplay.of(new double[][] { { 11 } })), //
			NeuronGroup.of("post", 1, Lif.of(10, -70, -70, -60, 100, 2)));
		final Plasticity rule = new Plasticity(Stdp.classical(1, 20, 0, 20), null, 0, 1, 1, 0, 50,
			Double.POSITIVE_INFINITY);
		final NetworkSpec spec = NetworkSpec.of("potentiation", DT, groups, List.of(Projection.of("drive_post",
			"drive", "post", Topology.oneToOne(), Weights.constant(3000)), Projection.of("pre_post", "pre", "post",
				Topology.allToAll(), Weights.constant(0)).withGain(3000).withDelay(Delay.of(1)).withPlasticity(rule)));
		final double[] post = Sims.run(spec, 200, 1).spikes().spikeTrains().times(2);
		// drive at 11 ms -> post at 12; pre at 10 paired: w = exp(-2/20) ≈ 0.9, applied at 50 ms; pre at 60, 110,
		// 160 then reach post (1 ms later) with 0.9 · 3000
		assertArrayEquals(new double[] { 12, 61, 111, 161 }, post);
	}

	@Test
	void onlyDenseProjectionsLearnAndInitialWeightsMustLieWithinTheBounds() {
		final Plasticity rule = Plasticity.of(CLASSICAL, null, 1);
		final NetworkSpec base = pairing(rule);
		final Projection sparse = base.projection("pre_post").withTopology(Topology.fixedProbability(0.5));
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> base.withProjection(
			sparse));
		assertTrue(e.getMessage().contains("plasticity needs an all-to-all projection"), e.getMessage());
		final IllegalArgumentException outside = assertThrows(IllegalArgumentException.class, () -> base
			.withProjection(base.projection("pre_post").withWeights(Weights.uniform(0.5, 1.5))));
		assertTrue(outside.getMessage().contains("outside the plasticity bounds [0.0, 1.0]"), outside.getMessage());
		assertThrows(IllegalArgumentException.class, () -> Stdp.classical(0.1, -20, 0.1, 20));
		assertThrows(IllegalArgumentException.class, () -> new Homeostasis(Double.NaN, 0.1, 50, 1000));
		assertThrows(IllegalArgumentException.class, () -> rule.withApplyEveryMs(0));
	}

	@Test
	void theRuleIsTunableByName() {
		final NetworkSpec spec = pairing(Plasticity.of(CLASSICAL, Homeostasis.of(12), 1));
		assertTrue(spec.parameterNames().containsAll(List.of("pre_post.ltp", "pre_post.ltptau", "pre_post.ltd",
			"pre_post.ltdtau", "pre_post.target")));
		final NetworkSpec changed = spec.withParameter("pre_post.target", 25).withParameter("pre_post.ltdtau", 33);
		assertEquals(25, changed.parameter("pre_post.target"));
		assertEquals(33, changed.projection("pre_post").plasticity().stdp().ltdTauMs());
		assertEquals(12, spec.parameter("pre_post.target"));
		assertTrue(!pairing(Plasticity.of(CLASSICAL, null, 1)).hasParameter("pre_post.target"),
			"no target rate without homeostasis");
		assertThrows(IllegalArgumentException.class, () -> spec.withParameter("pre_post.ltptau", -1));
	}
}
