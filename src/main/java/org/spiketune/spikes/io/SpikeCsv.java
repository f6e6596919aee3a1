package org.spiketune.spikes.io;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.spiketune.spikes.SpikeTrains;

/**
 * Spike events as CSV with the header {@code neuron,time_ms}: one row per spike, neuron a 0-based index.
 * Reading also accepts a header {@code neuron,time} and files without a header.
 */
public final class SpikeCsv {

	public static final String NEURON = "neuron";
	public static final String TIME = "time_ms";

	private SpikeCsv() {}

	/** Writes events {@code k}: neuron {@code neurons[k]} spiking at {@code timesMs[k]}, in the given order. */
	public static void write(final Path file, final int[] neurons, final double[] timesMs) throws IOException {
		if (neurons.length != timesMs.length) {
			throw new IllegalArgumentException(neurons.length + " neurons for " + timesMs.length + " times");
		}
		try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8); CSVPrinter csv = CSVFormat.DEFAULT
			.builder().setHeader(NEURON, TIME).setRecordSeparator('\n').get().print(out))
		{
			for (int k = 0; k < neurons.length; k++) {
				csv.printRecord(neurons[k], format(timesMs[k]));
			}
		}
	}

	/** Shortest text that reads back as the same double. */
	static String format(final double value) {
		return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double
			.toString(value);
	}

	/** The most neurons the largest index of a file may imply when no neuron count is given. */
	public static final int MAX_INFERRED_NEURONS = 1_000_000;

	/**
	 * Reads a spike CSV into trains of {@code neuronCount} neurons (or one more than the largest index when
	 * {@code neuronCount <= 0}) over [start, stop); {@code stopMs <= startMs} means just after the last spike
	 * (the next whole millisecond).
	 *
	 * @throws IOException naming the file, line and problem for malformed content
	 */
	public static SpikeTrains read(final Path file, final int neuronCount, final double startMs,
		final double stopMs) throws IOException
	{
		final List<Integer> neurons = new ArrayList<>();
		final List<Double> times = new ArrayList<>();
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser csv = CSVFormat.DEFAULT
			.builder().setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get().parse(in))
		{
			for (final CSVRecord row : csv) {
				if (row.size() < 2) throw malformed(file, row, "expected 2 columns, found " + row.size());
				final String first = row.get(0).toLowerCase(Locale.ROOT);
				if (row.getRecordNumber() == 1 && first.equals(NEURON)) continue; // header
				try {
					final int neuron = Integer.parseInt(row.get(0));
					final double time = Double.parseDouble(row.get(1));
					if (neuron < 0) throw malformed(file, row, "negative neuron index " + neuron);
					if (!Double.isFinite(time)) throw malformed(file, row, "time is not a finite number: " + row.get(1));
					neurons.add(neuron);
					times.add(time);
				}
				catch (final NumberFormatException e) {
					throw malformed(file, row, "not a number: " + e.getMessage());
				}
			}
		}
		catch (final java.io.UncheckedIOException e) {
			throw new IOException(file + ": " + e.getCause().getMessage(), e);
		}
		int n = neuronCount;
		if (n <= 0) {
			for (final int neuron : neurons) n = Math.max(n, neuron + 1);
			// a stray huge index must not make us allocate millions of empty trains (found by fuzzing)
			if (n > MAX_INFERRED_NEURONS) {
				throw new IOException(file + ": neuron index " + (n - 1) + " implies " + n + " neurons, more than the " +
					MAX_INFERRED_NEURONS + " a file may imply; give the neuron count if the file really has that many");
			}
		}
		final int[] neuronArray = neurons.stream().mapToInt(Integer::intValue).toArray();
		final double[] timeArray = times.stream().mapToDouble(Double::doubleValue).toArray();
		double stop = stopMs;
		if (stop <= startMs) {
			double last = startMs;
			for (final double t : timeArray) last = Math.max(last, t);
			stop = Math.floor(last) + 1;
		}
		if (n == 0) throw new IOException(file + ": no spikes and no neuron count given");
		try {
			return SpikeTrains.fromEvents(n, neuronArray, timeArray, startMs, stop);
		}
		catch (final IllegalArgumentException e) {
			throw new IOException(file + ": " + e.getMessage(), e);
		}
	}

	private static IOException malformed(final Path file, final CSVRecord row, final String problem) {
		return new IOException(file + ", line " + row.getRecordNumber() + ": " + problem);
	}
}
