package org.spiketune.objective;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.spiketune.model.Checks;
import org.spiketune.sim.MemberResult;
import org.spiketune.sim.PopulationRates;

/**
 * The firing-rate objective of Ezenwe et al. (2020): the error |r - target| (Hz) between a population-mean
 * rate over the whole run and its target, for the whole network (all neurons that are not spike sources)
 * or per group, where the value is the sum of the groups' errors and each group's error is an objective of
 * its own (for NSGA-II). Components: each measured rate, then each error.
 */
public final class RateTarget implements Objective {

	/** The key naming the whole network in {@link #perGroup}. */
	public static final String NETWORK = "network";

	private final Map<String, Double> targets;

	private RateTarget(final Map<String, Double> targets) {
		if (targets.isEmpty()) throw new IllegalArgumentException("rate-target needs at least one target");
		for (final Map.Entry<String, Double> e : targets.entrySet()) {
			Checks.nonNegative("rate target of " + e.getKey() + " (Hz)", e.getValue());
		}
		this.targets = new LinkedHashMap<>(targets);
	}

	/** The whole network's mean rate to {@code hz}. */
	public static RateTarget of(final double hz) {
		return new RateTarget(Map.of(NETWORK, hz));
	}

	/** Groups' mean rates (or {@link #NETWORK}'s) to their targets, in map order. */
	public static RateTarget perGroup(final Map<String, Double> hzByGroup) {
		return new RateTarget(hzByGroup);
	}

	/**
	 * Parses {@code "5"} (the whole network to 5 Hz) or {@code "exc=5, inh=20"} (per group; the key
	 * {@code network} names the whole network).
	 */
	public static RateTarget parse(final String text) {
		Checks.notNull("rate target", text);
		final String t = text.trim();
		if (!t.contains("=")) {
			try {
				return of(Double.parseDouble(t));
			}
			catch (final NumberFormatException e) {
				throw new IllegalArgumentException("rate target must be a rate in Hz or group=Hz pairs, e.g. 5 or " +
					"exc=5, inh=20; got '" + text + "'");
			}
		}
		return perGroup(org.spiketune.model.NamedValues.parse(t));
	}

	public Map<String, Double> targets() {
		return new LinkedHashMap<>(targets);
	}

	@Override
	public String name() {
		return "rate-target";
	}

	@Override
	public String fitnessLabel() {
		return "rate error |rate - target| (Hz)";
	}

	@Override
	public boolean minimize() {
		return true;
	}

	@Override
	public List<String> components() {
		final List<String> names = new ArrayList<>();
		for (final String g : targets.keySet()) names.add("rate_" + g + "_hz");
		for (final String g : targets.keySet()) names.add("error_" + g + "_hz");
		return names;
	}

	@Override
	public List<String> objectives() {
		final List<String> names = new ArrayList<>();
		for (final String g : targets.keySet()) names.add("error_" + g + "_hz");
		return names;
	}

	@Override
	public Score score(final MemberResult result) {
		final PopulationRates rates = result.rates();
		final int n = targets.size();
		final double[] components = new double[2 * n];
		final double[] errors = new double[n];
		double total = 0;
		int i = 0;
		for (final Map.Entry<String, Double> e : targets.entrySet()) {
			final double rate = e.getKey().equals(NETWORK) ? rates.meanRateHz() : rates.meanRateHz(e.getKey());
			if (!Double.isFinite(rate)) return Score.failed("rate of " + e.getKey() + " is " + rate, worst(), 2 * n, n);
			errors[i] = Math.abs(rate - e.getValue());
			components[i] = rate;
			components[n + i] = errors[i];
			total += errors[i];
			i++;
		}
		return Score.of(total, components, errors);
	}

	@Override
	public String toString() {
		return "rate-target " + targets;
	}
}
