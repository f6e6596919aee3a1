package org.spiketune.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;


import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.spiketune.objective.Score;
import org.spiketune.tune.Checkpoint;
import org.spiketune.tune.Evaluation;
import org.spiketune.tune.GenerationStats;
import org.spiketune.tune.ParameterRange;
import org.spiketune.tune.TuningConfig;
import org.spiketune.tune.TuningListener;
import org.spiketune.tune.TuningResult;

/**
 * A tuning run's files, written while it runs: {@code network.json} (the network tuned, before any
 * parameter is set), {@code history.csv} (every evaluated individual: generation,
 * position, kind (new, reevaluated, confirmation), parameter values, fitness, score components, seeds,
 * failure),
 * {@code generations.csv} (per generation: evaluations, best, mean, sd, diversity, best parameters, time
 * spent simulating and evolving), both flushed after every generation so a killed run keeps all completed
 * generations; at the end {@code summary.json} (configuration and result) and, for NSGA-II,
 * {@code pareto.csv}. A write failure does not stop the run: it is kept and thrown by {@link #finish}.
 */
public final class TuningFiles implements TuningListener, AutoCloseable {

	private final Path folder;
	private final TuningConfig config;
	private final CSVPrinter history;
	private final CSVPrinter generations;
	private IOException failure;

	private TuningFiles(final Path folder, final TuningConfig config, final CSVPrinter history,
		final CSVPrinter generations)
	{
		this.folder = folder;
		this.config = config;
		this.history = history;
		this.generations = generations;
	}

	/** Creates the folder and starts both CSV files with their headers. */
	public static TuningFiles open(final Path folder, final TuningConfig config) throws IOException {
		return open(folder, config, null);
	}

	/**
	 * Like {@link #open(Path, TuningConfig)}, for a run resumed from {@code resumed} (null: a fresh run): the
	 * rows its completed generations wrote are kept, those of the generation in flight when it stopped dropped.
	 */
	public static TuningFiles open(final Path folder, final TuningConfig config, final Checkpoint resumed)
		throws IOException
	{
		Files.createDirectories(folder);
		NetworkFile.write(config.network(), folder.resolve(ResultFiles.NETWORK));
		final List<String> names = config.space().names();
		final List<String> historyHeader = new ArrayList<>(List.of("generation", "index", "kind"));
		historyHeader.addAll(names);
		historyHeader.add("fitness");
		historyHeader.addAll(config.objective().components());
		historyHeader.addAll(List.of("seeds", "failure"));
		final List<String> generationHeader = new ArrayList<>(List.of("generation", "evaluations",
			"total_evaluations", "best", "mean", "sd", "diversity"));
		for (final String n : names) generationHeader.add("best_" + n);
		generationHeader.addAll(List.of("simulate_ms", "evolve_ms", "elapsed_ms"));
		final Path historyFile = folder.resolve("history.csv"), generationsFile = folder.resolve("generations.csv");
		// evaluations are labeled by evaluator call; confirmations come again at the end
		final List<List<String>> historyKept = resumed == null ? List.of() : kept(historyFile, historyHeader, r -> Long
			.parseLong(r.get(0)) < resumed.evaluatorCalls() && !r.get(2).equals("confirmation"));
		final List<List<String>> generationsKept = resumed == null ? List.of() : kept(generationsFile,
			generationHeader, r -> Long.parseLong(r.get(0)) <= resumed.generation());
		final CSVPrinter history = printer(historyFile, historyHeader);
		try {
			for (final List<String> row : historyKept) history.printRecord(row);
			final CSVPrinter generations = printer(generationsFile, generationHeader);
			for (final List<String> row : generationsKept) generations.printRecord(row);
			return new TuningFiles(folder, config, history, generations);
		}
		catch (final IOException e) {
			history.close();
			throw e;
		}
	}

	/** The rows of an earlier run's CSV file that {@code keep} accepts; none when there is no such file. */
	private static List<List<String>> kept(final Path file, final List<String> header,
		final java.util.function.Predicate<org.apache.commons.csv.CSVRecord> keep) throws IOException
	{
		if (!Files.exists(file)) return List.of();
		final List<List<String>> rows = new ArrayList<>();
		try (org.apache.commons.csv.CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
			.get().parse(Files.newBufferedReader(file, StandardCharsets.UTF_8)))
		{
			if (!csv.getHeaderNames().equals(header)) {
				throw new IOException(file + " is not this run's: its columns are " + csv.getHeaderNames());
			}
			for (final org.apache.commons.csv.CSVRecord r : csv) {
				try {
					if (r.size() == header.size() && keep.test(r)) rows.add(r.toList());
				}
				catch (final NumberFormatException e) {
					// a row cut off when the run was killed
				}
			}
		}
		catch (final IllegalStateException | java.io.UncheckedIOException e) {
			throw new IOException(file + " cannot be read to resume: " + e.getMessage(), e);
		}
		return rows;
	}

	private static CSVPrinter printer(final Path file, final List<String> header) throws IOException {
		final Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
		return CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).setRecordSeparator('\n').get()
			.print(out);
	}

	public Path folder() {
		return folder;
	}

	@Override
	public void evaluated(final Evaluation e) {
		final List<Object> row = new ArrayList<>(List.of(e.generation(), e.index(), e.kind().name().toLowerCase()));
		for (final double v : e.values()) row.add(v);
		final Score s = e.score();
		row.add(s.value());
		for (final double c : s.components()) row.add(c);
		row.add(Arrays.stream(e.seeds()).mapToObj(Long::toString).collect(Collectors.joining(";")));
		row.add(s.failed() ? s.failure() : "");
		write(history, row);
	}

	@Override
	public void generation(final GenerationStats g) {
		final List<Object> row = new ArrayList<>(List.of(g.generation(), g.evaluations(), g.totalEvaluations(), g
			.best(), g.mean(), g.sd(), g.diversity()));
		for (final double v : g.bestValues()) row.add(v);
		row.addAll(List.of(g.simulateMs(), g.evolveMs(), g.elapsedMs()));
		write(generations, row);
		flush();
	}

	private void write(final CSVPrinter csv, final List<Object> row) {
		if (failure != null) return;
		try {
			csv.printRecord(row);
		}
		catch (final IOException e) {
			failure = e;
		}
	}

	private void flush() {
		if (failure != null) return;
		try {
			history.flush();
			generations.flush();
		}
		catch (final IOException e) {
			failure = e;
		}
	}

	/** Closes the CSV files and writes summary.json (and pareto.csv); throws any earlier write failure. */
	public void finish(final TuningResult result) throws IOException {
		close();
		if (failure != null) throw new IOException("could not write the tuning history in " + folder + ": " + failure
			.getMessage(), failure);
		ResultFiles.atomically(folder.resolve("summary.json"), tmp -> ResultFiles.writeJson(summary(result), tmp));
		if (!result.pareto().isEmpty()) {
			ResultFiles.atomically(folder.resolve("pareto.csv"), tmp -> {
				final List<String> header = new ArrayList<>(config.space().names());
				header.addAll(config.objective().objectives());
				try (CSVPrinter csv = printer(tmp, header)) {
					for (final TuningResult.ParetoPoint p : result.pareto()) {
						final List<Object> row = new ArrayList<>(p.values().values());
						for (final double o : p.objectives()) row.add(o);
						csv.printRecord(row);
					}
				}
			});
		}
	}

	@Override
	public void close() {
		try {
			history.close();
		}
		catch (final IOException e) {
			if (failure == null) failure = e;
		}
		try {
			generations.close();
		}
		catch (final IOException e) {
			if (failure == null) failure = e;
		}
	}

	private Map<String, Object> summary(final TuningResult result) {
		final Map<String, Object> summary = new LinkedHashMap<>();
		final Map<String, Object> cfg = new LinkedHashMap<>();
		cfg.put("network", config.network().name());
		final Map<String, Object> ranges = new LinkedHashMap<>();
		for (final ParameterRange r : config.space().ranges()) {
			ranges.put(r.name(), Map.of("min", r.min(), "max", r.max(), "scale", r.scale().name().toLowerCase()));
		}
		cfg.put("parameters", ranges);
		cfg.put("objective", config.objective().toString());
		cfg.put("algorithm", config.algorithm().toString());
		cfg.put("termination", config.termination().toString());
		cfg.put("duration_ms", config.durationMs());
		cfg.put("seed", Long.toString(config.seed()));
		cfg.put("samples", config.noise().samples());
		cfg.put("reevaluate", config.noise().reevaluate());
		cfg.put("vary_structure", config.noise().varyStructure());
		cfg.put("confirm", config.noise().confirm());
		cfg.put("frozen_noise", config.noise().frozen());
		summary.put("config", cfg);
		final Map<String, Object> res = new LinkedHashMap<>();
		res.put("best", result.best());
		res.put("fitness", result.bestFitness());
		if (result.bestScore() != null) {
			final Map<String, Double> components = new LinkedHashMap<>();
			final List<String> names = config.objective().components();
			for (int i = 0; i < names.size(); i++) components.put(names.get(i), result.bestScore().component(i));
			res.put("components", components);
		}
		res.put("termination", result.reason() == null ? null : result.reason().name().toLowerCase());
		res.put("generations", result.generations().size());
		res.put("evaluations", result.evaluations());
		res.put("simulate_ms", result.simulateMs());
		res.put("total_ms", result.totalMs());
		res.put("backend", result.backend());
		res.put("device", result.device());
		res.put("backend_switches", result.backendSwitches());
		res.put("pareto_front", result.pareto().size());
		summary.put("result", res);
		return summary;
	}

	/** Convenience for callers that cannot throw: wraps {@link #finish}'s failure. */
	public void finishUnchecked(final TuningResult result) {
		try {
			finish(result);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
