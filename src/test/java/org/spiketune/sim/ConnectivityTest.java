package org.spiketune.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.spiketune.model.IzhikevichClass;
import org.spiketune.model.NetworkSpec;
import org.spiketune.model.NeuronGroup;
import org.spiketune.model.ParameterValue;
import org.spiketune.model.Presets;
import org.spiketune.model.Projection;
import org.spiketune.model.Topology;
import org.spiketune.model.Weights;

/** Topologies, weights and per-neuron parameters realized by the compiler. */
class ConnectivityTest {

	private static Connectivity compile(final int sources, final int targets, final boolean sameGroup,
		final Topology topology, final Weights weights)
	{
		final NeuronGroup a = NeuronGroup.of("a", sources, IzhikevichClass.RS.model());
		final NeuronGroup b = NeuronGroup.of("b", targets, IzhikevichClass.RS.model());
		final Projection p = Projection.of("p", "a", sameGroup ? "a" : "b", topology, weights);
		final NetworkSpec spec = NetworkSpec.of("c", 1, sameGroup ? List.of(a) : List.of(a, b), List.of(p));
		return NetworkCompiler.compile(spec, 11).projections().get(0).connectivity();
	}

	/** Per target, its sources, from compressed rows. */
	private static int[] inDegrees(final Connectivity.Sparse sparse, final int targets) {
		final int[] degree = new int[targets];
		for (final int t : sparse.targets()) degree[t]++;
		return degree;
	}

	@Test
	void fixedInDegreeGivesEveryTargetExactlyKDistinctSources() {
		final Connectivity.Sparse c = (Connectivity.Sparse) compile(300, 200, false, Topology.fixedInDegree(40),
			Weights.constant(1));
		for (final int d : inDegrees(c, 200)) assertEquals(40, d);
		final Set<Long> pairs = new HashSet<>();
		for (int s = 0; s < 300; s++) {
			for (int k = c.rowStart()[s]; k < c.rowStart()[s + 1]; k++) {
				assertTrue(pairs.add((long) s << 32 | c.targets()[k]), "duplicate synapse " + s + " -> " + c.targets()[k]);
				if (k > c.rowStart()[s]) assertTrue(c.targets()[k] > c.targets()[k - 1], "row " + s + " sorted");
			}
		}
		// sources are uniform: each of 300 sources is chosen 200 * 40 / 300 = 26.7 times on average
		final double mean = 200 * 40 / 300.0;
		double chi2 = 0;
		for (int s = 0; s < 300; s++) chi2 += Math.pow(c.rowStart()[s + 1] - c.rowStart()[s] - mean, 2) / mean;
		assertEquals(299, chi2, 5 * Math.sqrt(2 * 299), "chi-square of out-degrees");
	}

	@Test
	void selfConnectionsAreExcludedOnRequest() {
		final Connectivity.Sparse in = (Connectivity.Sparse) compile(50, 50, true, Topology.fixedInDegree(49),
			Weights.constant(1));
		final Connectivity.Sparse all = (Connectivity.Sparse) compile(50, 50, true, new Topology.AllToAll(false),
			Weights.constant(1));
		for (final Connectivity.Sparse c : List.of(in, all)) {
			assertEquals(50 * 49, c.synapseCount());
			for (int s = 0; s < 50; s++) {
				for (int k = c.rowStart()[s]; k < c.rowStart()[s + 1]; k++) assertTrue(c.targets()[k] != s);
			}
		}
	}

	@Test
	void fixedProbabilityHitsItsExpectedCount() {
		final Connectivity c = compile(1000, 800, false, Topology.fixedProbability(0.1), Weights.constant(1));
		final double expected = 1000 * 800 * 0.1;
		assertEquals(expected, c.synapseCount(), 5 * Math.sqrt(expected * 0.9));
		assertEquals(0, compile(10, 10, false, Topology.fixedProbability(0), Weights.constant(1)).synapseCount());
		assertEquals(100, compile(10, 10, false, Topology.fixedProbability(1), Weights.constant(1)).synapseCount());
	}

	/**
	 * Tuning p must move a few synapses, not draw a new graph: the synapses at a smaller p are a subset of
	 * those at a larger one (level boundaries 2^-k included), and each p still connects a pair with
	 * probability p.
	 */
	@Test
	void aSmallerProbabilityKeepsASubsetOfALargerOnesSynapses() {
		Set<Long> smaller = java.util.Set.of();
		for (final double p : new double[] { 1e-4, 0.003, 0.0625, 0.0625000001, 0.1, 0.101, 0.25, 0.3, 0.5, 0.77,
			0.999, 1 })
		{
			final Connectivity.Sparse c = assertInstanceOf(Connectivity.Sparse.class, compile(300, 400, false, Topology
				.fixedProbability(p), Weights.constant(1)));
			final Set<Long> pairs = new HashSet<>();
			for (int s = 0; s < 300; s++) {
				for (int k = c.rowStart()[s]; k < c.rowStart()[s + 1]; k++) pairs.add((long) s << 32 | c.targets()[k]);
			}
			assertTrue(pairs.containsAll(smaller), "p = " + p + " keeps the synapses of the smaller p");
			final double expected = 300 * 400 * p;
			assertEquals(expected, pairs.size(), 5 * Math.sqrt(expected * (1 - p)) + 1e-9, "synapses at p = " + p);
			smaller = pairs;
		}
	}

	@Test
	void fixedProbabilityTreatsEveryTargetAlike() {
		final Connectivity.Sparse c = assertInstanceOf(Connectivity.Sparse.class, compile(4000, 60, false, Topology
			.fixedProbability(0.3), Weights.constant(1)));
		final int[] degree = inDegrees(c, 60);
		final double sd = Math.sqrt(4000 * 0.3 * 0.7);
		for (int t = 0; t < 60; t++) assertEquals(1200, degree[t], 5 * sd, "in-degree of target " + t);
	}

	@Test
	void allToAllIsDenseAndOneToOneIsDiagonal() {
		final Connectivity.Dense dense = assertInstanceOf(Connectivity.Dense.class, compile(30, 20, false, Topology
			.allToAll(), Weights.uniform(0, 0.5)));
		assertEquals(600, dense.synapseCount());
		double sum = 0;
		for (final float[] row : dense.rows()) {
			for (final float w : row) {
				assertTrue(w >= 0 && w < 0.5f);
				sum += w;
			}
		}
		assertEquals(0.25, sum / 600, 5 * 0.5 / Math.sqrt(12 * 600), "mean of U(0, 0.5)");
		final Connectivity.OneToOne diagonal = assertInstanceOf(Connectivity.OneToOne.class, compile(7, 7, false,
			Topology.oneToOne(), Weights.constant(2)));
		assertArrayEquals(new float[] { 2, 2, 2, 2, 2, 2, 2 }, diagonal.weights());
	}

	@Test
	void explicitWeightsKeepTheirOrder() {
		final double[] w = new double[6];
		for (int i = 0; i < 6; i++) w[i] = i + 1;
		final Connectivity.Dense dense = (Connectivity.Dense) compile(2, 3, false, Topology.allToAll(),
			new Weights.Explicit(w));
		assertArrayEquals(new float[] { 1, 2, 3 }, dense.rows()[0]);
		assertArrayEquals(new float[] { 4, 5, 6 }, dense.rows()[1]);
	}

	@Test
	void theStructureDependsOnlyOnItsSeed() {
		final NetworkSpec spec = Presets.izhikevich2003Sparse(2000, 100);
		final CompiledNetwork a = NetworkCompiler.compile(spec, 9), b = NetworkCompiler.compile(spec, 9);
		final CompiledNetwork c = NetworkCompiler.compile(spec, 10);
		final Connectivity.Sparse ca = (Connectivity.Sparse) a.projections().get(0).connectivity();
		final Connectivity.Sparse cb = (Connectivity.Sparse) b.projections().get(0).connectivity();
		final Connectivity.Sparse cc = (Connectivity.Sparse) c.projections().get(0).connectivity();
		assertArrayEquals(ca.targets(), cb.targets());
		assertArrayEquals(ca.weights(), cb.weights());
		assertTrue(!java.util.Arrays.equals(ca.targets(), cc.targets()), "another seed, another structure");
	}

	@Test
	void sharedRandomParametersUseOneDrawPerNeuron() {
		final CompiledNetwork net = NetworkCompiler.compile(Presets.izhikevich2003(), 4);
		final CompiledGroup exc = net.groups().get(0);
		final float[] c = exc.baseValues()[2], d = exc.baseValues()[3];
		for (int i = 0; i < exc.size(); i++) {
			final double r2 = (c[i] + 65) / 15; // c = -65 + 15 r^2, d = 8 - 6 r^2
			assertTrue(r2 >= 0 && r2 < 1);
			assertEquals(8 - 6 * r2, d[i], 1e-5, "neuron " + i + ": c and d share r");
		}
		final CompiledGroup inh = net.groups().get(1);
		for (int i = 0; i < inh.size(); i++) {
			final double r = (inh.baseValues()[0][i] - 0.02) / 0.08;
			assertEquals(0.25 - 0.05 * r, inh.baseValues()[1][i], 1e-6);
		}
		final NetworkSpec uniform = NetworkSpec.of("u", 1, List.of(NeuronGroup.of("g", 2000, IzhikevichClass.RS
			.model().withParameter("d", ParameterValue.uniform(2, 4)))), List.of());
		final float[] dd = NetworkCompiler.compile(uniform, 1).groups().get(0).baseValues()[3];
		double mean = 0;
		for (final float x : dd) mean += x / dd.length;
		assertEquals(3, mean, 5 * 2 / Math.sqrt(12 * 2000.0));
	}
}
