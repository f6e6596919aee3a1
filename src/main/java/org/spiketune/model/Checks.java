package org.spiketune.model;

import java.util.Collection;
import java.util.regex.Pattern;

/** Argument checks whose messages name the field and the offending value. */
public final class Checks {

	private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

	private Checks() {}

	public static double finite(final String field, final double value) {
		if (!Double.isFinite(value)) throw bad(field, "must be a finite number", value);
		return value;
	}

	public static double positive(final String field, final double value) {
		if (!(value > 0) || Double.isInfinite(value)) throw bad(field, "must be a finite number > 0", value);
		return value;
	}

	public static double nonNegative(final String field, final double value) {
		if (!(value >= 0) || Double.isInfinite(value)) throw bad(field, "must be a finite number >= 0", value);
		return value;
	}

	public static double probability(final String field, final double value) {
		if (!(value >= 0 && value <= 1)) throw bad(field, "must be a probability in [0, 1]", value);
		return value;
	}

	public static int atLeast(final String field, final int value, final int minimum) {
		if (value < minimum) throw bad(field, "must be >= " + minimum, value);
		return value;
	}

	public static String name(final String field, final String value) {
		if (value == null || !NAME.matcher(value).matches()) {
			throw new IllegalArgumentException(field + " must start with a letter and hold only letters, digits " +
				"and '_', got " + (value == null ? "null" : "'" + value + "'"));
		}
		return value;
	}

	public static <T> T notNull(final String field, final T value) {
		if (value == null) throw new IllegalArgumentException(field + " must be given, got null");
		return value;
	}

	public static <T extends Collection<?>> T noNulls(final String field, final T values) {
		notNull(field, values);
		for (final Object v : values) {
			if (v == null) throw new IllegalArgumentException(field + " must not contain null");
		}
		return values;
	}

	private static IllegalArgumentException bad(final String field, final String rule, final Object value) {
		return new IllegalArgumentException(field + " " + rule + ", got " + value);
	}
}
