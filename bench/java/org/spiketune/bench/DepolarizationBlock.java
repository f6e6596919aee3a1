package org.spiketune.bench;

import java.util.List;
import java.util.Locale;

import org.spiketune.model.IzhikevichClass;
import org.spiketune.model.NetworkSpec;
import org.spiketune.model.NeuronGroup;
import org.spiketune.model.PoissonSource;
import org.spiketune.model.Projection;
import org.spiketune.model.Synapse;
import org.spiketune.model.Topology;
import org.spiketune.model.Weights;
import org.spiketune.sim.MemberResult;
import org.spiketune.sim.SimulationRequest;
import org.spiketune.sim.Simulator;
import org.spiketune.sim.cpu.CpuBackend;

/**
 * How a regular-spiking Izhikevich neuron answers a steady excitatory conductance g (reversal 0 mV), by
 * integration method: {@code DepolarizationBlock [g ...]} prints its rate in the second of a 2 s run for the
 * continuous model (explicit Euler at 1 µs), explicit Euler at 0.5 ms (as CARLsim steps v), the linearly
 * implicit 0.5 ms step of this simulator (computed here), and the simulator itself, the conductance made by
 * 2000 Poisson inputs at 200 Hz through AMPA (τ 5 ms, weights g / 2000). Strong g has a stable fixed point
 * below the spike peak (depolarization block) which the continuous model and the implicit step keep and
 * explicit Euler at 0.5 ms overshoots (bench/README.md, "NMDA and GABA-B in the core").
 */
public final class DepolarizationBlock {

	private static final double A = 0.02, B = 0.2, C = -65, D = 8, PEAK = 30, E = 0;

	public static void main(final String[] args) {
		final double[] conductances = args.length > 0 ? java.util.Arrays.stream(args).mapToDouble(Double::parseDouble)
			.toArray() : new double[] { 1, 2, 5, 10, 15, 20, 30 };
		System.out.println("| g | continuous (1 µs Euler) | explicit Euler 0.5 ms | linearly implicit 0.5 ms | simulator |");
		System.out.println("|---|---|---|---|---|");
		for (final double g : conductances) {
			System.out.printf(Locale.ROOT, "| %.0f | %.0f Hz | %.0f Hz | %.0f Hz | %.0f Hz |%n", g, rate(g, 0.001, false),
				rate(g, 0.5, false), rate(g, 0.5, true), simulated(g));
		}
	}

	/** Spikes in the second second of a 2 s run at step h (ms), v first, then u from the new v (as the kernels). */
	static double rate(final double g, final double h, final boolean implicit) {
		double v = C, u = B * C;
		int spikes = 0;
		final int steps = (int) Math.round(2000 / h);
		for (int s = 0; s < steps; s++) {
			final double f = 0.04 * v * v + 5 * v + 140 - u;
			v = implicit ? (v + h * (f + g * E)) / (1 + h * g) : v + h * (f + g * (E - v));
			u += h * A * (B * v - u);
			if (v >= PEAK) {
				v = C;
				u += D;
				if (s >= steps / 2) spikes++;
			}
		}
		return spikes;
	}

	/** The simulator's RS neuron (0.5 ms, one sub-step) under a Poisson-made AMPA conductance of mean g. */
	static double simulated(final double g) {
		final int inputs = 2000;
		final double rateHz = 200, tauMs = 5;
		final NeuronGroup in = NeuronGroup.of("in", inputs, PoissonSource.of(rateHz));
		final NeuronGroup cell = NeuronGroup.of("cell", 1, IzhikevichClass.RS.model()).withSubsteps(1);
		final Projection drive = Projection.of("drive", "in", "cell", Topology.allToAll(), Weights.constant(g / (inputs
			* rateHz * 1e-3 * tauMs))).withSynapse(Synapse.ampa());
		final MemberResult r = new Simulator(new CpuBackend(1)).run(SimulationRequest.of(NetworkSpec.of("block", 0.5,
			List.of(in, cell), List.of(drive)), 2000, 1)).member(0);
		int spikes = 0;
		for (int k = 0; k < r.spikes().count(); k++) {
			if (r.spikes().neuron(k) == inputs && r.spikes().step(k) >= 2000) spikes++;
		}
		return spikes;
	}
}
