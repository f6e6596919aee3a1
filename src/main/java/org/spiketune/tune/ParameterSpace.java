package org.spiketune.tune;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.spiketune.model.Checks;
import org.spiketune.model.NetworkSpec;

/**
 * The genes of a tuning run: named parameters of a network with their ranges. An individual is a point in
 * [0, 1)^n, decoded into one batch member's parameter values.
 */
public record ParameterSpace(List<ParameterRange> ranges) {

	public ParameterSpace {
		ranges = List.copyOf(Checks.noNulls("parameter ranges", ranges));
		if (ranges.isEmpty()) throw new IllegalArgumentException("nothing to tune: give at least one parameter");
		final Set<String> names = new HashSet<>();
		for (final ParameterRange r : ranges) {
			if (!names.add(r.name())) throw new IllegalArgumentException("parameter " + r.name() + " is tuned twice");
		}
	}

	public static ParameterSpace of(final ParameterRange... ranges) {
		return new ParameterSpace(List.of(ranges));
	}

	/**
	 * Parses {@code "exc.bias=-5:5, ee.gain=0.1:10:log"}: name=min:max[:log], separated by ',' or ';'.
	 */
	public static ParameterSpace parse(final String text) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("nothing to tune: give parameters as name=min:max, e.g. exc.bias=-5:5");
		}
		final List<ParameterRange> ranges = new ArrayList<>();
		for (final String part : text.split("[,;]")) {
			if (part.isBlank()) continue;
			final String item = part.trim();
			final int eq = item.indexOf('=');
			final String[] bounds = eq > 0 ? item.substring(eq + 1).split(":") : new String[0];
			if (eq <= 0 || bounds.length < 2 || bounds.length > 3 || bounds.length == 3 && !bounds[2].trim()
				.equalsIgnoreCase("log") && !bounds[2].trim().equalsIgnoreCase("linear"))
			{
				throw new IllegalArgumentException("tuned parameter '" + item +
					"' must look like name=min:max or name=min:max:log, e.g. exc.bias=-5:5");
			}
			final String name = item.substring(0, eq).trim();
			final double min = number(name, bounds[0]), max = number(name, bounds[1]);
			final boolean log = bounds.length == 3 && bounds[2].trim().equalsIgnoreCase("log");
			ranges.add(log ? ParameterRange.log(name, min, max) : ParameterRange.linear(name, min, max));
		}
		return new ParameterSpace(ranges);
	}

	private static double number(final String name, final String text) {
		try {
			return Double.parseDouble(text.trim());
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException("bound of " + name + " is not a number: '" + text.trim() + "'");
		}
	}

	/** Throws, naming the unknown parameters and the known ones, unless every name exists in the network. */
	public ParameterSpace checkAgainst(final NetworkSpec network) {
		final List<String> unknown = names().stream().filter(n -> !network.hasParameter(n)).toList();
		if (!unknown.isEmpty()) {
			throw new IllegalArgumentException("network '" + network.name() + "' has no parameter(s) " + unknown +
				"; tunable: " + String.join(", ", network.parameterNames()));
		}
		return this;
	}

	/**
	 * The space zoomed in on {@code center}: each range cut to {@code fraction} of its width (in its own
	 * scale, so log ranges shrink by a factor), centred on the center's value and kept within the old
	 * bounds. For a second, finer run started from a first run's best.
	 */
	public ParameterSpace narrowedAround(final Map<String, Double> center, final double fraction) {
		if (!(fraction > 0 && fraction <= 1)) {
			throw new IllegalArgumentException("zoom fraction must be in (0, 1], got " + fraction);
		}
		final List<ParameterRange> out = new ArrayList<>();
		for (final ParameterRange r : ranges) {
			final Double value = center.get(r.name());
			if (value == null) throw new IllegalArgumentException("the center has no value for " + r.name());
			final double u = Math.min(1, Math.max(0, r.unit(value)));
			final double lo = Math.max(0, Math.min(1 - fraction, u - fraction / 2));
			out.add(new ParameterRange(r.name(), r.value(lo), r.value(lo + fraction), r.scale()));
		}
		return new ParameterSpace(out);
	}

	public int size() {
		return ranges.size();
	}

	public List<String> names() {
		return ranges.stream().map(ParameterRange::name).toList();
	}

	/** The parameter values of the point {@code unit} (one coordinate per range, each in [0, 1]). */
	public double[] values(final double[] unit) {
		if (unit.length != ranges.size()) {
			throw new IllegalArgumentException(unit.length + " coordinates for " + ranges.size() + " parameters");
		}
		final double[] values = new double[unit.length];
		for (int i = 0; i < unit.length; i++) values[i] = ranges.get(i).value(unit[i]);
		return values;
	}

	/** The named parameter values of the point {@code unit}, for a batch member. */
	public Map<String, Double> decode(final double[] unit) {
		final double[] values = values(unit);
		final Map<String, Double> map = new LinkedHashMap<>();
		for (int i = 0; i < values.length; i++) map.put(ranges.get(i).name(), values[i]);
		return map;
	}

	@Override
	public String toString() {
		return ranges.stream().map(ParameterRange::toString).collect(Collectors.joining(", "));
	}
}
