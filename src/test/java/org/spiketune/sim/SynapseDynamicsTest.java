package org.spiketune.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.spiketune.model.Delay;
import org.spiketune.model.IzhikevichClass;
import org.spiketune.model.Lif;
import org.spiketune.model.NetworkSpec;
import org.spiketune.model.NeuronGroup;
import org.spiketune.model.Plasticity;
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
	void decayingValuesAreFlushedToZeroInsteadOfBecomingSubnormal() {
		assertEquals(0.5f * 0.9f, Channel.decayed(0.5f, 0.9f));
		assertEquals(0f, Channel.decayed(1.05e-30f, 0.9f), "9.45e-31 is below the flush threshold");
		assertEquals(0f, Channel.decayed(-1.05e-30f, 0.9f));
		float g = 1f;
		int steps = 0;
		while (g != 0f) {
			g = Channel.decayed(g, (float) Math.exp(-0.5 / 5));
			assertTrue(g == 0f || Math.abs(g) >= Float.MIN_NORMAL, "never subnormal: " + g);
			steps++;
		}
		assertTrue(steps > 600 && steps < 800, "an AMPA conductance of 1 reaches exactly 0 after " + steps + " steps");
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

	private static final double PROBE_WEIGHT = 2; // nS

	/** A pacemaker driving, through {@code synapse} (weight 2 nS, 1 ms), a LIF probe resting at −60 mV. */
	private static NetworkSpec restingPair(final Synapse synapse) {
		final NeuronGroup drive = NeuronGroup.of("drive", 1, Lif.of(10, 0, 0, 1, 1, 0)).withBias(1200);
		final NeuronGroup probe = NeuronGroup.of("probe", 1, Lif.of(TAU_M, -60, -60, 1e6, 50, 0));
		final Projection p = Projection.of("p", "drive", "probe", Topology.oneToOne(), Weights.constant(PROBE_WEIGHT))
			.withDelay(Delay.of(1)).withSynapse(synapse);
		return NetworkSpec.of("pair", DT, List.of(drive, probe), List.of(p));
	}

	/** The weight arriving at the probe per step: the pacemaker's spikes 2 steps (1 ms) later. */
	private static double[] arrivals(final MemberResult r) {
		final double[] arrivals = new double[r.spikes().stepCount()];
		for (int k = 0; k < r.spikes().count(); k++) {
			final int arrival = r.spikes().step(k) + 2;
			if (r.spikes().neuron(k) == 0 && arrival < arrivals.length) arrivals[arrival] += PROBE_WEIGHT;
		}
		return arrivals;
	}

	/**
	 * Each receptor into a probe resting at −60 mV: g decays with the receptor's τ, its current g (E − v) (times
	 * the NMDA gate at the v the step starts with) acts on the probe, integrated exactly for g constant over the
	 * step, as computed here in double.
	 */
	@Test
	void conductancesPullTowardTheirReversalWithTheirTimeConstant() {
		for (final Synapse.Conductance receptor : List.of(Synapse.ampa(), Synapse.nmda(), Synapse.gabaA(), Synapse
			.gabaB()))
		{
			final MemberResult r = Sims.run(restingPair(receptor), 100, 1, 1);
			final double[] arrivals = arrivals(r);
			final double decay = Math.exp(-DT / receptor.tauMs());
			final double[] expected = new double[arrivals.length];
			double g = 0, v = -60;
			for (int s = 0; s < arrivals.length; s++) {
				g = g * decay + arrivals[s];
				final double x = (v + 80) / 60, gate = receptor.voltageGated() ? x * x / (1 + x * x) : 1;
				// exact for g constant over the step: tau v' = -60 - v + R g gate (E - v), R = 50 MOhm
				final double k = 50 * g * gate * 1e-3;
				final double target = (-60 + 50 * g * gate * receptor.reversalMv() * 1e-3) / (1 + k);
				v = target + (v - target) * Math.exp(-DT * (1 + k) / TAU_M);
				expected[s] = v;
			}
			for (int s = 0; s < expected.length; s++) {
				assertEquals(expected[s], r.traces().v(0)[s], 2e-4, receptor.receptor() + " step " + s);
			}
			double low = 0, high = -100;
			for (final float value : r.traces().v(0)) {
				low = Math.min(low, value);
				high = Math.max(high, value);
			}
			assertTrue(receptor.reversalMv() > -60 ? high > -59 : low < -60.2, receptor.receptor() +
				" moves v toward " + receptor.reversalMv() + " mV: v in [" + low + ", " + high + "]");
		}
	}

	/**
	 * One weight driving two receptors (scaled 0.7 and 1.3) into a probe resting at −60 mV: each conductance
	 * gets weight × its scale per spike and decays with its own τ; the probe integrates their summed current
	 * (the NMDA one gated), as computed here in double. Excitatory pairs push v up, inhibitory ones down.
	 */
	@Test
	void twoReceptorsFromOneWeightActTogether() {
		for (final Synapse.Receptors pair : List.of(new Synapse.Receptors(Synapse.ampa(), Synapse.nmda(), 0.7, 1.3),
			new Synapse.Receptors(Synapse.gabaA(), Synapse.gabaB(), 0.7, 1.3)))
		{
			final MemberResult r = Sims.run(restingPair(pair), 100, 1, 1);
			final double[] arrivals = arrivals(r);
			final Synapse.Conductance fast = pair.fast(), slow = pair.slow();
			double gFast = 0, gSlow = 0, v = -60;
			for (int s = 0; s < arrivals.length; s++) {
				gFast = gFast * Math.exp(-DT / fast.tauMs()) + arrivals[s] * pair.fastScale();
				gSlow = gSlow * Math.exp(-DT / slow.tauMs()) + arrivals[s] * pair.slowScale();
				final double x = (v + 80) / 60, gate = x * x / (1 + x * x);
				final double fastG = gFast * (fast.voltageGated() ? gate : 1), slowG = gSlow * (slow.voltageGated()
					? gate : 1);
				final double k = 50 * (fastG + slowG) * 1e-3;
				final double target = (-60 + 50 * (fastG * fast.reversalMv() + slowG * slow.reversalMv()) * 1e-3) / (1 +
					k);
				v = target + (v - target) * Math.exp(-DT * (1 + k) / TAU_M);
				assertEquals(v, r.traces().v(0)[s], 2e-4, fast.receptor() + "+" + slow.receptor() + " step " + s);
			}
			final float last = r.traces().v(0)[arrivals.length - 1];
			assertTrue(fast.reversalMv() > -60 ? last > -59 : last < -60.5, pair + " moved v to " + last);
		}
	}

	/**
	 * A plastic AMPA + NMDA projection simulates exactly as an AMPA projection plus an NMDA twin with the same
	 * initial weights and rule (the device the bench used before the core had two receptors): the same spikes,
	 * and both twins learn the one weight the two-receptor projection learns.
	 */
	@Test
	void twoReceptorsFromOneWeightSimulateAsTwinProjections() {
		final NeuronGroup input = NeuronGroup.of("in", 40, PoissonSource.of(30));
		final NeuronGroup cells = NeuronGroup.of("cells", 5, IzhikevichClass.RS.model());
		final double[] initial = new double[40 * 5];
		for (int k = 0; k < initial.length; k++) initial[k] = 0.2 + 0.6 * ((k * 37) % 101) / 101.0;
		final Plasticity rule = new Plasticity(Plasticity.Stdp.classical(0.01, 20, 0.012, 40), new Plasticity
			.Homeostasis(10, 0.1, 50, 1000), 0, 1, 1, 0, 100, 1500);
		final Projection one = Projection.of("p", "in", "cells", Topology.allToAll(), new Weights.Explicit(initial))
			.withSynapse(Synapse.ampaNmda()).withPlasticity(rule).withGain(0.05);
		final Projection ampa = one.withSynapse(Synapse.ampa());
		final Projection nmda = new Projection("twin", "in", "cells", ampa.topology(), ampa.weights(), ampa.delay(),
			Synapse.nmda(), ampa.gain(), rule);
		final MemberResult together = Sims.run(NetworkSpec.of("one", DT, List.of(input, cells), List.of(one)), 2000,
			9);
		final MemberResult twins = Sims.run(NetworkSpec.of("twins", DT, List.of(input, cells), List.of(ampa, nmda)),
			2000, 9);
		assertTrue(together.spikes().sameEvents(twins.spikes()), "the same spikes");
		assertTrue(together.rates().meanRateHz("cells") > 1, "the cells fire: " + together.rates().meanRateHz("cells"));
		final float[][] learned = together.learnedWeights("p");
		for (final String name : List.of("p", "twin")) {
			final float[][] twin = twins.learnedWeights(name);
			for (int j = 0; j < learned.length; j++) assertArrayEquals(learned[j], twin[j], name + " row " + j);
		}
		assertTrue(learned[0][0] != (float) initial[0] || learned[3][2] != (float) initial[17], "the weights learned");
	}

	@Test
	void twoReceptorsAreTwoDifferentConductancesWithFiniteScales() {
		final IllegalArgumentException same = assertThrows(IllegalArgumentException.class,
			() -> new Synapse.Receptors(Synapse.ampa(), Synapse.ampa(), 1, 1));
		assertTrue(same.getMessage().contains("same receptor 'AMPA'"), same.getMessage());
		final IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
			() -> new Synapse.Receptors(Synapse.ampa(), Synapse.nmda(), 1, -0.5));
		assertTrue(negative.getMessage().contains("slowScale") && negative.getMessage().contains("-0.5"), negative
			.getMessage());
		assertThrows(IllegalArgumentException.class, () -> new Synapse.Receptors(Synapse.ampa(), Synapse.nmda(),
			Double.NaN, 1));
		assertEquals(List.of(Synapse.gabaA(), Synapse.gabaB()), Synapse.gabaAB().channels());
	}

	/**
	 * A GABA-A conductance so strong that h·g reaches 5 (explicit Euler would overshoot the reversal and
	 * diverge once h·g > 2): the Izhikevich probe follows the linearly implicit step computed here in double,
	 * stays near the reversal, and never fires.
	 */
	@Test
	void strongInhibitoryConductanceIsStableOnIzhikevich() {
		final double weight = 10, a = 0.02, b = 0.2;
		final NeuronGroup drive = NeuronGroup.of("drive", 1, Lif.of(10, 0, 0, 1, 1, 0)).withBias(1200);
		final NeuronGroup probe = NeuronGroup.of("probe", 1, org.spiketune.model.Izhikevich.of(a, b, -65, 8));
		final Projection p = Projection.of("p", "drive", "probe", Topology.oneToOne(), Weights.constant(weight))
			.withDelay(Delay.of(1)).withSynapse(Synapse.gabaA());
		final MemberResult r = Sims.run(NetworkSpec.of("inhibited", DT, List.of(drive, probe), List.of(p)), 200, 1,
			1);
		final double[] arrivals = new double[r.spikes().stepCount()];
		int probeSpikes = 0;
		for (int k = 0; k < r.spikes().count(); k++) {
			final int arrival = r.spikes().step(k) + 2;
			if (r.spikes().neuron(k) == 1) probeSpikes++;
			else if (arrival < arrivals.length) arrivals[arrival] += weight;
		}
		assertEquals(0, probeSpikes, "an inhibited cell never fires");
		final double decay = Math.exp(-DT / 6);
		double g = 0, v = -65, u = b * v, explicit = -65, explicitU = b * explicit, peakConductance = 0;
		double lowestExplicit = 0;
		final float[] trace = r.traces().v(0);
		for (int s = 0; s < arrivals.length; s++) {
			g = g * decay + arrivals[s];
			peakConductance = Math.max(peakConductance, g);
			v = (v + DT * (0.04 * v * v + 5 * v + 140 - u + g * -70)) / (1 + DT * g);
			u = u + DT * a * (b * v - u);
			assertEquals(v, trace[s], 1e-3, "step " + s);
			// the cell's own currents may take it a little below the reversal (f(-70) - u < 0), never far
			assertTrue(trace[s] >= -75 && trace[s] <= -60, "v near the reversal, below rest: " + trace[s]);
			explicit = explicit + DT * (0.04 * explicit * explicit + 5 * explicit + 140 - explicitU + g * (-70 -
				explicit));
			explicitU = explicitU + DT * a * (b * explicit - explicitU);
			if (Double.isFinite(explicit)) lowestExplicit = Math.min(lowestExplicit, explicit);
		}
		assertTrue(DT * peakConductance >= 5, "h g reaches " + DT * peakConductance);
		assertTrue(lowestExplicit < -80, "explicit Euler would overshoot the reversal: " + lowestExplicit);
	}

	/** The same for AdEx, h·g/cm above 5 (GABA-B, g in nS, cm in pF): no overshoot below the reversal, no spike. */
	@Test
	void strongInhibitoryConductanceIsStableOnAdEx() {
		final NeuronGroup drive = NeuronGroup.of("drive", 1, Lif.of(10, 0, 0, 1, 1, 0)).withBias(1200);
		final NeuronGroup probe = NeuronGroup.of("probe", 1, org.spiketune.model.AdEx.bretteGerstner2005());
		final Projection p = Projection.of("p", "drive", "probe", Topology.oneToOne(), Weights.constant(3000))
			.withDelay(Delay.of(1)).withSynapse(Synapse.gabaB());
		final MemberResult r = Sims.run(NetworkSpec.of("inhibited", DT, List.of(drive, probe), List.of(p)), 200, 1,
			1);
		for (int k = 0; k < r.spikes().count(); k++) assertEquals(0, r.spikes().neuron(k), "the probe never fires");
		double low = 0;
		for (final float value : r.traces().v(0)) low = Math.min(low, value);
		assertTrue(low >= -90.001 && low < -85, "v approaches the GABA-B reversal −90 mV without passing it: " + low);
	}

	@Test
	void negativeConductanceWeightsAreRefused() {
		final NeuronGroup a = NeuronGroup.of("a", 2, PoissonSource.of(5)), b = NeuronGroup.of("b", 2, Lif.of(10, -60,
			-60, -50, 50, 2));
		final IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
			IllegalArgumentException.class, () -> NetworkSpec.of("bad", DT, List.of(a, b), List.of(Projection.of("ab",
				"a", "b", Topology.oneToOne(), Weights.uniform(-1, 2)).withSynapse(Synapse.gabaA()))));
		assertTrue(e.getMessage().contains("GABAA weights are conductances and must be >= 0") && e.getMessage()
			.contains("got -1.0"), e.getMessage());
	}

	@Test
	void theNmdaGateByHand() {
		assertEquals(0f, Channel.nmdaGate(-80), 0, "x = 0 closes the gate");
		assertEquals(0.5f, Channel.nmdaGate(-20), 1e-6f, "x = 1: gate 1/2");
		assertEquals(0.8f, Channel.nmdaGate(40), 1e-6f, "x = 2: gate 4/5");
	}
}
