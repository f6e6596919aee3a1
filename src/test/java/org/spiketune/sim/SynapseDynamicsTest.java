package org.spiketune.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.spiketune.model.Delay;
import org.spiketune.model.Lif;
import org.spiketune.model.NetworkSpec;
import org.spiketune.model.NeuronGroup;
import org.spiketune.model.PoissonSource;
import org.spiketune.model.Projection;
import org.spiketune.model.Stimulus;
import org.spiketune.model.Synapse;
import org.spiketune.model.Topology;
import org.spiketune.model.Weights;

/**
 * A pacemaker LIF neuron drives a probe LIF neuron that never fires; the probe's trace is compared with an
 * independent double-precision computation of the same synapse, delay and membrane.
 */
class SynapseDynamicsTest {

	private static final double DT = 0.5, TAU_M = 8, WEIGHT = 400; // pA

	private static NetworkSpec pair(final Synapse synapse, final int delayMs, final Stimulus... steps) {
		final NeuronGroup drive = NeuronGroup.of("drive", 1, Lif.of(10, 0, 0, 1, 1, 0)).withBias(1200);
		final NeuronGroup probe = NeuronGroup.of("probe", 1, Lif.of(TAU_M, -70, -70, 1e6, 50, 0));
		final Projection p = Projection.of("p", "drive", "probe", Topology.oneToOne(), Weights.constant(WEIGHT))
			.withDelay(Delay.of(delayMs)).withSynapse(synapse);
		return NetworkSpec.of("pair", DT, List.of(drive, probe), List.of(p)).withStimuli(List.of(steps));
	}

	/** The probe's v per step for input currents {@code current[step]} (pA). */
	private static double[] probeTrace(final double[] current) {
		final double decay = Math.exp(-DT / TAU_M);
		final double[] v = new double[current.length];
		double x = -70;
		for (int s = 0; s < current.length; s++) {
			final double target = -70 + 50 * current[s] * 1e-3;
			x = target + (x - target) * decay;
			v[s] = x;
		}
		return v;
	}

	private static void assertTrace(final double[] expected, final float[] actual) {
		for (int s = 0; s < expected.length; s++) assertEquals(expected[s], actual[s], 2e-4, "step " + s);
	}

	@Test
	void pulseArrivesAfterTheDelayForOneStep() {
		for (final int delayMs : new int[] { 1, 3 }) {
			final MemberResult r = Sims.run(pair(Synapse.pulse(), delayMs), 100, 1, 1);
			final int delaySteps = (int) (delayMs / DT);
			final double[] current = new double[r.spikes().stepCount()];
			for (int k = 0; k < r.spikes().count(); k++) {
				if (r.spikes().neuron(k) != 0) continue;
				final int arrival = r.spikes().step(k) + delaySteps;
				if (arrival < current.length) current[arrival] += WEIGHT;
			}
			assertTrue(r.spikes().count() >= 4, "the pacemaker fires");
			assertTrace(probeTrace(current), r.traces().v(0));
		}
	}

	@Test
	void exponentialCurrentDecaysWithItsTimeConstant() {
		final double tau = 5;
		final MemberResult r = Sims.run(pair(Synapse.exponential(tau), 2), 100, 1, 1);
		final int delaySteps = (int) (2 / DT);
		final double[] arrivals = new double[r.spikes().stepCount()];
		for (int k = 0; k < r.spikes().count(); k++) {
			final int arrival = r.spikes().step(k) + delaySteps;
			if (r.spikes().neuron(k) == 0 && arrival < arrivals.length) arrivals[arrival] += WEIGHT;
		}
		final double[] current = new double[arrivals.length];
		double g = 0;
		for (int s = 0; s < current.length; s++) {
			g = g * Math.exp(-DT / tau) + arrivals[s];
			current[s] = g;
		}
		assertTrace(probeTrace(current), r.traces().v(0));
	}

	@Test
	void currentStepActsOnlyInItsWindow() {
		final MemberResult r = Sims.run(pair(Synapse.pulse(), 1, Stimulus.step("probe", 10, 20, 100), Stimulus
			.step("probe", 15, 30, 50)), 60, 1, 1);
		final double[] current = new double[r.spikes().stepCount()];
		for (int s = 0; s < current.length; s++) {
			final double t = s * DT;
			current[s] = (t >= 10 && t < 20 ? 100 : 0) + (t >= 15 && t < 30 ? 50 : 0);
		}
		for (int k = 0; k < r.spikes().count(); k++) {
			final int arrival = r.spikes().step(k) + 2;
			if (r.spikes().neuron(k) == 0 && arrival < current.length) current[arrival] += WEIGHT;
		}
		assertTrace(probeTrace(current), r.traces().v(0));
	}

	@Test
	void uniformDelaysSpreadArrivals() {
		// 200 sources spiking at once through delays of 1..4 ms: arrivals in the 4 steps after each spike
		final NeuronGroup drive = NeuronGroup.of("drive", 200, Lif.of(10, 0, 0, 1, 1, 0)).withBias(1200);
		final NeuronGroup probe = NeuronGroup.of("probe", 1, Lif.of(TAU_M, -70, -70, 1e6, 50, 0));
		final Projection p = Projection.of("p", "drive", "probe", Topology.allToAll(), Weights.constant(1))
			.withDelay(Delay.uniform(1, 4));
		final NetworkSpec spec = NetworkSpec.of("delays", 1, List.of(drive, probe), List.of(p));
		final CompiledNetwork compiled = NetworkCompiler.compile(spec, 3);
		final Connectivity.Sparse sparse = (Connectivity.Sparse) compiled.projections().get(0).connectivity();
		final int[] counts = new int[5];
		for (final short d : sparse.delaySteps()) counts[d]++;
		assertEquals(0, counts[0]);
		for (int d = 1; d <= 4; d++) assertEquals(50, counts[d], 25, "delay " + d + " ms");
		assertEquals(5, compiled.ringLength());
	}

	@Test
	void poissonSourcesFireAtTheirRate() {
		final NetworkSpec spec = NetworkSpec.of("poisson", 0.5, List.of(NeuronGroup.of("src", 2000, PoissonSource
			.of(20))), List.of());
		final MemberResult r = Sims.run(spec, 2000, 7);
		final double expectedSpikes = 2000 * 4000 * 20 * 0.5e-3;
		assertEquals(expectedSpikes, r.spikes().count(), 5 * Math.sqrt(expectedSpikes));
		assertEquals(20, r.rates().meanRateHz(0), 0.2);
		assertEquals(0, r.rates().meanRateHz(), "sources are not part of the network's population rate");
	}
}
