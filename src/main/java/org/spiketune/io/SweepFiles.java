package org.spiketune.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.spiketune.tune.Sweeps;

/**
 * A sweep's tables: {@code sweep-<setting>.csv} with every run (value, repeat, final and validated error),
 * {@code sweep-<setting>-summary.csv} with mean and sd per value, and {@code sweep-<setting>.json} with what
 * was swept and the backend and device that simulated it.
 */
public final class SweepFiles {

	private SweepFiles() {}

	public static List<Path> write(final Sweeps.Result result, final Path folder) throws IOException {
		Files.createDirectories(folder);
		final String name = "sweep-" + result.setting().name().toLowerCase();
		final Path runs = ResultFiles.atomically(folder.resolve(name + ".csv"), tmp -> {
			try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8); CSVPrinter csv = CSVFormat.DEFAULT
				.builder().setHeader("value", "repeat", "final_error", "validated_error").setRecordSeparator('\n').get()
				.print(out))
			{
				for (final Sweeps.Point p : result.points()) {
					for (int r = 0; r < p.finalErrors().length; r++) {
						csv.printRecord(p.value(), r, p.finalErrors()[r], p.validatedErrors()[r]);
					}
				}
			}
		});
		final Path summary = ResultFiles.atomically(folder.resolve(name + "-summary.csv"), tmp -> {
			try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8); CSVPrinter csv = CSVFormat.DEFAULT
				.builder().setHeader("value", "runs", "final_mean", "final_sd", "validated_mean", "validated_sd")
				.setRecordSeparator('\n').get().print(out))
			{
				for (final Sweeps.Point p : result.points()) {
					csv.printRecord(p.value(), p.finalErrors().length, p.finalMean(), p.finalSd(), p.validatedMean(), p
						.validatedSd());
				}
			}
		});
		final Path metadata = ResultFiles.atomically(folder.resolve(name + ".json"), tmp -> {
			final Map<String, Object> json = new LinkedHashMap<>();
			json.put("setting", result.setting().label());
			json.put("values", result.values());
			json.put("runs", result.points().stream().mapToInt(p -> p.finalErrors().length).sum());
			json.put("backend", result.backend());
			json.put("device", result.device());
			ResultFiles.writeJson(json, tmp);
		});
		return List.of(runs, summary, metadata);
	}
}
