package org.spiketune.fiji;

import java.io.File;
import java.io.IOException;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.ARGBType;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;
import org.spiketune.model.Presets;
import org.spiketune.sim.BatchResult;
import org.spiketune.sim.MemberResult;
import org.spiketune.sim.SimulationException;
import org.spiketune.sim.SimulationRequest;
import org.spiketune.sim.backends.Backends;

/**
 * Simulates a preset network, or one from a network file: one or several members (seeds) at once. Outputs the first member's spike
 * raster in colour, its population-rate trace, its mean rate and spike count; with an output folder, also
 * writes spikes (CSV), rates (CSV), run.json, the rasters (8-bit TIFF, one slice per member) and the
 * plots (PNG).
 */
@Plugin(type = Command.class, menuPath = "Plugins>SpikeTune>Simulate Network", label = "Simulate Network",
	headless = true)
public class SimulateNetworkCommand extends ContextCommand {

	@Parameter
	private SpikeTuneService spikeTune;

	@Parameter
	private LogService log;

	// NB: a ContextCommand, not a DynamicCommand: CommandService.run returns null for Module subclasses.
	@Parameter(label = "Network preset", choices = { Presets.IZHIKEVICH_2003 })
	private String preset = Presets.IZHIKEVICH_2003;

	@Parameter(label = "Network file (JSON; empty: the preset)", required = false, persist = false,
		style = FileWidget.OPEN_STYLE, description = "A network written by Export Network or by hand (see " +
			"docs/NETWORK-FILES.md); it replaces the preset")
	private File network;

	@Parameter(label = "Duration (ms)", min = "1")
	private double duration = 1000;

	@Parameter(label = "Parameters (name=value, ...)", required = false,
		description = "Named parameters to set, e.g. exc.bias=-1.5, inh.bias=0")
	private String parameters = "";

	@Parameter(label = "Members (networks simulated at once)", min = "1")
	private int members = 1;

	@Parameter(label = "Seed", persist = false)
	private long seed = 1;

	@Parameter(label = "Backend", choices = { Backends.AUTO, Backends.CPU, Backends.OPENCL,
		Backends.SPARK },
		description = "auto: an OpenCL GPU if there is one, else the CPU; opencl falls back to the CPU, saying why, " +
			"where OpenCL is missing; spark: the executors of a spark-submit job (see the README)")
	private String backend = Backends.AUTO;

	// not remembered: a device left over from an earlier OpenCL run would be an error with another backend
	@Parameter(label = "OpenCL device (gpu, cpu, all, index or name)", required = false, persist = false,
		description = "Only with backend opencl; empty: the first GPU, else the first device")
	private String device = "";

	@Parameter(label = "Threads (0 = all processors)", min = "0")
	private int threads = 0;

	@Parameter(label = "Raster bin (ms)", min = "0.001")
	private double bin = 1;

	@Parameter(label = "Output folder", required = false, persist = false, style = FileWidget.DIRECTORY_STYLE)
	private File output;

	@Parameter(type = ItemIO.OUTPUT, label = "Spike raster (excitatory red, inhibitory blue)")
	private Img<ARGBType> raster;

	@Parameter(type = ItemIO.OUTPUT, label = "Population rate")
	private Img<ARGBType> ratetrace;

	@Parameter(type = ItemIO.OUTPUT, label = "Population rate (Hz)")
	private double rate;

	@Parameter(type = ItemIO.OUTPUT, label = "Spikes")
	private long spikes;

	@Override
	public void run() {
		final BatchResult result;
		try {
			final SimulationRequest request = spikeTune.request(spikeTune.network(preset, network), duration, seed,
				members, parameters);
			result = spikeTune.simulate(request, Backends.named(backend, device), threads);
		}
		catch (final IllegalArgumentException | SimulationException e) {
			cancel(e.getMessage());
			log.error("Simulate Network: " + e.getMessage());
			return;
		}
		final MemberResult first = result.member(0);
		raster = spikeTune.colorRaster(result, 0, bin);
		ratetrace = spikeTune.rateTrace(first);
		rate = first.rates().meanRateHz();
		spikes = first.spikes().count();
		log.info(String.format("Simulate Network: %s, %d member(s), %.0f ms on %s: %.3f Hz (%d spikes) in %.0f ms",
			result.request().network().name(), members, duration, result.info().backend(), rate, spikes, result.info()
				.simulateMs()));
		for (final MemberResult m : result.members()) {
			if (m.faulted()) log.warn("Simulate Network: member " + m.index() + " was stopped: " + m.fault());
		}
		if (output != null) {
			try {
				spikeTune.save(result, output.toPath(), bin);
				log.info("Simulate Network: results written to " + output);
			}
			catch (final IOException e) {
				cancel("could not write results to " + output + ": " + e.getMessage());
				log.error("Simulate Network: could not write results to " + output, e);
			}
		}
	}
}
