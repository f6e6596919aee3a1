package org.spiketune.io;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.spiketune.tune.V1Study;

/**
 * A V1 stability analysis's test rates, {@value #NAME}: one row per run, output neuron and test angle
 * ({@code seed, neuron, angle_deg, rate_hz}) after two comment lines naming the settings
 * ({@link V1Study.Settings#describe}) and the parameter values the runs were trained with. Analyses run apart
 * (other seeds, other machines) pool from these files ({@link #pool}, {@link V1Study#pool}); other tools read
 * them as CSV with '#' comments.
 */
public final class V1RatesFile {

	public static final String NAME = "test-rates.csv";
	private static final List<String> HEADER = List.of("seed", "neuron", "angle_deg", "rate_hz");
	private static final String SETTINGS = "settings: ", PARAMETERS = "parameters: ";

	/** What a file holds: the settings and parameters in words, and the runs. */
	public record Contents(String settings, String parameters, List<V1Study.TestedRun> runs) {

		public Contents {
			runs = List.copyOf(runs);
		}
	}

	private V1RatesFile() {}

	/** Writes {@code runs}, trained with {@code settings} and {@code parameters}, to {@code file} (atomically). */
	public static Path write(final Path file, final V1Study.Settings settings, final Map<String, Double> parameters,
		final List<V1Study.TestedRun> runs) throws IOException
	{
		return write(file, settings.describe(), describe(parameters), runs);
	}

	/**
	 * Writes {@code runs} under the words for their settings and parameters (those of {@link #read}, for pooled
	 * runs written again).
	 */
	public static Path write(final Path file, final String settings, final String parameters,
		final List<V1Study.TestedRun> runs) throws IOException
	{
		final Path folder = file.toAbsolutePath().getParent();
		if (folder != null) Files.createDirectories(folder);
		return ResultFiles.atomically(file, tmp -> {
			try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8); CSVPrinter csv = CSVFormat.DEFAULT
				.builder().setCommentMarker('#').setHeaderComments(SETTINGS + settings, PARAMETERS + parameters).setHeader(HEADER.toArray(String[]::new)).setRecordSeparator('\n').get().print(out))
			{
				for (final V1Study.TestedRun run : runs) {
					final double[] angles = run.angles();
					final double[][] rates = run.rates();
					for (int i = 0; i < rates.length; i++) {
						for (int j = 0; j < angles.length; j++) {
							csv.printRecord(run.seed(), i, degrees(angles[j]), rates[i][j]);
						}
					}
				}
			}
		});
	}

	/** The parameter values in words, sorted by name ("name=value, ..."; "preset defaults" for none). */
	public static String describe(final Map<String, Double> parameters) {
		if (parameters.isEmpty()) return "preset defaults";
		return new TreeMap<>(parameters).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(
			Collectors.joining(", "));
	}

	/**
	 * Reads a file {@link #write} wrote.
	 *
	 * @throws IOException naming the file and line where it is not one: other columns, a missing comment, a value
	 *           that is not a number, or a run whose neurons were not each given at the same angles
	 */
	public static Contents read(final Path file) throws IOException {
		final Map<Long, Map<Integer, Map<Double, Double>>> byRun = new LinkedHashMap<>();
		final String comment;
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser csv = CSVFormat.DEFAULT
			.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true).get().parse(in))
		{
			if (!csv.getHeaderNames().equals(HEADER)) {
				throw new IOException(file + " is not a " + NAME + ": its columns are " + csv.getHeaderNames() +
					", not " + HEADER);
			}
			comment = csv.getHeaderComment();
			for (final CSVRecord r : csv) {
				try {
					if (r.size() != HEADER.size()) throw new NumberFormatException(r.size() + " values, not 4");
					final long seed = Long.parseLong(r.get(0).strip());
					final int neuron = Integer.parseInt(r.get(1).strip());
					final double angle = Double.parseDouble(r.get(2)), rate = Double.parseDouble(r.get(3));
					if (byRun.computeIfAbsent(seed, k -> new TreeMap<>()).computeIfAbsent(neuron, k -> new LinkedHashMap<>())
						.put(angle, rate) != null) {
						throw new IOException(file + ", line " + r.getParser().getCurrentLineNumber() + ": run " + seed +
							", neuron " + neuron + " at " + angle + "° a second time");
					}
				}
				catch (final NumberFormatException e) {
					throw new IOException(file + ", line " + r.getParser().getCurrentLineNumber() + ": " + e.getMessage(),
						e);
				}
			}
		}
		final String settings = commented(file, comment, SETTINGS), parameters = commented(file, comment, PARAMETERS);
		final List<V1Study.TestedRun> runs = new ArrayList<>();
		for (final Map.Entry<Long, Map<Integer, Map<Double, Double>>> run : byRun.entrySet()) {
			runs.add(run(file, run.getKey(), run.getValue()));
		}
		if (runs.isEmpty()) throw new IOException(file + " has no runs");
		return new Contents(settings, parameters, runs);
	}

	/**
	 * The runs of several files, which must name the same settings and parameters.
	 *
	 * @throws IOException for a file that cannot be read, or files of different settings or parameters
	 */
	public static List<V1Study.TestedRun> pool(final List<Path> files) throws IOException {
		if (files.isEmpty()) throw new IOException("no " + NAME + " files to pool");
		final List<V1Study.TestedRun> runs = new ArrayList<>();
		Contents first = null;
		for (final Path file : files) {
			final Contents contents = read(file);
			if (first == null) first = contents;
			else if (!first.settings().equals(contents.settings())) {
				throw new IOException("cannot pool runs of other settings: " + file + " has " + contents.settings() +
					"; " + files.get(0) + " has " + first.settings());
			}
			else if (!first.parameters().equals(contents.parameters())) {
				throw new IOException("cannot pool runs of other parameters: " + file + " has " + contents.parameters() +
					"; " + files.get(0) + " has " + first.parameters());
			}
			runs.addAll(contents.runs());
		}
		return runs;
	}

	private static V1Study.TestedRun run(final Path file, final long seed,
		final Map<Integer, Map<Double, Double>> neurons) throws IOException
	{
		final List<Double> angles = List.copyOf(neurons.values().iterator().next().keySet());
		final double[][] rates = new double[neurons.size()][];
		int expected = 0;
		for (final Map.Entry<Integer, Map<Double, Double>> neuron : neurons.entrySet()) {
			if (neuron.getKey() != expected++) {
				throw new IOException(file + ": run " + seed + " has no neuron " + (expected - 1));
			}
			if (!List.copyOf(neuron.getValue().keySet()).equals(angles)) {
				throw new IOException(file + ": run " + seed + ", neuron " + neuron.getKey() + " has angles " + neuron
					.getValue().keySet() + ", neuron 0 " + angles);
			}
			rates[neuron.getKey()] = neuron.getValue().values().stream().mapToDouble(Double::doubleValue).toArray();
		}
		try {
			return new V1Study.TestedRun(seed, angles.stream().mapToDouble(Math::toRadians).toArray(), rates);
		}
		catch (final IllegalArgumentException e) {
			throw new IOException(file + ": " + e.getMessage(), e);
		}
	}

	private static String commented(final Path file, final String comment, final String key) throws IOException {
		if (comment != null) {
			for (final String line : comment.split("\\R")) {
				if (line.strip().startsWith(key)) return line.strip().substring(key.length()).strip();
			}
		}
		throw new IOException(file + " has no '# " + key.strip() + "' line: runs of unknown settings cannot be pooled");
	}

	/** Degrees to 9 significant digits, so that 22.5° reads 22.5 and pools with itself. */
	private static String degrees(final double radians) {
		return new BigDecimal(Math.toDegrees(radians)).round(new MathContext(9)).stripTrailingZeros().toPlainString();
	}
}
