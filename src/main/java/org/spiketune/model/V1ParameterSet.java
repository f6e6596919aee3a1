package org.spiketune.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The named parameter sets of the V1 network ({@link CarlsonV1}) that a user can start from, each with the
 * receptors it was tuned for: a set tuned with NMDA and GABA-B gives a different network without them, so
 * {@link #slowReceptors} tells the V1 commands to turn them on. Values named by the user override the set's.
 */
public enum V1ParameterSet {

	/** The preset's defaults (AMPA and GABA-A only), under which the Exc neurons learn oriented fields. */
	PRESET("preset defaults", false),
	/**
	 * {@link CarlsonV1#tunedWithSlowReceptors}: the study's evolution strategy with NMDA and GABA-B; at 32×32
	 * with the study's protocol, 17 of 20 new networks were well tuned with sine gratings, 8 of 10 with cosine.
	 */
	TUNED_WITH_SLOW_RECEPTORS("tuned with NMDA and GABA-B", true);

	private final String label;
	private final boolean slowReceptors;

	V1ParameterSet(final String label, final boolean slowReceptors) {
		this.label = label;
		this.slowReceptors = slowReceptors;
	}

	/** The name shown in dialogs and accepted by {@link #named}. */
	public String label() {
		return label;
	}

	/** True where the set was tuned with NMDA and GABA-B, and means something else without them. */
	public boolean slowReceptors() {
		return slowReceptors;
	}

	/** The set's values for an N×N network ({@code side} pixels per side); empty for the preset's defaults. */
	public Map<String, Double> parameters(final int side) {
		return switch (this) {
			case PRESET -> Map.of();
			case TUNED_WITH_SLOW_RECEPTORS -> CarlsonV1.tunedWithSlowReceptors(side);
		};
	}

	/** The set's values with {@code overrides} in place of its own (a user's changes to a set). */
	public Map<String, Double> parameters(final int side, final Map<String, Double> overrides) {
		final Map<String, Double> merged = new LinkedHashMap<>(parameters(side));
		merged.putAll(overrides);
		return Collections.unmodifiableMap(merged);
	}

	/** The set with this {@link #label} (or enum name, any case); the error lists the sets there are. */
	public static V1ParameterSet named(final String name) {
		if (name == null) throw new IllegalArgumentException("no V1 parameter set given; there are: " + labels());
		for (final V1ParameterSet set : values()) {
			if (set.label.equalsIgnoreCase(name.strip()) || set.name().equalsIgnoreCase(name.strip())) return set;
		}
		throw new IllegalArgumentException("no V1 parameter set named '" + name + "'; there are: " + labels());
	}

	/** The labels of all sets, for a dialog's choices and error messages. */
	public static String labels() {
		return Arrays.stream(values()).map(V1ParameterSet::label).collect(Collectors.joining(", "));
	}

	@Override
	public String toString() {
		return label;
	}
}
