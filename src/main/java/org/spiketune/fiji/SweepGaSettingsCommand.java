package org.spiketune.fiji;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
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
import org.spiketune.model.Presets;
import org.spiketune.objective.RateTarget;
import org.spiketune.sim.SimulationException;
import org.spiketune.sim.backends.Backends;
import org.spiketune.tune.Algorithm;
import org.spiketune.tune.NoiseHandling;
import org.spiketune.tune.ParameterSpace;
import org.spiketune.tune.Sweeps;
import org.spiketune.tune.Termination;
import org.spiketune.tune.TuningConfig;
import org.spiketune.tune.TuningResult;

/**
 * The GA study's Figs. 5 and 6: repeated GA runs over crossover fractions (at a fixed population) and over
 * population sizes (at a fixed crossover fraction); the final error of each setting as mean +- sd, as the
 * GA saw it and validated on fresh networks. Writes the tables and both plots to the output folder.
 */
@Plugin(type = Command.class, menuPath = "Plugins>SpikeTune>Sweep GA Settings", label = "Sweep GA Settings",
	headless = true)
public class SweepGaSettingsCommand extends ContextCommand {

	@Parameter
	private SpikeTuneService spikeTune;

	@Parameter
	private LogService log;

	@Parameter(required = false)
	private StatusService status;

	@Parameter(label = "Network preset", choices = { Presets.IZHIKEVICH_2003 })
	private String preset = Presets.IZHIKEVICH_2003;

	@Parameter(label = "Parameters to tune (name=min:max[:log], ...)")
	private String tune = "exc.bias=-5:5";

	@Parameter(label = "Target rate (Hz, or group=Hz, ...)")
	private String target = "5";

	@Parameter(label = "Crossover fractions (start:step:end or list; empty: skip)", required = false)
	private String crossovers = "0:0.1:1";

	@Parameter(label = "Population sizes (list; empty: skip)", required = false)
	private String populations = "4, 8, 12, 16, 20, 24, 32";

	@Parameter(label = "Population while sweeping crossover", min = "2")
	private int population = 20;

	@Parameter(label = "Crossover fraction while sweeping population", min = "0", max = "1")
	private double crossover = 0.8;

	@Parameter(label = "Repeats per setting", min = "1")
	private int repeats = 5;

	@Parameter(label = "Generations per run", min = "1")
	private int generations = 100;

	@Parameter(label = "Duration per evaluation (ms)", min = "1")
	private double duration = 1000;

	@Parameter(label = "Validation samples (fresh networks per run)", min = "1")
	private int validation = 5;

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

	@Parameter(label = "Output folder", required = false, persist = false, style = FileWidget.DIRECTORY_STYLE)
	private File output;

	@Parameter(type = ItemIO.OUTPUT, label = "Error vs crossover fraction")
	private Img<ARGBType> crossoverplot;

	@Parameter(type = ItemIO.OUTPUT, label = "Error vs population size")
	private Img<ARGBType> populationplot;

	@Parameter(type = ItemIO.OUTPUT, label = "Crossover sweep")
	private ResultsTable crossovertable;

	@Parameter(type = ItemIO.OUTPUT, label = "Population sweep")
	private ResultsTable populationtable;

	@Override
	public void run() {
		final TuningConfig base;
		final double[] crossoverValues, populationValues;
		try {
			base = new TuningConfig(Presets.get(preset), ParameterSpace.parse(tune), RateTarget.parse(target),
				Algorithm.Ga.defaults().withPopulation(population).withCrossover(crossover), Termination.generations(
					generations), duration, seed, NoiseHandling.none());
			crossoverValues = crossovers == null || crossovers.isBlank() ? new double[0] : Sweeps.parseValues(
				crossovers);
			populationValues = populations == null || populations.isBlank() ? new double[0] : Sweeps.parseValues(
				populations);
		}
		catch (final IllegalArgumentException e) {
			fail(e.getMessage());
			return;
		}
		final int total = (crossoverValues.length + populationValues.length) * repeats;
		final int[] done = { 0 };
		final long start = System.nanoTime();
		final Sweeps.Progress progress = new Sweeps.Progress() {

			@Override
			public void finished(final Sweeps.Setting setting, final double value, final int repeat,
				final TuningResult result, final double validated)
			{
				done[0]++;
				final double left = (System.nanoTime() - start) / 1e9 / done[0] * (total - done[0]);
				final String line = String.format(Locale.ROOT,
					"Sweep GA Settings: %s %.4g, run %d/%d: final error %.4g, validated %.4g (%d/%d runs, about %.0f s left)",
					setting.label(), value, repeat + 1, repeats, result.bestFitness(), validated, done[0], total, left);
				if (status != null) status.showStatus(done[0], total, line);
				log.info(line);
			}

			@Override
			public boolean cancelled() {
				return isCanceled() || Thread.currentThread().isInterrupted();
			}
		};
		try {
			final Path folder = output == null ? null : output.toPath();
			if (crossoverValues.length > 0) {
				final Sweeps.Result r = spikeTune.sweep(base, Sweeps.Setting.CROSSOVER, crossoverValues, repeats,
					validation, progress, Backends.named(backend, device), threads, folder);
				crossovertable = ResultsTables.sweep(r);
				crossoverplot = spikeTune.sweepPlot(r, "Final error vs crossover fraction (population " + population +
					")");
			}
			if (populationValues.length > 0 && !progress.cancelled()) {
				final Sweeps.Result r = spikeTune.sweep(base, Sweeps.Setting.POPULATION, populationValues, repeats,
					validation, progress, Backends.named(backend, device), threads, folder);
				populationtable = ResultsTables.sweep(r);
				populationplot = spikeTune.sweepPlot(r, "Final error vs population size (crossover " + crossover + ")");
			}
		}
		catch (final IllegalArgumentException | SimulationException e) {
			fail(e.getMessage());
		}
		catch (final IOException e) {
			fail("could not write to " + output + ": " + e.getMessage());
		}
		finally {
			if (status != null) status.clearStatus();
		}
	}

	private void fail(final String message) {
		cancel(message);
		log.error("Sweep GA Settings: " + message);
	}
}
