package org.spiketune.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.spiketune.model.AdEx;
import org.spiketune.model.Lif;
import org.spiketune.model.NeuronGroup;
import org.spiketune.model.NetworkSpec;
import org.spiketune.model.Stimulus;

class LifAndAdExTest {

	/**
	 * dv/dt = (vInf - v)/tau from reset 0 to threshold theta < vInf takes tau ln(vInf / (vInf - theta)):
	 * 17.918 ms for tau = 10 ms, vInf = 1.2 mV, theta = 1 mV. Integration is exact for constant input, so the
	 * period is off only by the step grid: at most one step.
	 */
	@Test
	void lifPeriodMatchesTheAnalyticValue() {
		final double tau = 10, vInf = 1.2, theta = 1, dt = 0.01;
		final Lif lif = Lif.of(tau, 0, 0, theta, 1, 0); // R = 1 MOhm: 1200 pA gives vInf = 1.2 mV
		final NetworkSpec spec = NetworkSpec.of("lif", dt, java.util.List.of(NeuronGroup.of("n", 1, lif).withBias(
			1200)), java.util.List.of());
		final double[] isi = Sims.intervals(Sims.times(Sims.run(spec, 200, 1)));
		final double expected = tau * Math.log(vInf / (vInf - theta));
		assertEquals(17.918, expected, 1e-3);
		assertTrue(isi.length >= 10);
		for (final double interval : isi) assertEquals(expected, interval, dt + 1e-9);
	}

	@Test
	void lifRefractoryTimeAddsToThePeriod() {
		final Lif lif = Lif.of(10, 0, 0, 1, 1, 2);
		final NetworkSpec spec = NetworkSpec.of("lif", 0.01, java.util.List.of(NeuronGroup.of("n", 1, lif).withBias(
			1200)), java.util.List.of());
		final double[] isi = Sims.intervals(Sims.times(Sims.run(spec, 200, 1)));
		for (final double interval : isi) assertEquals(17.918 + 2, interval, 0.01 + 1e-9);
	}

	@Test
	void lifBelowThresholdSettlesAtItsAsymptote() {
		final Lif lif = Lif.of(20, -70, -70, -50, 100, 2);
		final MemberResult r = Sims.run(Sims.single(lif, 0.1, Stimulus.step("n", 0, 1000, 150)), 300, 1, 0);
		assertEquals(0, r.spikes().count());
		final float[] v = r.traces().v(0);
		assertEquals(-70 + 100 * 150e-3, v[v.length - 1], 1e-3); // vRest + R I = -55 mV
		assertEquals(-70 + 15 * (1 - Math.exp(-1.0)), v[199], 1e-3); // one tau after the step (20 ms, step 199)
	}

	/** Brette and Gerstner's neuron under a 1 nA step: spikes that slow down (spike-triggered adaptation). */
	@Test
	void adexAdaptsUnderAStep() {
		final MemberResult r = Sims.run(Sims.single(AdEx.bretteGerstner2005(), 0.05, Stimulus.step("n", 50, 550,
			1000)), 600, 1);
		final double[] t = Sims.times(r);
		final double[] isi = Sims.intervals(t);
		assertTrue(t.length >= 5, "spikes: " + Arrays.toString(t));
		assertTrue(t[0] > 50 && t[t.length - 1] < 551, "only during the step: " + Arrays.toString(t));
		assertTrue(isi[isi.length - 1] > 1.5 * isi[0], "adaptation: " + Arrays.toString(isi));
	}

	@Test
	void adexWithoutAdaptationFiresRegularly() {
		final AdEx model = AdEx.of(281, 30, -70.6, -50.4, 2, 144, 0, 0, -70.6, -40.4, 0);
		final double[] isi = Sims.intervals(Sims.times(Sims.run(Sims.single(model, 0.05, Stimulus.step("n", 0, 500,
			1000)), 500, 1)));
		assertTrue(isi.length >= 5);
		for (final double x : isi) assertEquals(isi[0], x, 0.05 + 1e-9);
	}

	@Test
	void adexStaysAtRestBelowRheobase() {
		// rheobase of these parameters is about 0.6 nA; 300 pA only depolarizes
		final MemberResult r = Sims.run(Sims.single(AdEx.bretteGerstner2005(), 0.05, Stimulus.step("n", 0, 500,
			300)), 500, 1, 0);
		assertEquals(0, r.spikes().count());
		final float[] v = r.traces().v(0);
		assertTrue(v[v.length - 1] > -70 && v[v.length - 1] < -55, "depolarized, below threshold: " + v[v.length -
			1]);
	}

	@Test
	void adexRefractoryTimeHoldsTheReset() {
		final AdEx model = AdEx.of(281, 30, -70.6, -50.4, 2, 144, 0, 0, -70.6, -40.4, 5);
		final MemberResult r = Sims.run(Sims.single(model, 0.05, Stimulus.step("n", 0, 500, 3000)), 100, 1, 0);
		final double[] t = Sims.times(r);
		assertTrue(t.length >= 2);
		final float[] v = r.traces().v(0);
		final int first = (int) Math.round(t[0] / 0.05);
		for (int s = first; s <= first + 100; s++) assertEquals(-70.6f, v[s], 1e-4f, "held at reset, step " + s);
		assertTrue(v[first + 101] > -70.6f, "free again after 5 ms");
	}
}
