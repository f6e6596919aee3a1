package org.spiketune.spikes.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.spiketune.spikes.SpikeDetection;
import org.spiketune.spikes.SpikeTrains;
import org.spiketune.spikes.RecordedSweeps;

/**
 * Opens spike trains from any supported file, recognised by its first bytes and then its extension: NWB units
 * (HDF5), AEDAT 4 events (one train per active pixel and polarity), ABF 2 current-clamp sweeps (one train per
 * sweep, spikes detected at {@link #ABF_THRESHOLD_MV}), spike CSV ({@code neuron,time_ms}) and SPIKY text (one
 * train per line, ms). Event times count from the first event, sweep times from the sweep's start.
 */
public final class SpikeFiles {

	/** eFEL's default spike threshold, used for recorded sweeps. */
	public static final double ABF_THRESHOLD_MV = -20;

	public enum Format {
		CSV, SPIKY_TEXT, NWB, AEDAT4, /** AEDAT 2.0 or 3.1. */ AEDAT_LEGACY, ABF2
	}

	private SpikeFiles() {}

	public static Format formatOf(final Path file) throws IOException {
		final byte[] head = new byte[16];
		int n;
		try (InputStream in = Files.newInputStream(file)) {
			n = in.readNBytes(head, 0, head.length);
		}
		final String start = new String(head, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
		if (start.startsWith("\u0089HDF")) return Format.NWB;
		if (start.startsWith("#!AER-DAT4")) return Format.AEDAT4;
		if (start.startsWith("#!AER-DAT")) return Format.AEDAT_LEGACY;
		if (start.startsWith("ABF")) return Format.ABF2;
		final String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		if (name.endsWith(".nwb")) return Format.NWB;
		if (name.endsWith(".aedat4")) return Format.AEDAT4;
		if (name.endsWith(".aedat")) return Format.AEDAT_LEGACY;
		if (name.endsWith(".abf")) return Format.ABF2;
		if (name.endsWith(".csv")) return Format.CSV;
		return Format.SPIKY_TEXT;
	}

	/**
	 * Reads the file over [start, stop] ms ({@code stop <= start}: just after the last spike); {@code neurons}
	 * fixes the train count of a CSV (0: from the file).
	 */
	public static SpikeTrains read(final Path file, final int neurons, final double startMs, final double stopMs)
		throws IOException
	{
		if (!Files.isRegularFile(file)) throw new IOException(file + ": no such file");
		return switch (formatOf(file)) {
			case CSV -> SpikeCsv.read(file, neurons, startMs, stopMs);
			case SPIKY_TEXT -> SpikeText.read(file, 1, startMs, stopMs);
			case NWB -> NwbUnits.read(file, startMs, stopMs);
			case AEDAT4 -> cut(activeTrains(Aedat4.read(file).toSpikeTrains()), startMs, stopMs);
			case AEDAT_LEGACY -> cut(activeTrains(AedatLegacy.read(file).toSpikeTrains()), startMs, stopMs);
			case ABF2 -> cut(sweepTrains(Abf2.read(file)), startMs, stopMs);
		};
	}

	/** The polarity events of an event-camera recording (AEDAT 4, 3.1 or 2.0), e.g. to drive a network. */
	public static PolarityEvents readEvents(final Path file) throws IOException {
		if (!Files.isRegularFile(file)) throw new IOException(file + ": no such file");
		return switch (formatOf(file)) {
			case AEDAT4 -> Aedat4.read(file);
			case AEDAT_LEGACY -> AedatLegacy.read(file);
			default -> throw new IOException(file + " is not an AEDAT event recording (read as " + formatOf(file) +
				")");
		};
	}

	/** Events and sweeps come with their own time base (ms from the first event or the sweep start). */
	private static SpikeTrains cut(final SpikeTrains trains, final double startMs, final double stopMs) {
		if (stopMs <= startMs && startMs == 0) return trains;
		return trains.window(startMs, stopMs > startMs ? stopMs : trains.stopMs());
	}

	/** Only the trains with spikes, keeping their labels (an event camera has mostly silent pixels). */
	static SpikeTrains activeTrains(final SpikeTrains all) {
		final List<double[]> trains = new ArrayList<>();
		final List<String> labels = new ArrayList<>();
		for (int i = 0; i < all.size(); i++) {
			if (all.count(i) == 0) continue;
			trains.add(all.times(i));
			labels.add(all.label(i));
		}
		return SpikeTrains.of(trains.toArray(double[][]::new), all.startMs(), all.stopMs()).withLabels(labels);
	}

	/** One train per sweep: the spikes detected in its voltage, labelled "sweep k". */
	public static SpikeTrains sweepTrains(final RecordedSweeps sweeps) {
		final double[][] trains = new double[sweeps.count()][];
		final List<String> labels = new ArrayList<>();
		double duration = 0;
		for (int s = 0; s < sweeps.count(); s++) {
			trains[s] = SpikeDetection.crossings(sweeps.voltage()[s], sweeps.dtMs(), ABF_THRESHOLD_MV);
			labels.add("sweep " + s);
			duration = Math.max(duration, sweeps.durationMs(s));
		}
		return SpikeTrains.of(trains, 0, duration).withLabels(labels);
	}
}
