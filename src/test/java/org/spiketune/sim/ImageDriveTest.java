package org.spiketune.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.spiketune.model.Lif;
import org.spiketune.model.NetworkSpec;
import org.spiketune.model.NeuronGroup;
import org.spiketune.model.PoissonSource;
import org.spiketune.model.Protocol;
import org.spiketune.model.Protocol.Phase;
import org.spiketune.model.Protocol.Presentation;
import org.spiketune.model.Stimulus;
import org.spiketune.sim.cpu.CpuBackend;

/** Images drive On/Off Poisson groups through a protocol: rates, counterphase, gaps and orders. */
class ImageDriveTest {

	private static final float[] FRAME = { 1f, -1f, 0.5f, 0f };

	private static NetworkSpec driven(final Protocol protocol, final double gapHz) {
		final List<NeuronGroup> groups = List.of(NeuronGroup.of("on", 4, PoissonSource.of(200)), NeuronGroup.of("off",
			4, PoissonSource.of(100)));
		return NetworkSpec.of("drive", 0.5, groups, List.of()).withStimuli(List.of(new Stimulus.ImageDrive("on",
			"off", List.of(FRAME), protocol, gapHz)));
	}

	/** Spikes per neuron between two times, as a rate in Hz. */
	private static double[] rates(final MemberResult result, final double fromMs, final double toMs) {
		final double[] rate = new double[8];
		final SpikeRecord s = result.spikes();
		for (int k = 0; k < s.count(); k++) {
			final double t = s.step(k) * 0.5;
			if (t >= fromMs && t < toMs) rate[s.neuron(k)] += 1000 / (toMs - fromMs);
		}
		return rate;
	}

	@Test
	void onAndOffGroupsFireAtThePositiveAndNegativePartsTimesTheirMaximumRates() {
		final Protocol protocol = Protocol.of(new Phase("show", List.of(new Presentation(0, 20_000, 0)), 1, false,
			5000));
		final MemberResult result = Sims.run(driven(protocol, 40), 25_000, 3);
		final double[] shown = rates(result, 0, 20_000), gap = rates(result, 20_000, 25_000);
		final double[] expected = { 200, 0, 100, 0, 0, 100, 0, 0 };
		for (int i = 0; i < 8; i++) {
			// Poisson counts over 20 s: sd = sqrt(rate / 20 s), at most ~3.2 Hz; 5 sd
			assertEquals(expected[i], shown[i], 5 * Math.sqrt(Math.max(expected[i], 1) / 20), "neuron " + i);
			assertEquals(40, gap[i], 5 * Math.sqrt(40 / 5.0), "gap noise, neuron " + i);
		}
	}

	@Test
	void aCounterphaseGratingAlternatesBetweenOnAndOff() {
		final Protocol protocol = Protocol.of(new Phase("flicker", List.of(new Presentation(0, 20_000, 2)), 1, false,
			0));
		final MemberResult result = Sims.run(driven(protocol, 0), 20_000, 5);
		final double[] all = rates(result, 0, 20_000);
		// the mean of max(cos, 0) is 1/π
		assertEquals(200 / Math.PI, all[0], 5 * Math.sqrt(64 / 20.0), "On pixel of value 1");
		assertEquals(100 / Math.PI, all[4], 5 * Math.sqrt(32 / 20.0), "Off at the same pixel, in the other half cycles");
		// in the first quarter cycle (cos > 0) only On fires for value 1; in the second half only Off
		final int[] onHalf = new int[2], offHalf = new int[2];
		final SpikeRecord s = result.spikes();
		for (int k = 0; k < s.count(); k++) {
			final double phase = (s.step(k) * 0.5 % 500) / 500;
			final int half = phase < 0.25 || phase >= 0.75 ? 0 : 1;
			if (s.neuron(k) == 0) onHalf[half]++;
			if (s.neuron(k) == 4) offHalf[half]++;
		}
		assertEquals(0, onHalf[1], "On is silent while the contrast is reversed");
		assertEquals(0, offHalf[0], "Off is silent while the contrast is upright");
		assertTrue(onHalf[0] > 1000 && offHalf[1] > 500);
	}

	@Test
	void eachMemberSeesItsOwnShuffledOrderAndTheSameSeedTheSameOrder() {
		final Phase phase = new Phase("train", List.of(new Presentation(0, 10, 0), new Presentation(1, 10, 0),
			new Presentation(2, 10, 0)), 4, true, 5);
		final Protocol protocol = Protocol.of(phase, new Phase("test", List.of(new Presentation(2, 20, 0),
			new Presentation(0, 20, 0)), 1, false, 0));
		assertEquals(4 * 3 * 15 + 40, protocol.durationMs());
		final List<Protocol.Shown> a = protocol.schedule(1), b = protocol.schedule(2);
		assertEquals(a, protocol.schedule(1));
		assertNotEquals(a.stream().map(s -> s.presentation().frame()).toList(), b.stream().map(s -> s.presentation()
			.frame()).toList());
		for (int f = 0; f < 3; f++) {
			final int frame = f;
			assertEquals(4, a.stream().filter(s -> s.phase() == 0 && s.presentation().frame() == frame).count());
		}
		assertEquals(List.of(2, 0), a.subList(12, 14).stream().map(s -> s.presentation().frame()).toList(),
			"the test phase keeps its order");
		assertEquals(180, a.get(12).startMs());
		assertEquals(15, a.get(1).startMs(), "10 ms shown, 5 ms gap");
	}

	@Test
	void theScheduleInStepsCoversPresentationsAndGaps() {
		final Protocol protocol = Protocol.of(new Phase("p", List.of(new Presentation(0, 10, 0), new Presentation(1,
			10, 50)), 1, false, 5));
		final CompiledDrive drive = new CompiledDrive(0, 0, -1, new float[][] { FRAME, FRAME }, protocol, 0);
		final CompiledDrive.Schedule schedule = drive.schedule(1, 0.5);
		assertEquals(0, schedule.frame(0));
		assertEquals(0, schedule.frame(19));
		assertEquals(-1, schedule.frame(20), "gap from 10 ms");
		assertEquals(1, schedule.frame(30), "second presentation from 15 ms");
		assertEquals((float) Math.cos(2 * Math.PI * 50 * 0.002), schedule.modulation(34), "2 ms into it at 50 Hz");
		assertEquals(-1, schedule.frame(50), "after the protocol");
		assertEquals(0, schedule.frame(3), "read backwards too");
		assertEquals(0.5f * 0.25f, CompiledDrive.probability(0, 0.5f, 1f, 1, 0.25f, 0.01f));
		assertEquals(0f, CompiledDrive.probability(0, 0.5f, 1f, -1, 0.25f, 0.01f));
		assertEquals(0.5f * 0.25f, CompiledDrive.probability(0, 0.5f, -1f, -1, 0.25f, 0.01f));
		assertEquals(0.01f, CompiledDrive.probability(-1, 0.5f, 1f, 1, 0.25f, 0.01f));
	}

	@Test
	void badDrivesAreRefusedWithTheirReason() {
		final Protocol protocol = Protocol.of(new Phase("p", List.of(new Presentation(0, 10, 0)), 1, false, 0));
		final List<NeuronGroup> groups = List.of(NeuronGroup.of("on", 4, PoissonSource.of(200)), NeuronGroup.of("lif",
			4, Lif.of(10, -70, -70, -60, 100, 2)), NeuronGroup.of("big", 5, PoissonSource.of(10)));
		final NetworkSpec spec = NetworkSpec.of("bad", 0.5, groups, List.of());
		assertMessage("images drive Poisson groups", () -> spec.withStimuli(List.of(new Stimulus.ImageDrive("lif",
			null, List.of(FRAME), protocol, 0))));
		assertMessage("frames have 4 values for 5 neurons", () -> spec.withStimuli(List.of(new Stimulus.ImageDrive(
			"big", null, List.of(FRAME), protocol, 0))));
		assertMessage("shows frame 3 of 1", () -> new Stimulus.ImageDrive("on", null, List.of(FRAME), Protocol.of(
			new Phase("p", List.of(new Presentation(3, 10, 0)), 1, false, 0)), 0));
		assertMessage("holds NaN", () -> new Stimulus.ImageDrive("on", null, List.of(new float[] { Float.NaN }),
			protocol, 0));
		assertMessage("durationMs", () -> new Presentation(0, -5, 0));
	}

	private static void assertMessage(final String part, final org.junit.jupiter.api.function.Executable code) {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, code);
		assertTrue(e.getMessage().contains(part), e.getMessage());
	}

	@Test
	void membersOfABatchMatchTheirSingleRuns() {
		final Phase phase = new Phase("train", List.of(new Presentation(0, 40, 4)), 3, true, 10);
		final NetworkSpec spec = driven(Protocol.of(phase), 5);
		final SimulationRequest request = SimulationRequest.of(spec, 200, 1).withMembers(List.of(Member.of(8), Member
			.of(9)));
		final BatchResult batch = new Simulator(new CpuBackend(2)).run(request);
		assertTrue(batch.member(1).spikes().sameEvents(new Simulator(new CpuBackend(1)).run(request.withMembers(List
			.of(Member.of(9)))).member(0).spikes()));
	}
}
