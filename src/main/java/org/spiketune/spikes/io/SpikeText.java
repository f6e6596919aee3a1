package org.spiketune.spikes.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.spiketune.spikes.SpikeTrains;

/**
 * Spike trains as text, one train per line with its spike times separated by spaces, tabs or commas (the
 * format of PySpike's and SPIKY's example data). Lines starting with {@code #} and empty lines are skipped.
 */
public final class SpikeText {

	private SpikeText() {}

	/**
	 * Reads trains over [start, stop] ms; times are multiplied by {@code scaleToMs} (1000 for seconds). {@code
	 * stopMs <= startMs} means just after the last spike (the next whole millisecond).
	 *
	 * @throws IOException naming the file, line and problem for malformed content
	 */
	public static SpikeTrains read(final Path file, final double scaleToMs, final double startMs,
		final double stopMs) throws IOException
	{
		final List<double[]> trains = new ArrayList<>();
		try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			String line;
			int number = 0;
			while ((line = in.readLine()) != null) {
				number++;
				final String text = line.strip();
				if (text.isEmpty() || text.startsWith("#")) continue;
				final String[] fields = text.split("[\\s,]+");
				final double[] times = new double[fields.length];
				for (int k = 0; k < fields.length; k++) {
					try {
						times[k] = Double.parseDouble(fields[k]) * scaleToMs;
					}
					catch (final NumberFormatException e) {
						throw new IOException(file + ", line " + number + ": not a spike time: '" + fields[k] + "'");
					}
					if (!Double.isFinite(times[k])) throw new IOException(file + ", line " + number +
						": spike time is not finite: " + fields[k]);
				}
				trains.add(times);
			}
		}
		catch (final java.nio.charset.MalformedInputException e) {
			throw new IOException(file + ": not a UTF-8 text file", e);
		}
		if (trains.isEmpty()) throw new IOException(file + ": no spike trains found");
		double stop = stopMs;
		if (stop <= startMs) {
			double last = startMs;
			for (final double[] train : trains) for (final double t : train) last = Math.max(last, t);
			stop = Math.floor(last) + 1;
		}
		try {
			return SpikeTrains.of(trains.toArray(double[][]::new), startMs, stop);
		}
		catch (final IllegalArgumentException e) {
			throw new IOException(file + ": " + e.getMessage(), e);
		}
	}
}
