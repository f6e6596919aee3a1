package org.spiketune.sim;

import java.util.Map;
import java.util.TreeMap;

import org.spiketune.model.Checks;

/**
 * One network of a batch: its seed (the key of all its noise and Poisson input) and the named parameters
 * it sets (see {@link org.spiketune.model.NetworkSpec#parameterNames()}). A member's result depends only on
 * these, never on the other members of the batch or its position in it.
 */
public record Member(long seed, Map<String, Double> parameters) implements java.io.Serializable {

	public Member {
		Checks.notNull("member parameters", parameters);
		final TreeMap<String, Double> copy = new TreeMap<>();
		for (final Map.Entry<String, Double> e : parameters.entrySet()) {
			Checks.notNull("parameter name", e.getKey());
			Checks.finite("member parameter " + e.getKey(), Checks.notNull("value of " + e.getKey(), e
				.getValue()));
			copy.put(e.getKey(), e.getValue());
		}
		parameters = java.util.Collections.unmodifiableSortedMap(copy);
	}

	public static Member of(final long seed) {
		return new Member(seed, Map.of());
	}

	public static Member of(final long seed, final Map<String, Double> parameters) {
		return new Member(seed, parameters);
	}
}
