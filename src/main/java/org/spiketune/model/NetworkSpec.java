package org.spiketune.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A whole network: groups (neurons are numbered group by group, in list order), projections, stimuli and
 * the time step. Every tunable quantity has a name, {@code <group>.<parameter>} or
 * {@code <projection>.gain}, through which batches and optimizers set it without rebuilding the structure.
 *
 * @implNote Immutable; the {@code with...} methods return copies.
 */
public record NetworkSpec(String name, double dtMs, List<NeuronGroup> groups, List<Projection> projections,
	List<Stimulus> stimuli)
{

	/** Parameters every non-source group has besides its model's. */
	public static final List<String> GROUP_PARAMETERS = List.of("bias", "noise", "gain");

	/** The parameter name of a fixed-probability projection's connection probability. */
	public static final String CONNECTION_PROBABILITY = "p";

	public NetworkSpec {
		Checks.notNull("network name", name);
		Checks.positive("dtMs", dtMs);
		groups = List.copyOf(Checks.noNulls("groups", groups));
		projections = List.copyOf(Checks.noNulls("projections", projections));
		stimuli = List.copyOf(Checks.noNulls("stimuli", stimuli));
		if (groups.isEmpty()) throw new IllegalArgumentException("network '" + name + "' has no groups");
		validate(dtMs, groups, projections, stimuli);
	}

	public static NetworkSpec of(final String name, final double dtMs, final List<NeuronGroup> groups,
		final List<Projection> projections)
	{
		return new NetworkSpec(name, dtMs, groups, projections, List.of());
	}

	// -- Structure --

	public int neuronCount() {
		int n = 0;
		for (final NeuronGroup g : groups) n += g.size();
		return n;
	}

	public NeuronGroup group(final String groupName) {
		return groups.get(groupIndex(groupName));
	}

	public int groupIndex(final String groupName) {
		for (int i = 0; i < groups.size(); i++) {
			if (groups.get(i).name().equals(groupName)) return i;
		}
		throw new IllegalArgumentException("network '" + name + "' has no group '" + groupName + "'; groups: " +
			groups.stream().map(NeuronGroup::name).toList());
	}

	/** Index of the group's first neuron. */
	public int groupOffset(final String groupName) {
		final int index = groupIndex(groupName);
		int offset = 0;
		for (int i = 0; i < index; i++) offset += groups.get(i).size();
		return offset;
	}

	public Projection projection(final String projectionName) {
		for (final Projection p : projections) {
			if (p.name().equals(projectionName)) return p;
		}
		throw new IllegalArgumentException("network '" + name + "' has no projection '" + projectionName + "'");
	}

	public NetworkSpec withDt(final double value) {
		return new NetworkSpec(name, value, groups, projections, stimuli);
	}

	public NetworkSpec withName(final String value) {
		return new NetworkSpec(value, dtMs, groups, projections, stimuli);
	}

	public NetworkSpec withStimuli(final List<Stimulus> value) {
		return new NetworkSpec(name, dtMs, groups, projections, value);
	}

	/** A copy with the group of the same name replaced. */
	public NetworkSpec withGroup(final NeuronGroup group) {
		final List<NeuronGroup> copy = new ArrayList<>(groups);
		copy.set(groupIndex(group.name()), group);
		return new NetworkSpec(name, dtMs, copy, projections, stimuli);
	}

	/** A copy with the projection of the same name replaced. */
	public NetworkSpec withProjection(final Projection projection) {
		final List<Projection> copy = new ArrayList<>(projections);
		copy.set(copy.indexOf(projection(projection.name())), projection);
		return new NetworkSpec(name, dtMs, groups, copy, stimuli);
	}

	// -- Named parameters --

	/**
	 * All tunable parameter names, groups first: {@code <group>.bias|noise|gain} and the model's parameters,
	 * then {@code <projection>.gain} and, for fixed-probability projections, the structural
	 * {@code <projection>.p}. A name may also use {@code *} in its first part ({@code *.a},
	 * {@code sweep*.gain}) to set the parameter of every matching group or projection at once.
	 */
	public List<String> parameterNames() {
		final List<String> names = new ArrayList<>();
		for (final NeuronGroup g : groups) {
			if (!g.model().isSource()) {
				for (final String p : GROUP_PARAMETERS) names.add(g.name() + "." + p);
			}
			for (final String p : g.model().parameterNames()) names.add(g.name() + "." + p);
		}
		for (final Projection p : projections) {
			names.add(p.name() + ".gain");
			if (p.topology() instanceof Topology.FixedProbability) names.add(p.name() + "." + CONNECTION_PROBABILITY);
			if (p.isPlastic()) {
				for (final String q : p.plasticity().parameterNames()) names.add(p.name() + "." + q);
			}
		}
		return names;
	}

	/** True when {@code parameterName}, or every name its pattern matches (at least one), is tunable. */
	public boolean hasParameter(final String parameterName) {
		try {
			return !expand(parameterName).isEmpty();
		}
		catch (final IllegalArgumentException e) {
			return false;
		}
	}

	/**
	 * True for a parameter that changes the network's structure (a connection probability): it must be set
	 * on the network a batch is built from, not per batch member.
	 */
	public boolean isStructural(final String parameterName) {
		for (final String name : expand(parameterName)) {
			final String[] parts = split(name);
			for (final Projection p : projections) {
				if (p.name().equals(parts[0]) && parts[1].equals(CONNECTION_PROBABILITY)) return true;
			}
		}
		return false;
	}

	/** The current value of a named parameter; NaN for a per-neuron distribution or differing matches. */
	public double parameter(final String parameterName) {
		double value = Double.NaN;
		boolean first = true;
		for (final String name : expand(parameterName)) {
			final double v = single(name);
			if (first) value = v;
			else if (Double.compare(v, value) != 0) return Double.NaN;
			first = false;
		}
		return value;
	}

	private double single(final String parameterName) {
		final String[] parts = split(parameterName);
		for (final Projection p : projections) {
			if (p.name().equals(parts[0])) {
				if (parts[1].equals("gain")) return p.gain();
				if (parts[1].equals(CONNECTION_PROBABILITY)) return ((Topology.FixedProbability) p.topology()).p();
				return p.plasticity().parameter(parts[1]);
			}
		}
		final NeuronGroup g = groupFor(parameterName, parts[0]);
		return switch (parts[1]) {
			case "bias" -> g.bias();
			case "noise" -> g.noise();
			case "gain" -> g.gain();
			default -> g.model().parameter(parts[1]).constantValue();
		};
	}

	/** A copy with a named parameter (or every match of its pattern) set to {@code value}. */
	public NetworkSpec withParameter(final String parameterName, final double value) {
		Checks.finite("parameter " + parameterName, value);
		NetworkSpec spec = this;
		for (final String name : expand(parameterName)) spec = spec.withSingleParameter(name, value);
		return spec;
	}

	private NetworkSpec withSingleParameter(final String parameterName, final double value) {
		final String[] parts = split(parameterName);
		for (final Projection p : projections) {
			if (p.name().equals(parts[0])) {
				if (parts[1].equals("gain")) return withProjection(p.withGain(value));
				if (!parts[1].equals(CONNECTION_PROBABILITY)) {
					return withProjection(p.withPlasticity(p.plasticity().withParameter(parts[1], value)));
				}
				final Topology.FixedProbability f = (Topology.FixedProbability) p.topology();
				return withProjection(p.withTopology(new Topology.FixedProbability(value, f.selfConnections())));
			}
		}
		final NeuronGroup g = groupFor(parameterName, parts[0]);
		switch (parts[1]) {
			case "bias":
				return withGroup(g.withBias(value));
			case "noise":
				return withGroup(g.withNoise(value));
			case "gain":
				return withGroup(g.withGain(value));
			default:
				final int index = g.model().parameterIndex(parts[1]);
				g.model().checkValue(index, value, "group '" + g.name() + "': ");
				return withGroup(g.withModel(g.model().withParameter(parts[1], ParameterValue.of(value))));
		}
	}

	/** A copy with every named parameter of {@code values} set. */
	public NetworkSpec withParameters(final Map<String, Double> values) {
		NetworkSpec spec = this;
		for (final Map.Entry<String, Double> e : new LinkedHashMap<>(values).entrySet()) {
			spec = spec.withParameter(e.getKey(), Checks.notNull("value of " + e.getKey(), e.getValue()));
		}
		return spec;
	}

	/** The tunable names a name or pattern stands for; throws, listing the known names, if none. */
	private List<String> expand(final String parameterName) {
		final String[] parts = split(parameterName);
		final List<String> known = parameterNames();
		if (!parts[0].contains("*")) {
			if (!known.contains(parameterName)) throw unknown(parameterName);
			return List.of(parameterName);
		}
		final java.util.regex.Pattern owner = java.util.regex.Pattern.compile(("\\Q" + parts[0] + "\\E").replace(
			"*", "\\E.*\\Q"));
		final List<String> matches = known.stream().filter(n -> {
			final String[] p = split(n);
			return p[1].equals(parts[1]) && owner.matcher(p[0]).matches();
		}).toList();
		if (matches.isEmpty()) throw unknown(parameterName);
		return matches;
	}

	private String[] split(final String parameterName) {
		Checks.notNull("parameter name", parameterName);
		final int dot = parameterName.indexOf('.');
		if (dot <= 0 || dot == parameterName.length() - 1) throw unknown(parameterName);
		return new String[] { parameterName.substring(0, dot), parameterName.substring(dot + 1) };
	}

	private NeuronGroup groupFor(final String parameterName, final String groupName) {
		for (final NeuronGroup g : groups) {
			if (g.name().equals(groupName)) return g;
		}
		throw unknown(parameterName);
	}

	private IllegalArgumentException unknown(final String parameterName) {
		return new IllegalArgumentException("network '" + name + "' has no parameter '" + parameterName +
			"'; known: " + String.join(", ", parameterNames()));
	}

	// -- Validation --

	private static void validate(final double dtMs, final List<NeuronGroup> groups,
		final List<Projection> projections, final List<Stimulus> stimuli)
	{
		final Map<String, NeuronGroup> byName = new LinkedHashMap<>();
		long total = 0;
		for (final NeuronGroup g : groups) {
			if (byName.put(g.name(), g) != null) {
				throw new IllegalArgumentException("two groups are named '" + g.name() + "'");
			}
			total += g.size();
		}
		if (total > Integer.MAX_VALUE - 8) {
			throw new IllegalArgumentException("network has " + total + " neurons; at most " + (Integer.MAX_VALUE -
				8) + " are supported");
		}
		final Set<String> projectionNames = new HashSet<>();
		for (final Projection p : projections) {
			final String where = "projection '" + p.name() + "'";
			if (byName.containsKey(p.name()) || !projectionNames.add(p.name())) {
				throw new IllegalArgumentException(where + ": the name is already used by a group or projection");
			}
			final NeuronGroup source = byName.get(p.source());
			final NeuronGroup target = byName.get(p.target());
			if (source == null) throw new IllegalArgumentException(where + ": no source group '" + p.source() + "'");
			if (target == null) throw new IllegalArgumentException(where + ": no target group '" + p.target() + "'");
			if (target.model().isSource()) {
				throw new IllegalArgumentException(where + ": target '" + target.name() + "' is a " + target.model()
					.kind() + " source and cannot receive synapses");
			}
			validateTopology(where, p, source, target);
			if (p.synapse().channels().getFirst() instanceof Synapse.Conductance c && smallestWeight(p.weights()) < 0) {
				throw new IllegalArgumentException(where + ": " + c.receptor() + " weights are conductances and must be " +
					">= 0 (the reversal potential " + c.reversalMv() + " mV sets the sign), got " + smallestWeight(p
						.weights()));
			}
			if (p.isPlastic()) validatePlasticity(where, p, source, target, dtMs);
			for (final int ms : new int[] { p.delay().minMs(), p.delay().maxMs() }) {
				final double steps = ms / dtMs;
				if (Math.abs(steps - Math.rint(steps)) > 1e-9 * Math.max(1, steps)) {
					throw new IllegalArgumentException(where + ": delay " + ms + " ms is not a whole number of " +
						dtMs + " ms steps");
				}
			}
		}
		final Set<String> driven = new HashSet<>();
		for (final Stimulus s : stimuli) {
			if (s instanceof Stimulus.ImageDrive drive) {
				for (final String name : drive.offGroup() == null ? List.of(drive.group()) : List.of(drive.group(), drive
					.offGroup()))
				{
					final NeuronGroup g = byName.get(name);
					final String where = "image drive of '" + name + "'";
					if (g == null) throw new IllegalArgumentException(where + ": no such group");
					if (!(g.model() instanceof PoissonSource)) {
						throw new IllegalArgumentException(where + ": images drive Poisson groups, '" + name + "' is " + g
							.model().kind());
					}
					if (g.size() != drive.frameSize()) {
						throw new IllegalArgumentException(where + ": frames have " + drive.frameSize() + " values for " + g
							.size() + " neurons");
					}
					if (!driven.add(name)) throw new IllegalArgumentException(where + ": the group is driven twice");
				}
				continue;
			}
			final NeuronGroup g = byName.get(s.group());
			if (g == null) throw new IllegalArgumentException("stimulus " + s + ": no group '" + s.group() + "'");
			if (g.model().isSource()) {
				throw new IllegalArgumentException("stimulus " + s + ": group '" + g.name() + "' is a source");
			}
		}
	}

	/**
	 * Learning needs one weight per source and target pair (a dense matrix, as in the V1 study): an all-to-all
	 * projection with one delay, between two groups or with self-connections; its initial weights must lie in
	 * the learning bounds, and the application interval must be whole steps.
	 */
	private static void validatePlasticity(final String where, final Projection p, final NeuronGroup source,
		final NeuronGroup target, final double dtMs)
	{
		final boolean sameGroup = source.name().equals(target.name());
		if (!(p.topology() instanceof Topology.AllToAll all) || (sameGroup && !all.selfConnections()) || !p.delay()
			.isConstant())
		{
			throw new IllegalArgumentException(where + ": plasticity needs an all-to-all projection with one delay" + (
				sameGroup ? " and self-connections" : "") + "; got " + p.topology() + " with delay " + p.delay());
		}
		final Plasticity rule = p.plasticity();
		final double every = rule.applyEveryMs() / dtMs;
		if (Math.abs(every - Math.rint(every)) > 1e-9 * Math.max(1, every)) {
			throw new IllegalArgumentException(where + ": plasticity applyEveryMs " + rule.applyEveryMs() + " is not a " +
				"whole number of " + dtMs + " ms steps");
		}
		final double low = smallestWeight(p.weights()), high = largestWeight(p.weights());
		if (low < rule.minWeight() || high > rule.maxWeight()) {
			throw new IllegalArgumentException(where + ": initial weights [" + low + ", " + high + "] lie outside the " +
				"plasticity bounds [" + rule.minWeight() + ", " + rule.maxWeight() + "]");
		}
	}

	private static double largestWeight(final Weights weights) {
		return switch (weights) {
			case Weights.Constant c -> c.value();
			case Weights.UniformRange u -> u.high();
			case Weights.Explicit e -> java.util.Arrays.stream(e.values()).max().orElse(0);
		};
	}

	private static double smallestWeight(final Weights weights) {
		return switch (weights) {
			case Weights.Constant c -> c.value();
			case Weights.UniformRange u -> u.low();
			case Weights.Explicit e -> java.util.Arrays.stream(e.values()).min().orElse(0);
		};
	}

	private static void validateTopology(final String where, final Projection p, final NeuronGroup source,
		final NeuronGroup target)
	{
		final boolean sameGroup = source.name().equals(target.name());
		long synapses = -1;
		switch (p.topology()) {
			case Topology.OneToOne o -> {
				if (source.size() != target.size()) {
					throw new IllegalArgumentException(where + ": one-to-one needs groups of equal size, got " + source
						.size() + " and " + target.size());
				}
				synapses = source.size();
			}
			case Topology.AllToAll a -> synapses = (long) source.size() * target.size() - (sameGroup && !a
				.selfConnections() ? source.size() : 0);
			case Topology.FixedInDegree f -> {
				final int available = source.size() - (sameGroup && !f.selfConnections() ? 1 : 0);
				if (f.k() > available) {
					throw new IllegalArgumentException(where + ": in-degree " + f.k() + " exceeds the " + available +
						" available sources");
				}
			}
			case Topology.FixedProbability f -> {}
		}
		if (p.weights() instanceof Weights.Explicit e) {
			if (synapses < 0) {
				throw new IllegalArgumentException(where + ": explicit weights need an all-to-all or one-to-one " +
					"topology, whose synapse count is known in advance");
			}
			if (e.count() != synapses) {
				throw new IllegalArgumentException(where + ": " + e.count() + " explicit weights for " + synapses +
					" synapses");
			}
		}
	}
}
