package org.spiketune.fiji;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import ij.measure.ResultsTable;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.ARGBType;

import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;
import org.spiketune.fit.NetworkFit;
import org.spiketune.io.CheckpointFile;
import org.spiketune.model.Presets;
import org.spiketune.objective.SpikeTrainMatch;
import org.spiketune.sim.SimulationException;
import org.spiketune.sim.backends.Backends;
import org.spiketune.spikes.SpikeTrains;
import org.spiketune.tune.Algorithm;
import org.spiketune.tune.ParameterSpace;
import org.spiketune.tune.Termination;
import org.spiketune.tune.Tuner;
import org.spiketune.tune.TuningConfig;
import org.spiketune.tune.TuningResult;

/**
 * Fits parameters of a preset network or a network file's (weight scales, connection probabilities...) to
 * recorded spike trains: train k against neuron k, the pairs' SPIKE-distances summed, every evaluation under
 * the same frozen noise. Outputs the best parameters, the per-generation table, rasters of data and best model and
 * the convergence plot; with an output folder, the full history as well.
 */
@Plugin(type = Command.class, menuPath = "Plugins>SpikeTune>Fit Network to Spike Trains",
	label = "Fit Network to Spike Trains", headless = true)
public class FitNetworkCommand extends ContextCommand {

	@Parameter
	private SpikeTuneService spikeTune;

	@Parameter
	private LogService log;

	@Parameter(required = false)
	private StatusService status;

	@Parameter(label = "Recorded spikes (CSV, SPIKY text, NWB, AEDAT 2/3.1/4, ABF)", style = FileWidget.OPEN_STYLE,
		persist = false)
	private File data;

	@Parameter(label = "Stop (ms, 0: after the last spike)")
	private double stop = 0;

	@Parameter(label = "Network preset", choices = { Presets.IZHIKEVICH_2003_RANDOM, Presets.IZHIKEVICH_2003 })
	private String preset = Presets.IZHIKEVICH_2003_RANDOM;

	@Parameter(label = "Network file (JSON; empty: the preset)", required = false, persist = false,
		style = FileWidget.OPEN_STYLE, description = "A network written by Export Network or by hand (see " +
			"docs/NETWORK-FILES.md); it replaces the preset")
	private File network;

	@Parameter(label = "Parameters to fit (name=min:max[:log], ...)")
	private String tune = "ee.gain=0.5:4, ie.gain=0.5:4, ee.p=0.05:0.3, ie.p=0.05:0.5";

	@Parameter(label = "Loss", choices = { "spike", "spike+count", "isi+count", "gamma", "gamma+rate" })
	private String loss = "spike";

	@Parameter(label = "Algorithm", choices = { "ga", "es", "nsga2", "cma-es" })
	private String algorithm = "ga";

	@Parameter(label = "Population", min = "2")
	private int population = 20;

	@Parameter(label = "Generations", min = "1")
	private int generations = 20;

	@Parameter(label = "First window (ms; 0: the whole recording at once)", min = "0",
		description = "Fit the first this many ms, then windows twice as long, each around the last best (half the " +
			"ranges), ending with the whole recording. Recurrent networks are chaotic: over seconds the loss is a " +
			"needle at the truth, over a short window it leads there (250 with CMA-ES for 2 s of spiking, see " +
			"bench/README.md)")
	private double firstwindow = 0;

	@Parameter(label = "Seed (also of the frozen noise and the structure)", persist = false)
	private long seed = 1;

	@Parameter(label = "Backend", choices = { Backends.AUTO, Backends.CPU, Backends.OPENCL,
		Backends.SPARK })
	private String backend = Backends.AUTO;

	@Parameter(label = "Threads (0 = all processors)", min = "0")
	private int threads = 0;

	@Parameter(label = "Raster bin (ms)", min = "0.001")
	private double bin = 1;

	@Parameter(label = "Output folder", required = false, persist = false, style = FileWidget.DIRECTORY_STYLE)
	private File output;

	@Parameter(label = "Resume from the output folder's checkpoint", persist = false,
		description = "Go on from checkpoint.json in the output folder (kept after every generation), as if the run " +
			"had never stopped; with a first window, in the ranges the windows had narrowed to")
	private boolean resume = false;

	@Parameter(type = ItemIO.OUTPUT, label = "Best parameters")
	private String best;

	@Parameter(type = ItemIO.OUTPUT, label = "Best loss")
	private double fitness;

	@Parameter(type = ItemIO.OUTPUT, label = "Generations")
	private ResultsTable history;

	@Parameter(type = ItemIO.OUTPUT, label = "Data raster")
	private Img<ARGBType> dataraster;

	@Parameter(type = ItemIO.OUTPUT, label = "Model raster")
	private Img<ARGBType> modelraster;

	@Parameter(type = ItemIO.OUTPUT, label = "Convergence")
	private Img<ARGBType> plot;

	@Override
	public void run() {
		final CommandProgress progress = new CommandProgress("Fit Network", generations, status, log, this);
		try {
			if (data == null) throw new IllegalArgumentException("no spike file given");
			if (!(stop >= 0)) throw new IllegalArgumentException("stop must be >= 0 ms, got " + stop);
			if (!(firstwindow >= 0 && firstwindow < Double.POSITIVE_INFINITY)) {
				throw new IllegalArgumentException("first window must be >= 0 ms and finite, got " + firstwindow);
			}
			final SpikeTrains trains = spikeTune.openSpikeTrains(data.toPath(), 0, 0, stop);
			final TuningConfig config = NetworkFit.config(spikeTune.network(preset, network), trains, ParameterSpace
				.parse(tune), SpikeTrainMatch.Loss.parse(loss), Algorithm.of(algorithm, population, Double.NaN, Double.NaN),
				Termination.generations(generations), seed);
			final Tuner tuner = spikeTune.tuner(backend, threads);
			final TuningConfig whole = firstwindow > 0 ? narrowOverWindows(tuner, config, trains, progress) : config;
			final TuningResult result = spikeTune.tune(whole, progress, backend, threads, output == null ? null
				: output.toPath(), resume);
			best = ResultsTables.parameters(result.best());
			fitness = result.bestFitness();
			history = ResultsTables.generations(result.generations(), config.space().names());
			final SpikeTrains model = NetworkFit.simulate(tuner.simulator(), config, result.best()).subset(0, trains
				.size()).window(trains.startMs(), trains.stopMs());
			dataraster = spikeTune.raster(trains, List.of("data"), new int[] { trains.size() }, bin);
			modelraster = spikeTune.raster(model, List.of("model"), new int[] { model.size() }, bin);
			plot = spikeTune.convergencePlot(result);
			log.info(String.format(Locale.ROOT, "Fit Network to Spike Trains: %s, loss %.4g (%d trains, %.0f ms)",
				best, fitness, trains.size(), trains.durationMs()));
		}
		catch (final IOException | IllegalArgumentException | SimulationException e) {
			cancel(e.getMessage());
			log.error("Fit Network to Spike Trains: " + e.getMessage());
		}
		finally {
			progress.done();
		}
	}

	/**
	 * The growing-window stages; the whole recording's run (with history, checkpoints) is left to the caller.
	 * Resuming from that run's checkpoint takes the narrowed ranges from it instead of running the stages again.
	 */
	private TuningConfig narrowOverWindows(final Tuner tuner, final TuningConfig config, final SpikeTrains trains,
		final CommandProgress progress)
	{
		final double[] stops = NetworkFit.doublingStops(trains, firstwindow);
		final Path checkpoint = output == null ? null : output.toPath().resolve(CheckpointFile.NAME);
		if (resume && checkpoint != null && Files.exists(checkpoint)) {
			final String ranges = CheckpointFile.read(checkpoint).run().get("parameters");
			if (ranges == null) throw new IllegalArgumentException(checkpoint + " names no parameter ranges");
			log.info("Fit Network to Spike Trains: resuming the whole recording's run in the ranges its windows " +
				"narrowed to: " + ranges);
			return NetworkFit.lastWindow(config, ParameterSpace.parse(ranges));
		}
		// a generation costs the simulated time, from 0 to the window's stop
		final double[] work = Arrays.copyOf(stops, stops.length + 1);
		work[stops.length] = trains.stopMs();
		progress.expectRuns(generations, work);
		if (!"cma-es".equals(algorithm)) {
			log.warn("Fit Network to Spike Trains: growing windows were measured to help with cma-es; with " +
				algorithm + " a short window's best can end far from the truth, and the later windows stay near it " +
				"(bench/README.md, \"Growing windows\")");
		}
		log.info("Fit Network to Spike Trains: windows up to " + Arrays.toString(stops) +
			" ms, then the whole recording (" + trains.stopMs() + " ms); history and checkpoint of the last only");
		return NetworkFit.narrowOverWindows(tuner, config, stops, 0.5, progress);
	}
}
