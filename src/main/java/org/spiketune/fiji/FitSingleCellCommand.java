package org.spiketune.fiji;

import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

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
import org.spiketune.fit.SingleCellFit;
import org.spiketune.model.Checks;
import org.spiketune.objective.SpikeTrainMatch;
import org.spiketune.sim.SimulationException;
import org.spiketune.sim.backends.Backends;
import org.spiketune.spikes.RecordedSweeps;
import org.spiketune.spikes.SpikeTrains;
import org.spiketune.spikes.io.Abf2;
import org.spiketune.tune.Algorithm;
import org.spiketune.tune.ParameterSpace;
import org.spiketune.tune.Termination;
import org.spiketune.tune.Tuner;
import org.spiketune.tune.TuningConfig;
import org.spiketune.tune.TuningResult;

/**
 * Fits an Izhikevich or AdEx neuron to a current-clamp recording (ABF 2): the model is driven by the
 * recorded command current of the fitted sweeps, its spikes compared with the recorded ones; the best
 * parameters then predict the held-out sweeps. Outputs a table per sweep (Γ, spike counts), rasters of data
 * and model, and the convergence plot. With a known cell, the cell's own spikes under the recorded current
 * replace the recorded ones (an identifiability check), and a table compares the fit with the cell's values.
 */
@Plugin(type = Command.class, menuPath = "Plugins>SpikeTune>Fit Single Cell", label = "Fit Single Cell",
	headless = true)
public class FitSingleCellCommand extends ContextCommand {

	@Parameter
	private SpikeTuneService spikeTune;

	@Parameter
	private LogService log;

	@Parameter(required = false)
	private StatusService status;

	@Parameter(label = "Current-clamp recording (ABF 2)", style = FileWidget.OPEN_STYLE, persist = false)
	private File file;

	@Parameter(label = "Model", choices = { "izhikevich", "adex" })
	private String model = "izhikevich";

	@Parameter(label = "Sweeps to fit (e.g. 0,2,4-8)")
	private String fit = "0";

	@Parameter(label = "Sweeps to predict (empty: all others)", required = false)
	private String predict = "";

	@Parameter(label = "Spike threshold (mV)")
	private double threshold = SingleCellFit.DEFAULT_THRESHOLD_MV;

	@Parameter(label = "Loss", choices = { "spike+count", "gamma", "gamma+rate", "isi+count", "spike" })
	private String loss = "spike+count";

	@Parameter(label = "Coincidence window Δ (ms)", min = "0.01")
	private double window = SpikeTrainMatch.DEFAULT_WINDOW_MS;

	@Parameter(label = "Parameters to fit (empty: the model's defaults)", required = false,
		description = "name=min:max[:log], e.g. *.a=0.002:0.3, *.gain=0.005:0.5:log")
	private String tune = "";

	@Parameter(label = "Algorithm", choices = { "ga", "es", "nsga2", "cma-es" })
	private String algorithm = "ga";

	@Parameter(label = "Population", min = "2")
	private int population = 40;

	@Parameter(label = "Generations", min = "1")
	private int generations = 40;

	@Parameter(label = "CMA-ES restarts (starting points run at once)", min = "1",
		description = "only for cma-es; a rugged spike-time loss needs many (16 found a known cell in bench/fit)")
	private int restarts = 4;

	@Parameter(label = "Refinements (zoomed runs after the first)", min = "0")
	private int refinements = 0;

	@Parameter(label = "CMA-ES restarts in refinements (0: as in the first run)", min = "0",
		description = "only for cma-es, like the restarts; a zoomed box can still hold several pits a little off " +
			"the truth, and more restarts there find the deepest more often (32 after 8 recovered a known cell in bench/fit)")
	private int refinementrestarts = 0;

	@Parameter(label = "Known cell instead of the recording (empty: fit the recording)", required = false,
		persist = false,
		description = "e.g. a=0.1, b=0.2, c=-60, d=2, gain=0.04 (a value for every fitted parameter): fits the spikes " +
			"this cell fires under the recording's current instead of the recorded ones and reports how close each " +
			"parameter comes back, i.e. whether these sweeps can identify the model at all")
	private String known = "";

	@Parameter(label = "Known cell: current noise sd (0: none)", min = "0", persist = false,
		description = "a frozen white noise added to the fitted sweeps' current (per time step, not scaled by the " +
			"gain); it pins spike times, with loss 'spike' (bench/README.md, \"Fitting a known cell\")")
	private double noise = 0;

	@Parameter(label = "Time step (ms)", min = "0.001")
	private double dt = 0.1;

	@Parameter(label = "Seed", persist = false)
	private long seed = 1;

	@Parameter(label = "Backend", choices = { Backends.AUTO, Backends.CPU, Backends.OPENCL,
		Backends.SPARK })
	private String backend = Backends.AUTO;

	@Parameter(label = "Threads (0 = all processors)", min = "0")
	private int threads = 0;

	@Parameter(label = "Raster bin (ms)", min = "0.001")
	private double bin = 1;

	@Parameter(type = ItemIO.OUTPUT, label = "Best parameters")
	private String best;

	@Parameter(type = ItemIO.OUTPUT, label = "Best loss")
	private double fitness;

	@Parameter(type = ItemIO.OUTPUT, label = "Mean Γ of the predicted sweeps")
	private double gamma;

	@Parameter(type = ItemIO.OUTPUT, label = "Known-cell errors")
	private ResultsTable errors;

	@Parameter(type = ItemIO.OUTPUT, label = "Sweeps")
	private ResultsTable sweeps;

	@Parameter(type = ItemIO.OUTPUT, label = "Data raster")
	private Img<ARGBType> dataraster;

	@Parameter(type = ItemIO.OUTPUT, label = "Model raster")
	private Img<ARGBType> modelraster;

	@Parameter(type = ItemIO.OUTPUT, label = "Convergence")
	private Img<ARGBType> plot;

	@Override
	public void run() {
		final CommandProgress progress = new CommandProgress("Fit Single Cell", generations * (refinements + 1),
			status, log, this);
		try {
			if (file == null) throw new IllegalArgumentException("no recording given");
			final SingleCellFit.CellModel cell = SingleCellFit.CellModel.parse(model);
			final RecordedSweeps recording = Abf2.read(file.toPath());
			final int[] fitted = SingleCellFit.parseSweeps(fit);
			final int[] predicted = predict == null || predict.isBlank() ? IntStream.range(0, recording.count())
				.filter(k -> IntStream.of(fitted).noneMatch(f -> f == k)).toArray() : SingleCellFit.parseSweeps(predict);
			final ParameterSpace space = tune == null || tune.isBlank() ? cell.defaultSpace() : ParameterSpace.parse(
				tune);
			final Map<String, Double> truth = known == null || known.isBlank() ? null : SingleCellFit.knownCell(known,
				space);
			if (truth == null && noise != 0) {
				throw new IllegalArgumentException("current noise is for a known cell; give its values, or noise 0");
			}
			final Tuner tuner = spikeTune.tuner(backend, threads);
			// a known cell's spikes replace the recorded ones; its fitted sweeps may carry frozen noise
			final SpikeTrains data = truth == null ? SingleCellFit.spikes(recording, threshold) : SingleCellFit
				.knownCellSpikes(tuner.simulator(), cell, truth, recording, dt);
			final TuningConfig recorded = SingleCellFit.config(cell, recording, data, fitted, space, SpikeTrainMatch.Loss
				.parse(loss), window, algorithm(), Termination.generations(generations), dt, seed);
			final TuningConfig config = truth == null ? recorded : SingleCellFit.knownCellConfig(tuner.simulator(),
				recorded, cell, truth, recording, fitted, dt, noise);
			final Algorithm refinement = refinementAlgorithm(config.algorithm());
			final double[] work = new double[refinements + 1];
			Arrays.fill(work, refinement.membersPerGeneration());
			work[0] = config.algorithm().membersPerGeneration();
			progress.expectRuns(generations, work);
			final TuningResult result = SingleCellFit.tune(tuner, config, refinements, refinement, progress);
			if (truth != null) errors = knownCellErrors(truth, result.best());
			// one simulation of every shown sweep serves the table, Γ and the model raster
			final int[] all = IntStream.concat(IntStream.of(fitted), IntStream.of(predicted)).distinct().toArray();
			final SingleCellFit.Prediction prediction = SingleCellFit.predict(tuner.simulator(), cell, result.best(),
				recording, data, all, dt, window);
			best = ResultsTables.parameters(result.best());
			fitness = result.bestFitness();
			sweeps = new ResultsTable();
			addRows(sweeps, "fit", prediction, fitted);
			gamma = addRows(sweeps, "predict", prediction, predicted);
			final SpikeTrains shown = SingleCellFit.select(data, all);
			dataraster = spikeTune.raster(shown, List.of("data"), new int[] { shown.size() }, bin);
			modelraster = spikeTune.raster(prediction.model(), List.of("model"), new int[] { all.length }, bin);
			plot = spikeTune.convergencePlot(result);
			log.info(String.format(Locale.ROOT, "Fit Single Cell: %s, loss %.4g; predicted sweeps: mean Γ %.3f", best,
				fitness, gamma));
		}
		catch (final IOException | IllegalArgumentException | SimulationException e) {
			cancel(e.getMessage());
			log.error("Fit Single Cell: " + e.getMessage());
		}
		finally {
			progress.done();
		}
	}

	/** Per fitted parameter: the known cell's value, the fit's, and the error in % of the true value. */
	private static ResultsTable knownCellErrors(final Map<String, Double> truth, final Map<String, Double> fitted) {
		final ResultsTable table = new ResultsTable();
		for (final Map.Entry<String, Double> e : fitted.entrySet()) {
			final double t = truth.get(e.getKey());
			table.incrementCounter();
			table.addValue("parameter", e.getKey());
			table.addValue("true", t);
			table.addValue("fitted", e.getValue());
			table.addValue("error_percent", 100 * (e.getValue() - t) / Math.abs(t));
		}
		return table;
	}

	/** Rows for {@code indices} (in that order) of the prediction; returns their mean defined Γ. */
	private static double addRows(final ResultsTable table, final String set,
		final SingleCellFit.Prediction prediction, final int[] indices)
	{
		double sum = 0;
		int defined = 0;
		for (final int sweep : indices) {
			final SingleCellFit.SweepPrediction p = prediction.sweeps().stream().filter(q -> q.sweep() == sweep)
				.findFirst().orElseThrow();
			table.incrementCounter();
			table.addValue("sweep", p.sweep());
			table.addValue("set", set);
			table.addValue("max_current", p.maxCurrent());
			table.addValue("data_spikes", p.dataSpikes());
			table.addValue("model_spikes", p.modelSpikes());
			table.addValue("count_error", p.countError());
			table.addValue("gamma", p.gamma());
			table.addValue("spike_distance", p.spikeDistance());
			if (!Double.isNaN(p.gamma())) {
				sum += p.gamma();
				defined++;
			}
		}
		return defined == 0 ? Double.NaN : sum / defined;
	}

	/**
	 * The first run's algorithm, with the refinement restarts for cma-es; other algorithms have no restarts, and
	 * the log says so when some were asked for.
	 */
	private Algorithm refinementAlgorithm(final Algorithm first) {
		// the dialog's minimum does not hold for scripts and the command line
		Checks.atLeast("CMA-ES restarts in refinements", refinementrestarts, 0);
		if (refinementrestarts > 0 && refinements > 0 && !(first instanceof Algorithm.CmaEs)) {
			log.warn("Fit Single Cell: " + refinementrestarts + " restarts in refinements apply to cma-es only; the " +
				"refinements run " + first.name() + " as the first run does");
		}
		return refinementrestarts > 0 && first instanceof Algorithm.CmaEs cma ? new Algorithm.CmaEs(cma
			.populationSize(), refinementrestarts, cma.sigma()) : first;
	}

	private Algorithm algorithm() {
		final Algorithm preset = Algorithm.of(algorithm, population, Double.NaN, Double.NaN);
		return preset instanceof Algorithm.CmaEs cma ? new Algorithm.CmaEs(cma.populationSize(), restarts, cma
			.sigma()) : preset;
	}
}
