package org.spiketune.spikes.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;

import org.spiketune.spikes.SpikeTrains;

/**
 * Spike trains from the units table of an NWB 2 file (HDF5, read with jhdf, no native library). NWB stores all
 * units' spike times (seconds) in {@code units/spike_times} as one ragged array: unit i owns entries
 * [index(i−1), index(i)) of {@code units/spike_times_index}. Trains are labelled with {@code units/id}.
 */
public final class NwbUnits {

	/** No file of ours holds more spikes; a larger size field is corruption, not data. */
	static final long MAX_SPIKES = 200_000_000L;

	private NwbUnits() {}

	/**
	 * Reads the units over [start, stop] ms; {@code stopMs <= startMs} means just after the last spike (the
	 * next whole millisecond).
	 *
	 * @throws IOException naming the file and problem for anything that is not a readable NWB units table
	 */
	public static SpikeTrains read(final Path file, final double startMs, final double stopMs) throws IOException {
		return read(file, startMs, stopMs, Integer.MAX_VALUE);
	}

	/** As {@link #read(Path, double, double)}, memory-mapping files of at most {@code mapLimit} bytes only. */
	static SpikeTrains read(final Path file, final double startMs, final double stopMs, final long mapLimit)
		throws IOException
	{
		// Found by fuzzing: jhdf's HdfFile(Path) leaks its file when the file is not HDF5, and reading through a
		// channel it allocates whatever an object header's size field says (a 382-byte file asked for more than
		// 512 MiB). So the channel is ours to close, and files up to 2 GiB (one ByteBuffer's limit) are
		// memory-mapped: jhdf then slices the mapping instead of allocating, and a size beyond the file is an error,
		// not an allocation. Larger files are read through the channel, trusting their headers.
		try (FileChannel channel = FileChannel.open(file); HdfFile hdf = channel.size() <= mapLimit ? HdfFile
			.fromByteBuffer(channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size())) : new HdfFile(channel, file
				.toUri()))
		{
			final double[] times = numbers(dataset(hdf, file, "units/spike_times"), file);
			final long[] index = integers(dataset(hdf, file, "units/spike_times_index"), file);
			final long[] ids = has(hdf, "units/id") ? integers(dataset(hdf,
				file, "units/id"), file) : null;
			if (ids != null && ids.length != index.length) throw new IOException(file + ": units/id has " + ids.length +
				" entries but units/spike_times_index " + index.length);
			final double[][] trains = new double[index.length][];
			long from = 0;
			double last = startMs;
			for (int u = 0; u < index.length; u++) {
				final long to = index[u];
				if (to < from || to > times.length) throw new IOException(file + ": units/spike_times_index[" + u + "] = " +
					to + " does not continue [" + from + ", " + times.length + "]");
				trains[u] = new double[(int) (to - from)];
				for (int k = 0; k < trains[u].length; k++) {
					final double t = times[(int) from + k] * 1000;
					if (!Double.isFinite(t)) throw new IOException(file + ": spike time " + times[(int) from + k] +
						" s of unit " + u + " is not finite");
					trains[u][k] = t;
					last = Math.max(last, t);
				}
				from = to;
			}
			final List<String> labels = new ArrayList<>();
			for (int u = 0; u < index.length; u++) labels.add(ids == null ? Integer.toString(u) : Long.toString(ids[u]));
			final double stop = stopMs > startMs ? stopMs : Math.floor(last) + 1;
			return SpikeTrains.of(trains, startMs, stop).withLabels(labels);
		}
		catch (final RuntimeException e) { // jhdf reports broken HDF5 structures with assorted runtime exceptions
			throw new IOException(file + ": not a readable NWB units table: " + e, e);
		}
	}

	private static boolean has(final HdfFile hdf, final String path) {
		try {
			return hdf.getByPath(path) != null;
		}
		catch (final HdfException e) {
			return false;
		}
	}

	private static Dataset dataset(final HdfFile hdf, final Path file, final String path) throws IOException {
		final Node node;
		try {
			node = hdf.getByPath(path);
		}
		catch (final HdfException e) {
			throw new IOException(file + ": no " + path + " (is this an NWB file with a units table?)", e);
		}
		if (!(node instanceof Dataset dataset)) throw new IOException(file + ": " + path + " is not a dataset");
		if (dataset.getDimensions().length != 1) throw new IOException(file + ": " + path +
			" must be one-dimensional, has dimensions " + java.util.Arrays.toString(dataset.getDimensions()));
		if (dataset.getSize() > MAX_SPIKES) throw new IOException(file + ": " + path + " claims " + dataset
			.getSize() + " entries, more than the " + MAX_SPIKES + " this reader accepts");
		return dataset;
	}

	private static double[] numbers(final Dataset dataset, final Path file) throws IOException {
		final Object data = dataset.getDataFlat();
		final int n = java.lang.reflect.Array.getLength(data);
		final double[] out = new double[n];
		for (int i = 0; i < n; i++) {
			if (!(java.lang.reflect.Array.get(data, i) instanceof Number v)) throw new IOException(file + ": " + dataset
				.getPath() + " does not hold numbers");
			out[i] = v.doubleValue();
		}
		return out;
	}

	private static long[] integers(final Dataset dataset, final Path file) throws IOException {
		final Object data = dataset.getDataFlat();
		final int n = java.lang.reflect.Array.getLength(data);
		final long[] out = new long[n];
		for (int i = 0; i < n; i++) {
			final Object v = java.lang.reflect.Array.get(data, i);
			if (!(v instanceof Number number) || v instanceof Double || v instanceof Float) throw new IOException(file +
				": " + dataset.getPath() + " does not hold integers");
			out[i] = v instanceof java.math.BigInteger big ? big.longValueExact() : number.longValue();
		}
		return out;
	}
}
