package org.spiketune.io;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * A value of a parsed JSON tree with its path from the root ({@code groups[1].model.a}), so that every
 * complaint about a hand-written file says where the problem is. Reading a missing, mistyped or
 * out-of-range value throws {@link JsonValue.Problem}.
 */
record JsonValue(JsonElement element, String path) {

	/** What is wrong with a JSON file and where. */
	static final class Problem extends IllegalArgumentException {

		private static final long serialVersionUID = 1L;

		Problem(final String path, final String message) {
			super((path.isEmpty() ? "" : path + ": ") + message);
		}
	}

	static JsonValue root(final JsonElement element) {
		return new JsonValue(element, "");
	}

	Problem problem(final String message) {
		return new Problem(path, message);
	}

	boolean isNumber() {
		return element instanceof JsonPrimitive p && p.isNumber();
	}

	boolean isObject() {
		return element instanceof JsonObject;
	}

	boolean isArray() {
		return element instanceof JsonArray;
	}

	JsonObject object() {
		if (element instanceof JsonObject o) return o;
		throw problem("expected an object {...}, got " + describe());
	}

	/** The object's member, which must be there. */
	JsonValue get(final String key) {
		final JsonElement value = object().get(key);
		if (value == null || value.isJsonNull()) throw new Problem(child(key), "missing");
		return new JsonValue(value, child(key));
	}

	boolean has(final String key) {
		final JsonElement value = object().get(key);
		return value != null && !value.isJsonNull();
	}

	/** Refuses keys other than {@code allowed}: a misspelt key would otherwise be ignored silently. */
	JsonValue onlyKeys(final Set<String> allowed) {
		final Set<String> unknown = new TreeSet<>(object().keySet());
		unknown.removeAll(allowed);
		if (!unknown.isEmpty()) {
			throw problem("unknown key" + (unknown.size() > 1 ? "s " : " ") + unknown + "; allowed: " + new TreeSet<>(
				allowed));
		}
		return this;
	}

	List<JsonValue> elements() {
		if (!(element instanceof JsonArray array)) throw problem("expected an array [...], got " + describe());
		final List<JsonValue> values = new ArrayList<>(array.size());
		for (int i = 0; i < array.size(); i++) values.add(new JsonValue(array.get(i), path + "[" + i + "]"));
		return values;
	}

	String string() {
		if (element instanceof JsonPrimitive p && p.isString()) return p.getAsString();
		throw problem("expected a string, got " + describe());
	}

	boolean bool() {
		if (element instanceof JsonPrimitive p && p.isBoolean()) return p.getAsBoolean();
		throw problem("expected true or false, got " + describe());
	}

	/** A finite number (a literal too large for a double is refused, not read as infinity). */
	double number() {
		if (!isNumber()) throw problem("expected a number, got " + describe());
		final double value = element.getAsDouble();
		if (!Double.isFinite(value)) throw problem("the number " + element + " is out of range");
		return value;
	}

	/** A whole number in {@code [minimum, Integer.MAX_VALUE]}. */
	int integer(final int minimum) {
		if (!isNumber()) throw problem("expected a whole number, got " + describe());
		final BigDecimal value;
		try {
			value = new BigDecimal(element.getAsString());
		}
		catch (final NumberFormatException | ArithmeticException e) {
			throw problem("expected a whole number, got " + describe());
		}
		if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
			throw problem("expected a whole number, got " + element);
		}
		if (value.compareTo(BigDecimal.valueOf(minimum)) < 0 || value.compareTo(BigDecimal.valueOf(
			Integer.MAX_VALUE)) > 0)
		{
			throw problem("expected a whole number from " + minimum + " to " + Integer.MAX_VALUE + ", got " + element);
		}
		return value.intValueExact();
	}

	double number(final String key, final double absent) {
		return has(key) ? get(key).number() : absent;
	}

	/** Numbers of an array, each finite. */
	double[] numbers() {
		final List<JsonValue> values = elements();
		final double[] result = new double[values.size()];
		for (int i = 0; i < result.length; i++) result[i] = values.get(i).number();
		return result;
	}

	private String child(final String key) {
		return path.isEmpty() ? key : path + "." + key;
	}

	private String describe() {
		if (element == null || element.isJsonNull()) return "null";
		if (element instanceof JsonObject) return "an object";
		if (element instanceof JsonArray) return "an array";
		final String text = element.toString();
		return text.length() > 40 ? text.substring(0, 40) + "..." : text;
	}
}
