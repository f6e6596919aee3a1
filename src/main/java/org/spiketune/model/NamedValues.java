package org.spiketune.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** Parses parameter assignments such as {@code "exc.bias=-1.5, inh.bias=0.5"} (',' or ';' between them). */
public final class NamedValues {

	private NamedValues() {}

	public static Map<String, Double> parse(final String text) {
		final Map<String, Double> values = new LinkedHashMap<>();
		if (text == null || text.isBlank()) return values;
		for (final String part : text.split("[,;]")) {
			if (part.isBlank()) continue;
			final int eq = part.indexOf('=');
			if (eq <= 0) {
				throw new IllegalArgumentException("parameter assignment '" + part.trim() +
					"' must look like name=value, e.g. exc.bias=-1.5");
			}
			final String name = part.substring(0, eq).trim();
			final String value = part.substring(eq + 1).trim();
			try {
				values.put(name, Double.parseDouble(value));
			}
			catch (final NumberFormatException e) {
				throw new IllegalArgumentException("value of parameter '" + name + "' is not a number: '" + value + "'");
			}
		}
		return values;
	}
}
