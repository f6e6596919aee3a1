package org.spiketune.fiji;

import java.io.File;
import java.io.IOException;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;
import org.spiketune.io.NetworkFile;
import org.spiketune.model.CarlsonV1;
import org.spiketune.model.NamedValues;
import org.spiketune.model.NetworkSpec;
import org.spiketune.model.Presets;

/**
 * Writes a preset network, or a network file with some parameters changed, as a network file (JSON): the
 * starting point for a network of one's own, edited by hand and then simulated, tuned or fitted by giving it
 * as those commands' network file.
 */
@Plugin(type = Command.class, menuPath = "Plugins>SpikeTune>Export Network", label = "Export Network",
	headless = true)
public class ExportNetworkCommand extends ContextCommand {

	@Parameter
	private SpikeTuneService spikeTune;

	@Parameter
	private LogService log;

	@Parameter(label = "Network preset", choices = { Presets.IZHIKEVICH_2003, Presets.IZHIKEVICH_2003_RANDOM,
		CarlsonV1.NAME + "-16", CarlsonV1.NAME + "-24", CarlsonV1.NAME + "-32" })
	private String preset = Presets.IZHIKEVICH_2003;

	@Parameter(label = "Network file to start from (JSON; empty: the preset)", required = false, persist = false,
		style = FileWidget.OPEN_STYLE)
	private File network;

	@Parameter(label = "Parameters to set (name=value, ...)", required = false,
		description = "Named parameters written into the file, e.g. exc.bias=-1.5, ee.gain=0.8")
	private String parameters = "";

	@Parameter(label = "Name in the file (empty: keep)", required = false)
	private String name = "";

	@Parameter(label = "Network file to write", persist = false, style = FileWidget.SAVE_STYLE)
	private File output;

	@Parameter(type = ItemIO.OUTPUT, label = "Neurons")
	private int neurons;

	@Override
	public void run() {
		try {
			if (output == null) throw new IllegalArgumentException("no file to write given");
			NetworkSpec spec = spikeTune.network(preset, network).withParameters(NamedValues.parse(parameters));
			if (name != null && !name.isBlank()) spec = spec.withName(name.trim());
			NetworkFile.write(spec, output.toPath());
			neurons = spec.neuronCount();
			log.info("Export Network: " + spec.name() + " (" + neurons + " neurons, " + spec.groups().size() +
				" groups, " + spec.projections().size() + " projections) written to " + output);
		}
		catch (final IllegalArgumentException e) {
			fail(e.getMessage());
		}
		catch (final IOException e) {
			fail("could not write " + output + ": " + e.getMessage());
		}
	}

	private void fail(final String message) {
		cancel(message);
		log.error("Export Network: " + message);
	}
}
