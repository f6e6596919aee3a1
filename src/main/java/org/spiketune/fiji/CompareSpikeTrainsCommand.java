package org.spiketune.fiji;

import java.io.File;
import java.io.IOException;
import java.util.Locale;

import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;
import org.spiketune.spikes.Measure;
import org.spiketune.spikes.PairwiseComparison;
import org.spiketune.spikes.SpikeTrains;

/**
 * Compares all pairs of spike trains of a file with a spike-train measure: the distance (or synchronization)
 * matrix as a 32-bit image and the multivariate value.
 */
@Plugin(type = Command.class, menuPath = "Plugins>SpikeTune>Compare Spike Trains", label = "Compare Spike Trains",
	headless = true)
public class CompareSpikeTrainsCommand extends ContextCommand {

	@Parameter
	private SpikeTuneService spikeTune;

	@Parameter
	private LogService log;

	@Parameter(label = "Spike file (CSV, SPIKY text, NWB, AEDAT 2/3.1/4, ABF)", style = FileWidget.OPEN_STYLE,
		persist = false)
	private File file;

	@Parameter(label = "Measure", choices = { "spike", "isi", "spike-sync", "van-rossum", "victor-purpura",
		"gamma" })
	private String measure = "spike";

	@Parameter(label = "Measure parameter (van Rossum τ ms, Victor-Purpura q /ms, max τ ms, Γ Δ ms; 0: default)",
		min = "0")
	private double parameter = 0;

	@Parameter(label = "Start (ms)")
	private double start = 0;

	@Parameter(label = "Stop (ms, 0: after the last spike)")
	private double stop = 0;

	@Parameter(type = ItemIO.OUTPUT, label = "Pairwise matrix")
	private Img<FloatType> matrix;

	@Parameter(type = ItemIO.OUTPUT, label = "Multivariate value")
	private double value;

	@Override
	public void run() {
		try {
			if (file == null) throw new IllegalArgumentException("no spike file given");
			if (!(parameter >= 0)) throw new IllegalArgumentException("measure parameter must be >= 0, got " +
				parameter);
			final Measure m = parameter > 0 ? Measure.parse(measure + ":" + parameter) : Measure.parse(measure);
			final SpikeTrains trains = spikeTune.openSpikeTrains(file.toPath(), 0, start, stop);
			if (trains.size() > 5000) throw new IllegalArgumentException(trains.size() +
				" trains make a matrix of " + (long) trains.size() * trains.size() + " pairs; choose at most 5000");
			final double[][] values = PairwiseComparison.matrix(trains, m);
			final int n = values.length;
			matrix = ArrayImgs.floats(n, n);
			final var access = matrix.randomAccess();
			for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) access.setPositionAndGet(j, i).setReal(values[i][j]);
			value = PairwiseComparison.multivariate(trains, m);
			log.info(String.format(Locale.ROOT, "Compare Spike Trains: %s, %d trains in [%.1f, %.1f] ms: %s = %.6f",
				file.getName(), n, trains.startMs(), trains.stopMs(), m, value));
		}
		catch (final IOException | IllegalArgumentException e) {
			cancel(e.getMessage());
			log.error("Compare Spike Trains: " + e.getMessage());
		}
	}
}
