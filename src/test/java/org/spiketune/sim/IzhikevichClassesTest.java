package org.spiketune.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.spiketune.model.Izhikevich;
import org.spiketune.model.IzhikevichClass;
import org.spiketune.model.ParameterValue;
import org.spiketune.model.Stimulus;

/**
 * Each class of Izhikevich (2003), Fig. 2, under a current step (I = 10 from 50 to 550 ms, dt = 0.1 ms)
 * shows its documented firing pattern; thresholds on interspike intervals (ms) follow the figure.
 */
class IzhikevichClassesTest {

	private static double[] isiUnderStep(final IzhikevichClass type, final double current) {
		final MemberResult r = Sims.run(Sims.single(type.model(), 0.1, Stimulus.step("n", 50, 550, current)), 600,
			1);
		final double[] times = Sims.times(r);
		assertTrue(times.length >= 3, type + " fired only " + times.length + " spikes");
		assertTrue(times[0] >= 50, type + " fired before the step, at " + times[0] + " ms");
		return Sims.intervals(times);
	}

	private static long count(final double[] isi, final java.util.function.DoublePredicate p) {
		return Arrays.stream(isi).filter(p).count();
	}

	@Test
	void regularSpikingAdapts() {
		final double[] isi = isiUnderStep(IzhikevichClass.RS, 10);
		assertTrue(isi[0] < 0.6 * isi[isi.length - 1], "first ISI " + isi[0] + " vs last " + isi[isi.length - 1]);
		assertEquals(0, count(isi, x -> x < 10), "no bursts: " + Arrays.toString(isi));
	}

	@Test
	void intrinsicallyBurstingBurstsThenFiresTonically() {
		final double[] isi = isiUnderStep(IzhikevichClass.IB, 10);
		assertTrue(isi[0] < 6 && isi[1] < 6, "initial burst: " + Arrays.toString(isi));
		final double[] later = Arrays.copyOfRange(isi, 2, isi.length);
		assertTrue(later.length >= 5 && Arrays.stream(later).allMatch(x -> x > 20), "then tonic: " + Arrays
			.toString(isi));
	}

	@Test
	void chatteringFiresRepetitiveBursts() {
		final double[] isi = isiUnderStep(IzhikevichClass.CH, 10);
		assertTrue(count(isi, x -> x < 8) >= 20, "many intra-burst intervals: " + Arrays.toString(isi));
		assertTrue(count(isi, x -> x > 30) >= 5, "repeated pauses between bursts: " + Arrays.toString(isi));
	}

	@Test
	void fastSpikingFiresFastWithoutAdaptation() {
		final double[] isi = isiUnderStep(IzhikevichClass.FS, 10);
		final double[] steady = Arrays.copyOfRange(isi, 3, isi.length);
		final double mean = Arrays.stream(steady).average().orElseThrow();
		assertTrue(1000 / mean > 100, "rate " + 1000 / mean + " Hz");
		assertTrue(Arrays.stream(steady).allMatch(x -> Math.abs(x - mean) < 0.05 * mean),
			"no slowing down after the third spike: " + Arrays.toString(isi));
	}

	@Test
	void lowThresholdSpikingStartsFastAndAdapts() {
		final double[] isi = isiUnderStep(IzhikevichClass.LTS, 10);
		final double[] rs = isiUnderStep(IzhikevichClass.RS, 10);
		assertTrue(isi[0] < 5, "high initial frequency: " + Arrays.toString(isi));
		assertTrue(isi[isi.length - 1] > 2 * isi[0], "adaptation: " + Arrays.toString(isi));
		assertTrue(isi[isi.length - 1] < rs[rs.length - 1], "faster than RS in the steady state");
	}

	@Test
	void thalamoCorticalFiresTonicallyWhenDepolarized() {
		final double[] isi = isiUnderStep(IzhikevichClass.TC, 2);
		assertTrue(isi.length >= 10 && Arrays.stream(isi).allMatch(x -> x > 5), "tonic: " + Arrays.toString(isi));
	}

	@Test
	void thalamoCorticalFiresAReboundBurstAfterHyperpolarization() {
		final MemberResult r = Sims.run(Sims.single(IzhikevichClass.TC.model(), 0.1, Stimulus.step("n", 50, 250,
			-10)), 400, 1);
		final double[] t = Sims.times(r);
		assertTrue(t.length >= 2, "a rebound burst: " + Arrays.toString(t));
		assertTrue(t[0] >= 250 && t[t.length - 1] < 290, "only right after the release at 250 ms: " + Arrays
			.toString(t));
		assertTrue(Sims.intervals(t)[0] < 15, "a burst: " + Arrays.toString(t));
	}

	/**
	 * A resonator's resting state is a focus: after a short pulse its potential swings around rest before
	 * settling (damped subthreshold oscillation, here at about 25 Hz), where an integrator's (RS) resting
	 * state is a node, crossed at most once on the way back.
	 */
	@Test
	void resonatorOscillatesBelowThreshold() {
		final int rz = crossingsAfterPulse(IzhikevichClass.RZ, -62.5);
		final int rs = crossingsAfterPulse(IzhikevichClass.RS, -70);
		assertTrue(rz >= 3, "RZ crosses its resting potential " + rz + " times");
		assertTrue(rs <= 1, "RS crosses its resting potential " + rs + " times");
	}

	/** Times v crosses its resting value (by more than 1 uV) after a 5 ms pulse of I = 0.5, from rest. */
	private static int crossingsAfterPulse(final IzhikevichClass type, final double restMv) {
		final Izhikevich model = (Izhikevich) type.model().withParameter("vinit", ParameterValue.of(restMv));
		final MemberResult r = Sims.run(Sims.single(model, 0.1, Stimulus.step("n", 20, 25, 0.5)), 300, 1, 0);
		assertEquals(0, r.spikes().count(), type + " must stay below threshold");
		final float[] v = r.traces().v(0);
		final double rest = v[150]; // 15 ms: before the pulse
		int crossings = 0, side = 0;
		for (int s = 250; s < v.length; s++) {
			final double d = v[s] - rest;
			final int now = d > 1e-3 ? 1 : d < -1e-3 ? -1 : 0;
			if (now != 0 && side != 0 && now != side) crossings++;
			if (now != 0) side = now;
		}
		return crossings;
	}
}
