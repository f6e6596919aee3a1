package org.spiketune.fiji;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.ARGBType;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;
import org.spiketune.spikes.SpikeTrains;

/**
 * Draws a spike file as a raster with its groups told apart, and their population rates over time. Groups
 * are consecutive neuron ranges, {@code "exc=0-799, inh=800-999"}: groups named exc... are red, inh...
 * blue, others grey; without groups every neuron is one group.
 */
@Plugin(type = Command.class, menuPath = "Plugins>SpikeTune>Show Spike Raster", label = "Show Spike Raster",
	headless = true)
public class ShowSpikeRasterCommand extends ContextCommand {

	@Parameter
	private SpikeTuneService spikeTune;

	@Parameter
	private LogService log;

	@Parameter(label = "Spike file (CSV: neuron,time_ms)", style = FileWidget.OPEN_STYLE, persist = false)
	private File file;

	@Parameter(label = "Groups (name=first-last, ...; empty: one group)", required = false)
	private String groups = "";

	@Parameter(label = "Start (ms)")
	private double start = 0;

	@Parameter(label = "Stop (ms, 0: after the last spike)")
	private double stop = 0;

	@Parameter(label = "Raster bin (ms)", min = "0.001")
	private double bin = 1;

	@Parameter(label = "Rate bin (ms)", min = "0.001")
	private double ratebin = 10;

	@Parameter(type = ItemIO.OUTPUT, label = "Spike raster")
	private Img<ARGBType> raster;

	@Parameter(type = ItemIO.OUTPUT, label = "Population rate")
	private Img<ARGBType> ratetrace;

	@Override
	public void run() {
		if (file == null) {
			fail("no spike file given");
			return;
		}
		try {
			final List<String> names = new ArrayList<>();
			final List<int[]> ranges = parseGroups(groups, names);
			final int neurons = ranges.isEmpty() ? 0 : ranges.get(ranges.size() - 1)[1] + 1;
			final SpikeTrains trains = spikeTune.openSpikeTrains(file.toPath(), neurons, start, stop);
			if (ranges.isEmpty()) {
				names.add("all");
				ranges.add(new int[] { 0, trains.size() - 1 });
			}
			final int[] sizes = new int[ranges.size()];
			for (int g = 0; g < ranges.size(); g++) sizes[g] = ranges.get(g)[1] - ranges.get(g)[0] + 1;
			raster = spikeTune.raster(trains, names, sizes, bin);
			ratetrace = spikeTune.rateTrace(trains, names, sizes, ratebin);
		}
		catch (final IOException | IllegalArgumentException e) {
			fail(e.getMessage());
		}
	}

	/** Groups as consecutive, gap-free ranges from neuron 0; throws naming the problem. */
	static List<int[]> parseGroups(final String text, final List<String> names) {
		final List<int[]> ranges = new ArrayList<>();
		if (text == null || text.isBlank()) return ranges;
		int next = 0;
		for (final String part : text.split("[,;]")) {
			if (part.isBlank()) continue;
			final String[] kv = part.trim().split("=");
			final String[] range = kv.length == 2 ? kv[1].trim().split("-") : new String[0];
			if (range.length != 2) {
				throw new IllegalArgumentException("group '" + part.trim() + "' must look like name=first-last, e.g. exc=0-799");
			}
			final int first, last;
			try {
				first = Integer.parseInt(range[0].trim());
				last = Integer.parseInt(range[1].trim());
			}
			catch (final NumberFormatException e) {
				throw new IllegalArgumentException("group '" + part.trim() + "': neuron indices must be whole numbers");
			}
			if (first != next || last < first) {
				throw new IllegalArgumentException("group '" + part.trim() + "' must start at neuron " + next +
					" and end at or after it");
			}
			names.add(kv[0].trim());
			ranges.add(new int[] { first, last });
			next = last + 1;
		}
		return ranges;
	}

	private void fail(final String message) {
		cancel(message);
		log.error("Show Spike Raster: " + message);
	}
}
