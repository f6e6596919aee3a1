package org.spiketune.fiji;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
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
import org.spiketune.tune.Termination;
import org.spiketune.tune.TuningConfig;
import org.spiketune.tune.TuningResult;

/**
 * Tunes named parameters of a preset network (or one from a network file) with an evolutionary algorithm until its firing rate meets a
 * target (the GA study). Each generation is one simulated batch. Outputs the best parameters, their
 * fitness, the per-generation table and the convergence plot; with an output folder, also the full history
 * (streamed while it runs), summary.json and the plot files. Cancelling keeps the best so far.
 */
@Plugin(type = Command.class, menuPath = "Plugins>SpikeTune>Tune Network", label = "Tune Network",
	headless = true)
public class TuneNetworkCommand extends ContextCommand {

	@Parameter
	private SpikeTuneService spikeTune;

	@Parameter
	private LogService log;

	@Parameter(required = false)
	private StatusService status;

	@Parameter(label = "Network preset", choices = { Presets.IZHIKEVICH_2003 })
	private String preset = Presets.IZHIKEVICH_2003;

	@Parameter(label = "Network file (JSON; empty: the preset)", required = false, persist = false,
		style = FileWidget.OPEN_STYLE, description = "A network written by Export Network or by hand (see " +
			"docs/NETWORK-FILES.md); it replaces the preset")
	private File network;

	@Parameter(label = "Parameters to tune (name=min:max[:log], ...)",
		description = "e.g. exc.bias=-5:5, inh.bias=-5:5")
	private String tune = "exc.bias=-5:5";

	@Parameter(label = "Target rate (Hz, or group=Hz, ...)", description = "5 (whole network) or exc=5, inh=20")
	private String target = "5";

	@Parameter(label = "Algorithm", choices = { "ga", "es", "nsga2", "cma-es" })
	private String algorithm = "ga";

	@Parameter(label = "Population (es: offspring per generation)", min = "2")
	private int population = 20;

	@Parameter(label = "Generations (at most)", min = "1")
	private int generations = 100;

	@Parameter(label = "Crossover (ga: fraction of children; es, nsga2: rate; empty: preset)", required = false)
	private String crossover = "";

	@Parameter(label = "Mutation rate (empty: preset)", required = false)
	private String mutation = "";

	@Parameter(label = "Stop after generations without improvement (0: never)", min = "0")
	private int steady = 0;

	@Parameter(label = "Stop at fitness (empty: never)", required = false)
	private String stopat = "";

	@Parameter(label = "Time limit (minutes, 0: none)", min = "0")
	private double minutes = 0;

	@Parameter(label = "Duration per evaluation (ms)", min = "1")
	private double duration = 1000;

	@Parameter(label = "Seeds per individual", min = "1")
	private int samples = 1;

	@Parameter(label = "Re-evaluate survivors each generation")
	private boolean reevaluate = false;

	@Parameter(label = "New network instance each generation")
	private boolean vary = false;

	@Parameter(label = "Confirm the final population (simulations each, 0: off)", min = "0")
	private int confirm = 0;

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

	@Parameter(label = "Resume from the output folder's checkpoint", persist = false,
		description = "Go on from checkpoint.json in the output folder (kept after every generation), as if the run " +
			"had never stopped")
	private boolean resume = false;

	@Parameter(type = ItemIO.OUTPUT, label = "Best parameters")
	private String best;

	@Parameter(type = ItemIO.OUTPUT, label = "Best fitness")
	private double fitness;

	@Parameter(type = ItemIO.OUTPUT, label = "Generations")
	private ResultsTable history;

	@Parameter(type = ItemIO.OUTPUT, label = "Convergence")
	private Img<ARGBType> plot;

	@Parameter(type = ItemIO.OUTPUT, label = "Best parameters per generation")
	private Img<ARGBType> trajectories;

	@Override
	public void run() {
		final TuningConfig config;
		try {
			final Algorithm algo = Algorithm.of(algorithm, population, optional("crossover", crossover), optional(
				"mutation", mutation));
			Termination termination = Termination.generations(generations).withSteady(steady).withTarget(optional(
				"stopat", stopat));
			if (minutes > 0) termination = termination.withWallClock(Duration.ofMillis(Math.round(minutes * 60_000)));
			config = new TuningConfig(spikeTune.network(preset, network), ParameterSpace.parse(tune), RateTarget.parse(target), algo,
				termination, duration, seed, new NoiseHandling(samples, reevaluate, vary, confirm));
		}
		catch (final IllegalArgumentException e) {
			fail(e.getMessage());
			return;
		}
		final CommandProgress progress = new CommandProgress("Tune Network", generations, status, log, this);
		final TuningResult result;
		try {
			result = spikeTune.tune(config, progress, Backends.named(backend, device), threads, output == null ? null
				: output.toPath(), resume);
		}
		catch (final IllegalArgumentException | SimulationException e) {
			fail(e.getMessage());
			return;
		}
		catch (final IOException e) {
			fail("could not write to " + output + ": " + e.getMessage());
			return;
		}
		finally {
			progress.done();
		}
		for (final String change : result.backendSwitches()) log.warn("Tune Network: " + change);
		best = ResultsTables.parameters(result.best());
		fitness = result.bestFitness();
		history = ResultsTables.generations(result.generations(), config.space().names());
		plot = spikeTune.convergencePlot(result);
		trajectories = spikeTune.trajectories(result);
		log.info(String.format(Locale.ROOT, "Tune Network: %s after %d generations (%s), fitness %.4g, %d simulations " +
			"in %.1f s (%.1f s simulating on %s)", best, result.generations().size(), result.reason().name()
				.toLowerCase(), fitness, result.evaluations(), result.totalMs() / 1000, result.simulateMs() / 1000, result
					.device()));
	}

	private void fail(final String message) {
		cancel(message);
		log.error("Tune Network: " + message);
	}

	/** A number from an optional text field; NaN when empty (the preset's value). */
	static double optional(final String name, final String text) {
		if (text == null || text.isBlank()) return Double.NaN;
		try {
			return Double.parseDouble(text.trim());
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException(name + " must be a number or empty, got '" + text + "'");
		}
	}
}
