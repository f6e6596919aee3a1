package org.spiketune.sim.opencl;

import org.spiketune.random.Keys;
import org.spiketune.sim.CompiledGroup;
import org.spiketune.sim.CompiledNetwork;
import org.spiketune.sim.CompiledProjection;
import org.spiketune.sim.Connectivity;
import org.spiketune.sim.PlasticRule;
import org.spiketune.sim.MemberParameters;
import org.spiketune.sim.NeuronKind;
import org.spiketune.sim.NeuronState;
import org.spiketune.sim.SimulationRequest;

/**
 * The per-member arrays of a launch (members {@code first .. first + count - 1} of a request), laid out
 * {@code [member][...][neuron]} as the kernel reads them, with initial states and derived constants from
 * {@link NeuronState}, as the CPU backend computes them. Pure Java, no OpenCL.
 */
final class DeviceMembers {

	static final int MAX_PARAMS = 11, LIF_DECAY_SLOT = 6;

	final int first, count;
	final int[] keys, refractorySteps;
	final float[] params, bias, noise, stepGain, gain, v, u;
	/** Plasticity: constants [member][projection][PlasticRule.FIELDS], initial weights and average rates. */
	final float[] plasticConsts, plasticWeights, averageRates;

	DeviceMembers(final CompiledNetwork network, final DeviceNetwork packed, final SimulationRequest request,
		final int first, final int count)
	{
		this.first = first;
		this.count = count;
		final int n = network.neuronCount();
		final int groups = network.groups().size(), projections = network.projections().size();
		final float dt = network.dtMs();
		keys = new int[2 * count];
		params = new float[count * MAX_PARAMS * n];
		refractorySteps = new int[count * n];
		bias = new float[count * groups];
		noise = new float[count * groups];
		stepGain = new float[count * groups];
		gain = new float[count * Math.max(1, projections)];
		v = new float[count * n];
		u = new float[count * n];
		plasticConsts = new float[count * projections * PlasticRule.FIELDS];
		plasticWeights = new float[count * packed.plasticSynapses];
		averageRates = new float[count * packed.plasticTargets];
		for (int m = 0; m < count; m++) {
			final long seed = request.members().get(first + m).seed();
			keys[2 * m] = Keys.key0(seed);
			keys[2 * m + 1] = Keys.key1(seed);
			final MemberParameters parameters = network.parametersFor(request.network(), request.members().get(first +
				m));
			System.arraycopy(parameters.bias(), 0, bias, m * groups, groups);
			System.arraycopy(parameters.noise(), 0, noise, m * groups, groups);
			System.arraycopy(parameters.stepGain(), 0, stepGain, m * groups, groups);
			System.arraycopy(parameters.gain(), 0, gain, m * projections, projections);
			int w = m * packed.plasticSynapses, r = m * packed.plasticTargets;
			for (final CompiledProjection p : network.projections()) {
				if (!p.plastic()) continue;
				final float[] c = parameters.plasticity()[p.index()];
				System.arraycopy(c, 0, plasticConsts, (m * projections + p.index()) * PlasticRule.FIELDS, c.length);
				for (final float[] row : ((Connectivity.Dense) p.connectivity()).rows()) {
					System.arraycopy(row, 0, plasticWeights, w, row.length);
					w += row.length;
				}
				java.util.Arrays.fill(averageRates, r, r + p.targetSize(), PlasticRule.initialRate(c, 0));
				r += p.targetSize();
			}
			for (final CompiledGroup g : network.groups()) {
				final float[][] p = parameters.values()[g.index()];
				final NeuronKind kind = g.kind();
				for (int l = 0; l < g.size(); l++) {
					final int i = g.offset() + l;
					for (int k = 0; k < p.length; k++) params[(m * MAX_PARAMS + k) * n + i] = p[k][l];
					switch (kind) {
						case LIF -> params[(m * MAX_PARAMS + LIF_DECAY_SLOT) * n + i] = NeuronState.lifDecay(p, l, dt);
						case POISSON -> params[(m * MAX_PARAMS) * n + i] = NeuronState.spikeProbability(p, l, dt);
						default -> {}
					}
					refractorySteps[m * n + i] = NeuronState.refractorySteps(kind, p, l, dt);
					v[m * n + i] = NeuronState.initialV(kind, p, l);
					u[m * n + i] = NeuronState.initialU(kind, p, l);
				}
			}
		}
	}

	/** Bytes one member takes on the device, with an event buffer of {@code capacity} spikes. */
	static long bytesPerMember(final CompiledNetwork network, final int capacity, final int tracedSteps,
		final int traced)
	{
		final long n = network.neuronCount();
		final long channels = Math.max(1, network.channels().size());
		return 4L * MAX_PARAMS * n // params
			+ 4L * n * 5 // refractory steps, v, u, refractory, spike list
			+ 4L * channels * network.ringLength() * n // delay rings
			+ 4L * channels * n // exponential currents
			+ 8L * ((n + 31) / 32) // two bitmaps of the neurons that fire
			+ 8L * capacity // events
			+ 8L * tracedSteps * traced // traces
			+ 8L + 4L * 2 * network.groups().size() + 4L * network.projections().size() + 16
			+ plasticBytes(network)
			+ 8L * network.drives().size() * OpenClSession.STEPS_PER_LAUNCH; // image drives' frame and contrast windows
	}

	/** Per member: learned weights and accumulators, traces, average rates and constants. */
	static long plasticBytes(final CompiledNetwork network) {
		long bytes = 0;
		for (final CompiledProjection p : network.projections()) {
			if (p.plastic()) bytes += 8L * p.connectivity().synapseCount() + 4L * p.sourceSize() + 8L * p.targetSize() +
				4L * PlasticRule.FIELDS;
		}
		return bytes;
	}
}
