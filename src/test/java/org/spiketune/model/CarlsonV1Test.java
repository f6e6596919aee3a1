package org.spiketune.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.spiketune.sim.BatchResult;
import org.spiketune.sim.Member;
import org.spiketune.sim.Recording;
import org.spiketune.sim.SimulationRequest;
import org.spiketune.sim.Simulator;
import org.spiketune.sim.cpu.CpuBackend;

/** The V1 study's network, parameters and protocol as the paper describes them. */
class CarlsonV1Test {

	@Test
	void theThreeSizesHaveTheStudysNeuronCounts() {
		assertEquals(1032, Presets.get("carlson2014-v1-16").neuronCount());
		assertEquals(2312, Presets.get("carlson2014-v1-24").neuronCount());
		assertEquals(4104, Presets.get("carlson2014-v1").neuronCount());
		final NetworkSpec v1 = CarlsonV1.network(16);
		assertEquals(List.of("onpoiss", "offpoiss", "onbuf", "offbuf", "exc", "inh"), v1.groups().stream().map(
			NeuronGroup::name).toList());
		assertEquals(4, v1.group("exc").size());
		assertEquals(IzhikevichClass.FS.model(), v1.group("inh").model());
		assertEquals(0.5, v1.dtMs());
		assertTrue(v1.projection("onbuf_exc").isPlastic() && !v1.projection("onbuf_exc").plasticity().stdp()
			.inverted());
		assertTrue(v1.projection("exc_inh").plasticity().stdp().inverted(), "E→I STDP is inverted");
		assertTrue(!v1.projection("inh_exc").isPlastic());
	}

	/**
	 * The default (cosine) gratings are alike in every direction: each pixel's mean On input over the 40 depends
	 * only on its distance from the centre, so the map equals its transpose. The sine gratings' does not
	 * (correlation 0.13 with its transpose): their On input is busy on one side of the horizontal axis.
	 */
	@Test
	void theDefaultGratingsDriveEveryDirectionAlike() {
		assertEquals(GratingPhase.COSINE, CarlsonV1.DEFAULT_PHASE);
		final double[] cosine = meanOnInput(CarlsonV1.network(16)), sine = meanOnInput(CarlsonV1.network(16, CarlsonV1
			.protocol(1, 8, 1), GratingPhase.SINE));
		double sineAsymmetry = 0;
		for (int y = 0; y < 16; y++) {
			for (int x = 0; x < 16; x++) {
				assertEquals(cosine[y * 16 + x], cosine[x * 16 + y], 1e-5, "cosine: symmetric at " + x + "," + y);
				sineAsymmetry = Math.max(sineAsymmetry, Math.abs(sine[y * 16 + x] - sine[x * 16 + y]));
			}
		}
		assertTrue(sineAsymmetry > 0.3, "sine: " + sineAsymmetry);
		assertEquals("carlson2014-v1-16-cosine", CarlsonV1.network(16).name());
	}

	private static double[] meanOnInput(final NetworkSpec network) {
		final List<float[]> frames = ((Stimulus.ImageDrive) network.stimuli().get(0)).frames();
		final double[] mean = new double[frames.get(0).length];
		for (final float[] frame : frames) for (int i = 0; i < mean.length; i++) mean[i] += Math.max(frame[i], 0) /
			frames.size();
		return mean;
	}

	@Test
	void fourteenTunedParametersExistWithinTheirRanges() {
		for (final int side : CarlsonV1.SIDES) {
			final NetworkSpec network = CarlsonV1.network(side);
			final List<CarlsonV1.Tuned> tuned = CarlsonV1.tuned(side);
			assertEquals(14, tuned.size());
			for (final CarlsonV1.Tuned t : tuned) {
				assertTrue(network.hasParameter(t.name()), t.name());
				final double v = network.parameter(t.name());
				assertTrue(v >= t.min() && v <= t.max(), t.name() + " = " + v + " starts in [" + t.min() + ", " + t.max() +
					"]");
			}
		}
		final CarlsonV1.Tuned exc = CarlsonV1.tuned(32).get(8);
		assertEquals("*buf_exc.target", exc.name());
		assertEquals(10, exc.min());
		assertEquals(30, exc.max());
	}

	/** The parameters tuned with NMDA and GABA-B are the 14, within their ranges at every size. */
	@Test
	void theParametersTunedWithSlowReceptorsLieWithinTheRangesAtEverySize() {
		for (final int side : CarlsonV1.SIDES) {
			final Map<String, Double> values = CarlsonV1.tunedWithSlowReceptors(side);
			final List<CarlsonV1.Tuned> tuned = CarlsonV1.tuned(side);
			assertEquals(tuned.stream().map(CarlsonV1.Tuned::name).toList(), List.copyOf(values.keySet()));
			for (final CarlsonV1.Tuned t : tuned) {
				final double v = values.get(t.name());
				assertTrue(v >= t.min() && v <= t.max(), side + ": " + t.name() + " = " + v);
			}
		}
		assertEquals(CarlsonV1.tunedWithSlowReceptors(16).get("*buf_exc.gain") / 4, CarlsonV1.tunedWithSlowReceptors(
			32).get("*buf_exc.gain"), "four times the inputs, a quarter of the gain");
		assertEquals(CarlsonV1.tunedWithSlowReceptors(16).get("*buf_exc.ltp"), CarlsonV1.tunedWithSlowReceptors(32).get(
			"*buf_exc.ltp"));
		assertThrows(IllegalArgumentException.class, () -> CarlsonV1.tunedWithSlowReceptors(1));
	}

	/**
	 * The Buffer → Exc gain range keeps the untrained Exc neurons within the study's rates: at its top they fire
	 * at most 60 Hz (the max-rate target) in the first seconds of training, at every size, so homeostasis does
	 * not have to pull them down from far above the target (which, with K of eq. 16 vanishing far from it,
	 * overshoots and never recovers); at its bottom they fire less.
	 */
	@Test
	void theBufferGainRangeStartsTheExcNeuronsWithinTheStudysRates() {
		for (final int side : List.of(16, 32)) {
			final CarlsonV1.Tuned gain = CarlsonV1.tuned(side).stream().filter(t -> t.name().equals("*buf_exc.gain"))
				.findFirst().orElseThrow();
			final NetworkSpec network = CarlsonV1.network(side, CarlsonV1.protocol(1, 8, 1));
			final BatchResult batch = new Simulator(new CpuBackend()).run(new SimulationRequest(network, 5000, 3, List.of(
				Member.of(1, Map.of(gain.name(), gain.max())), Member.of(2, Map.of(gain.name(), gain.min()))), Recording
					.spikesOnly().withRateBin(1000).withSpikeGroups("exc")));
			final double top = batch.member(0).rates().meanRateHz("exc"), bottom = batch.member(1).rates().meanRateHz(
				"exc");
			assertTrue(top > 5 && top <= 60, side + "×" + side + ": Exc at the top of the gain range fires " + top + " Hz");
			assertTrue(bottom < top, side + "×" + side + ": " + bottom + " Hz at the bottom, " + top + " at the top");
		}
	}

	@Test
	void theProtocolTrainsAbout100MinutesThenTestsWithoutPlasticity() {
		final Protocol protocol = CarlsonV1.protocol(CarlsonV1.STUDY_REPEATS, 8, 1);
		assertEquals(100 * 60_000, protocol.phases().get(0).durationMs(), "60 × 40 × 2.5 s");
		assertEquals(8 * 2500, protocol.phases().get(1).durationMs());
		assertEquals(40, protocol.phases().get(0).presentations().size());
		assertTrue(protocol.phases().get(0).shuffled() && !protocol.phases().get(1).shuffled());
		final NetworkSpec network = CarlsonV1.network(16, protocol);
		assertEquals(100 * 60_000, network.projection("onbuf_exc").plasticity().untilMs());
		assertEquals(1000, network.projection("exc_inh").plasticity().applyEveryMs());
		final Protocol scaled = CarlsonV1.protocol(2, 40, 0.1);
		assertEquals(2 * 40 * 250, scaled.phases().get(0).durationMs(), 1e-9);
		assertEquals(40, scaled.phases().get(1).presentations().size(), "all 40 angles for tuning-curve figures");
		assertThrows(IllegalArgumentException.class, () -> CarlsonV1.protocol(1, 7, 1));
	}

	@Test
	void gratingsAreStillUnlessCounterphaseIsAskedFor() {
		for (final Protocol.Phase phase : CarlsonV1.protocol(1, 8, 1).phases()) {
			assertTrue(phase.presentations().stream().allMatch(p -> p.temporalHz() == 0), phase.name());
		}
		for (final Protocol.Phase phase : CarlsonV1.protocol(1, 8, 1, CarlsonV1.TEMPORAL_HZ).phases()) {
			assertTrue(phase.presentations().stream().allMatch(p -> p.temporalHz() == 2), phase.name());
		}
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CarlsonV1.protocol(1, 8,
			1, -2));
		assertTrue(e.getMessage().contains("temporalHz"), e.getMessage());
		final NetworkSpec network = CarlsonV1.network(16);
		assertEquals(CarlsonV1.BUFFER_INITIAL_MAX_WEIGHT, ((Weights.UniformRange) network.projection("onbuf_exc")
			.weights()).high(), "Buffer → Exc weights start far below their bound 1");
	}

	@Test
	void slowReceptorsJoinEveryAmpaAndGabaAProjectionAsInCarlsim() {
		final NetworkSpec network = CarlsonV1.network(16);
		final NetworkSpec slow = CarlsonV1.withSlowReceptors(network);
		for (final String name : List.of("onpoiss_onbuf", "offpoiss_offbuf", "onbuf_exc", "offbuf_exc", "exc_inh")) {
			assertEquals(Synapse.ampa(), network.projection(name).synapse(), name);
			assertEquals(new Synapse.Receptors(Synapse.ampa(), Synapse.nmda(), 1, 1), slow.projection(name).synapse(),
				name);
		}
		assertEquals(new Synapse.Receptors(Synapse.gabaA(), Synapse.gabaB(), 1, 1), slow.projection("inh_exc")
			.synapse());
		for (final Projection p : network.projections()) {
			assertEquals(p.withSynapse(slow.projection(p.name()).synapse()), slow.projection(p.name()), p.name() +
				" keeps all but its synapse");
		}
		assertEquals(network.parameterNames(), slow.parameterNames(), "the same tuned parameters");
	}
}
