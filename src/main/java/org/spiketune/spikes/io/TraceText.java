package org.spiketune.spikes.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Sampled traces as text: numeric columns separated by spaces, tabs or commas, one sample per row (e.g. time,
 * current, voltage). A first row that is not numeric is a header; {@code #} lines are comments.
 */
public final class TraceText {

	/** The columns, and the header's names (empty when the file has none). */
	public record Columns(List<String> names, double[][] values) {

		public int rows() {
			return values.length == 0 ? 0 : values[0].length;
		}

		/** The sample interval of column {@code time}, checked to be uniform within 0.1%. */
		public double uniformStep(final int time) {
			final double[] t = values[time];
			if (t.length < 2) throw new IllegalArgumentException("a trace needs at least 2 samples");
			final double step = (t[t.length - 1] - t[0]) / (t.length - 1);
			if (!(step > 0)) throw new IllegalArgumentException("time column does not increase");
			for (int i = 1; i < t.length; i++) {
				if (Math.abs(t[i] - t[i - 1] - step) > 1e-3 * step) throw new IllegalArgumentException(
					"time column is not uniformly sampled at row " + (i + 1) + " (" + t[i - 1] + " then " + t[i] + ")");
			}
			return step;
		}
	}

	private TraceText() {}

	public static Columns read(final Path file) throws IOException {
		final List<double[]> rows = new ArrayList<>();
		List<String> names = List.of();
		int width = -1;
		try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			String line;
			int number = 0;
			while ((line = in.readLine()) != null) {
				number++;
				final String text = line.strip();
				if (text.isEmpty() || text.startsWith("#")) continue;
				final String[] fields = text.split("[\\s,;]+");
				if (width < 0) width = fields.length;
				if (fields.length != width) throw new IOException(file + ", line " + number + ": " + fields.length +
					" columns, expected " + width);
				final double[] row = new double[width];
				try {
					for (int k = 0; k < width; k++) {
						row[k] = Double.parseDouble(fields[k]);
						if (!Double.isFinite(row[k])) throw new IOException(file + ", line " + number + ": value '" +
							fields[k] + "' is not finite");
					}
				}
				catch (final NumberFormatException e) {
					if (rows.isEmpty() && names.isEmpty()) {
						names = List.of(fields);
						continue;
					}
					throw new IOException(file + ", line " + number + ": not a number in '" + text + "'");
				}
				rows.add(row);
			}
		}
		catch (final java.nio.charset.MalformedInputException e) {
			throw new IOException(file + ": not a text file", e);
		}
		if (rows.isEmpty()) throw new IOException(file + ": no samples");
		final double[][] columns = new double[width][rows.size()];
		for (int r = 0; r < rows.size(); r++) for (int k = 0; k < width; k++) columns[k][r] = rows.get(r)[k];
		return new Columns(names, columns);
	}
}
