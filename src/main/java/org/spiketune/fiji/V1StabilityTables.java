package org.spiketune.fiji;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import ij.measure.ResultsTable;

import org.spiketune.objective.V1Tuning;
import org.spiketune.tune.V1Study;

/** The columns every V1 stability table gives a run, from its test rates alone (so pooled runs have them too). */
final class V1StabilityTables {

	private V1StabilityTables() {}

	/**
	 * Adds a row for {@code run}: seed, fitness and its parts, whether it is well tuned and with how many distinct
	 * angles, each output neuron's preferred angle and peak rate, and their mean orientation selectivity.
	 */
	static void addRun(final ResultsTable table, final V1Study.TestedRun run) {
		final V1Tuning.Fitness f = run.fitness();
		table.incrementCounter();
		table.addValue("seed", Long.toString(run.seed()));
		table.addValue("fitness", f.value());
		table.addValue("decorrelation", f.decorrelation());
		table.addValue("gaussian_hz", f.gaussian());
		table.addValue("max_rate_hz", f.maxRate());
		table.addValue("well_tuned", f.wellTuned() ? 1 : 0);
		table.addValue("distinct_angles", run.distinctPreferred());
		table.addValue("preferred_deg", Arrays.stream(f.preferred()).mapToObj(a -> String.format(Locale.ROOT, "%.1f",
			Math.toDegrees(a))).collect(Collectors.joining("/")));
		table.addValue("peak_hz", Arrays.stream(f.maxRates()).mapToObj(r -> String.format(Locale.ROOT, "%.1f", r))
			.collect(Collectors.joining("/")));
		final double[] angles = run.angles();
		table.addValue("mean_selectivity", Arrays.stream(run.rates()).mapToDouble(r -> V1Tuning.selectivity(r, angles))
			.average().orElse(0));
		ResultsTables.precise(table, "fitness");
	}
}
