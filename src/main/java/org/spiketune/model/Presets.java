package org.spiketune.model;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** Ready-made networks from the source studies, by name. */
public final class Presets {

	/** Name of {@link #izhikevich2003()}. */
	public static final String IZHIKEVICH_2003 = "izhikevich2003";

	/** Name of {@link #izhikevich2003Random} with 200 + 50 neurons and p = 0.1. */
	public static final String IZHIKEVICH_2003_RANDOM = "izhikevich2003-random";

	private static final Map<String, Supplier<NetworkSpec>> BY_NAME = new TreeMap<>(Map.of(IZHIKEVICH_2003,
		Presets::izhikevich2003, IZHIKEVICH_2003_RANDOM, () -> izhikevich2003Random(200, 50, 0.1).withName(
			IZHIKEVICH_2003_RANDOM), CarlsonV1.NAME, () -> CarlsonV1.network(32).withName(CarlsonV1.NAME),
		CarlsonV1.NAME + "-16", () -> CarlsonV1.network(16), CarlsonV1.NAME + "-24", () -> CarlsonV1.network(24),
		CarlsonV1.NAME + "-32", () -> CarlsonV1.network(32)));

	private Presets() {}

	/** Names accepted by {@link #get}. */
	public static List<String> names() {
		return List.copyOf(BY_NAME.keySet());
	}

	public static NetworkSpec get(final String name) {
		final Supplier<NetworkSpec> preset = BY_NAME.get(name);
		if (preset == null) {
			throw new IllegalArgumentException("unknown preset '" + name + "'; known: " + String.join(", ",
				names()));
		}
		return preset.get();
	}

	/**
	 * The network of Izhikevich (2003), "Simple model of spiking neurons", Fig. 3: 800 excitatory neurons
	 * (a = 0.02, b = 0.2, c = -65 + 15 r^2, d = 8 - 6 r^2) and 200 inhibitory (a = 0.02 + 0.08 r,
	 * b = 0.25 - 0.05 r, c = -65, d = 2), r uniform per neuron; all-to-all pulse synapses (self-connections
	 * included), weights U(0, 0.5) from excitatory and U(-1, 0) from inhibitory neurons, 1 ms delay; a
	 * fresh thalamic input 5 N(0,1) (excitatory) and 2 N(0,1) (inhibitory) each 1 ms step; v integrated in
	 * two 0.5 ms Euler half-steps, u in one. Tunable: {@code exc.bias} (I_E), {@code inh.bias} (I_I),
	 * {@code exc.noise}, {@code inh.noise} and the four projections' gains.
	 */
	public static NetworkSpec izhikevich2003() {
		return izhikevich2003(800, 200, Topology.allToAll(), Topology.allToAll());
	}

	/**
	 * The same neurons and weight distributions with {@code n} neurons (80% excitatory), each receiving
	 * exactly {@code inDegree} random inputs, 80% of them excitatory: at {@code n = inDegree = 1000} the
	 * statistics of {@link #izhikevich2003()}. Used for scaling benchmarks.
	 */
	public static NetworkSpec izhikevich2003Sparse(final int n, final int inDegree) {
		final int excitatory = n * 4 / 5;
		final int inhibitory = n - excitatory;
		final int fromExcitatory = inDegree * 4 / 5;
		final int fromInhibitory = inDegree - fromExcitatory;
		return izhikevich2003(excitatory, inhibitory, new Topology.FixedInDegree(fromExcitatory, true),
			new Topology.FixedInDegree(fromInhibitory, true)).withName(IZHIKEVICH_2003 + "-sparse-" + n + "-" +
				inDegree);
	}

	/**
	 * The same neurons and weight distributions, {@code excitatory} + {@code inhibitory} neurons, every
	 * pair connected with probability {@code p} (self-connections excluded), so each projection's
	 * probability is tunable ({@code ee.p}...) besides its gain. The ground truth of the network-fitting
	 * study of SpikeNetOpt (200 + 50 neurons).
	 */
	public static NetworkSpec izhikevich2003Random(final int excitatory, final int inhibitory, final double p) {
		final Topology topology = new Topology.FixedProbability(p, false);
		return izhikevich2003(excitatory, inhibitory, topology, topology).withName(IZHIKEVICH_2003 + "-random-" +
			excitatory + "-" + inhibitory);
	}

	private static NetworkSpec izhikevich2003(final int excitatory, final int inhibitory,
		final Topology fromExcitatory, final Topology fromInhibitory)
	{
		final Izhikevich exc = new Izhikevich(ParameterValue.of(0.02), ParameterValue.of(0.2), ParameterValue
			.sharedRandom(-65, 15, 2), ParameterValue.sharedRandom(8, -6, 2), ParameterValue.of(30), ParameterValue
				.of(-65));
		final Izhikevich inh = new Izhikevich(ParameterValue.sharedRandom(0.02, 0.08, 1), ParameterValue
			.sharedRandom(0.25, -0.05, 1), ParameterValue.of(-65), ParameterValue.of(2), ParameterValue.of(30),
			ParameterValue.of(-65));
		final List<NeuronGroup> groups = List.of(new NeuronGroup("exc", excitatory, exc, 0, 5, 2), new NeuronGroup(
			"inh", inhibitory, inh, 0, 2, 2));
		final Weights excWeights = Weights.uniform(0, 0.5);
		final Weights inhWeights = Weights.uniform(-1, 0);
		final List<Projection> projections = List.of( //
			Projection.of("ee", "exc", "exc", fromExcitatory, excWeights), //
			Projection.of("ei", "exc", "inh", fromExcitatory, excWeights), //
			Projection.of("ie", "inh", "exc", fromInhibitory, inhWeights), //
			Projection.of("ii", "inh", "inh", fromInhibitory, inhWeights));
		return NetworkSpec.of(IZHIKEVICH_2003, 1.0, groups, projections);
	}
}
