package org.spiketune.fiji;

import java.util.List;

import ij.measure.ResultsTable;

import org.spiketune.tune.GenerationStats;
import org.spiketune.tune.Sweeps;

/** Results as ImageJ 1 tables, the table type Fiji users know; imglib2 has none and scijava-table is not on Central. */
public final class ResultsTables {

	private ResultsTables() {}

	/** One row per generation: best, mean, sd, diversity, the best parameters, evaluations and time. */
	public static ResultsTable generations(final List<GenerationStats> generations, final List<String> names) {
		final ResultsTable table = new ResultsTable();
		for (final GenerationStats g : generations) {
			table.incrementCounter();
			table.addValue("generation", g.generation());
			table.addValue("best", g.best());
			table.addValue("mean", g.mean());
			table.addValue("sd", g.sd());
			table.addValue("diversity", g.diversity());
			for (int i = 0; i < names.size(); i++) table.addValue(names.get(i), g.bestValues()[i]);
			table.addValue("evaluations", g.evaluations());
			table.addValue("simulate_ms", g.simulateMs());
			table.addValue("evolve_ms", g.evolveMs());
		}
		return table;
	}

	/** One row per value of a sweep: runs, final and validated error (mean and sd). */
	public static ResultsTable sweep(final Sweeps.Result result) {
		final ResultsTable table = new ResultsTable();
		for (final Sweeps.Point p : result.points()) {
			table.incrementCounter();
			table.addValue(result.setting().name().toLowerCase(), p.value());
			table.addValue("runs", p.finalErrors().length);
			table.addValue("final_mean", p.finalMean());
			table.addValue("final_sd", p.finalSd());
			table.addValue("validated_mean", p.validatedMean());
			table.addValue("validated_sd", p.validatedSd());
		}
		return table;
	}

	/**
	 * Shows and saves {@code columns} with 9 decimals instead of ImageJ's 3, at which the V1 study's fitness
	 * (about 0.001) would read 0.001 for every network; columns not in the table are left alone.
	 */
	public static ResultsTable precise(final ResultsTable table, final String... columns) {
		for (final String column : columns) {
			final int index = table.getColumnIndex(column);
			if (index != ResultsTable.COLUMN_NOT_FOUND) table.setDecimalPlaces(index, 9);
		}
		return table;
	}

	/** Parameter values as {@code name=value, ...}, in the map's order (the commands' "best" output). */
	public static String parameters(final java.util.Map<String, Double> values) {
		return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(java.util.stream.Collectors
			.joining(", "));
	}

	/**
	 * A table output as text for the command line: its size, then the rows tab-separated under their column
	 * headings; null when {@code value} is not a table.
	 */
	public static String text(final Object value) {
		if (!(value instanceof ResultsTable table)) return null;
		final StringBuilder text = new StringBuilder("table, " + table.size() + " row(s)\n" + table
			.getColumnHeadings().trim());
		for (int row = 0; row < table.size(); row++) text.append('\n').append(table.getRowAsString(row).trim());
		return text.toString();
	}
}
