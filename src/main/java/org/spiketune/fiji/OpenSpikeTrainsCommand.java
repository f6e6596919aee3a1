package org.spiketune.fiji;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

import ij.measure.ResultsTable;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.ARGBType;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;
import org.spiketune.spikes.IntervalStatistics;
import org.spiketune.spikes.SpikeTrains;

/**
 * Opens recorded or simulated spike trains (CSV {@code neuron,time_ms}, SPIKY text, NWB units, AEDAT 2.0/3.1/4 events,
 * ABF 2 sweeps) and shows them: a raster, a table of per-train label, spike count, rate, CV and LV, and the
 * population's mean rate. The trains themselves are an output too, for scripts.
 */
@Plugin(type = Command.class, menuPath = "Plugins>SpikeTune>Open Spike Trains", label = "Open Spike Trains",
	headless = true)
public class OpenSpikeTrainsCommand extends ContextCommand {

	/** A raster taller than this would not help anyone (an event camera has ~10⁵ pixel trains). */
	static final int MAX_RASTER_ROWS = 10_000;

	@Parameter
	private SpikeTuneService spikeTune;

	@Parameter
	private LogService log;

	@Parameter(label = "Spike file (CSV, SPIKY text, NWB, AEDAT 2/3.1/4, ABF)", style = FileWidget.OPEN_STYLE,
		persist = false)
	private File file;

	@Parameter(label = "Neurons (0: from the file)", min = "0")
	private int neurons = 0;

	@Parameter(label = "Start (ms)")
	private double start = 0;

	@Parameter(label = "Stop (ms, 0: after the last spike)")
	private double stop = 0;

	@Parameter(label = "Raster bin (ms)", min = "0.001")
	private double bin = 1;

	@Parameter(type = ItemIO.OUTPUT, label = "Spike raster")
	private Img<ARGBType> raster;

	@Parameter(type = ItemIO.OUTPUT, label = "Spikes per neuron")
	private ResultsTable table;

	@Parameter(type = ItemIO.OUTPUT, label = "Mean rate (Hz)")
	private double rate;

	@Parameter(type = ItemIO.OUTPUT, label = "Spike trains")
	private SpikeTrains trains;

	@Override
	public void run() {
		if (file == null) {
			fail("no spike file given");
			return;
		}
		try {
			trains = spikeTune.openSpikeTrains(file.toPath(), neurons, start, stop);
			final SpikeTrains shown = trains.size() > MAX_RASTER_ROWS ? trains.subset(0, MAX_RASTER_ROWS) : trains;
			if (shown != trains) log.info("Open Spike Trains: the raster shows the first " + MAX_RASTER_ROWS + " of " +
				trains.size() + " trains");
			raster = spikeTune.raster(shown, List.of("all"), new int[] { shown.size() }, bin);
		}
		catch (final IOException | IllegalArgumentException e) {
			fail(e.getMessage());
			return;
		}
		table = new ResultsTable();
		for (int i = 0; i < trains.size(); i++) {
			table.incrementCounter();
			final double[] isi = IntervalStatistics.intervals(trains.times(i));
			table.addValue("neuron", i);
			table.addValue("label", trains.label(i));
			table.addValue("spikes", trains.count(i));
			table.addValue("rate_hz", trains.rateHz(i));
			table.addValue("cv", IntervalStatistics.cv(isi));
			table.addValue("lv", IntervalStatistics.lv(isi));
		}
		rate = trains.meanRateHz();
		log.info(String.format(Locale.ROOT, "Open Spike Trains: %s: %d neurons, %d spikes in [%.1f, %.1f] ms, %.3f Hz",
			file.getName(), trains.size(), trains.totalCount(), trains.startMs(), trains.stopMs(), rate));
	}

	private void fail(final String message) {
		cancel(message);
		log.error("Open Spike Trains: " + message);
	}
}
