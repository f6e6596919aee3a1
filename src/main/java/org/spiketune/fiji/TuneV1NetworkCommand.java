package org.spiketune.fiji;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ij.measure.ResultsTable;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.ARGBType;

import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;
import org.spiketune.img.V1Figures;
import org.spiketune.objective.V1Tuning;
import org.spiketune.sim.SimulationException;
import org.spiketune.sim.backends.Backends;
import org.spiketune.tune.Evaluation;
import org.spiketune.tune.TuningConfig;
import org.spiketune.tune.TuningListener;
import org.spiketune.tune.TuningResult;
import org.spiketune.tune.V1Study;

/**
 * Tunes the 14 parameters of the V1 network of Carlson et al. (2014) with the study's evolution strategy
 * (10 parents, 10 offspring, weak elitism) toward the V1 fitness; every generation is one batch of networks,
 * each trained on its own random stimulus order. Outputs as Tune Network: best parameters, fitness, the
 * generations table and convergence; the best network's fitness components with each output neuron's
 * preferred angle and peak rate; and the scatter plots of Figs. 8-9 (the best 5% of all evaluated
 * individuals against the rest); with an output folder, also the history with every fitness component and
 * each output neuron's depolarization (a block the study's fitness cannot see). {@code blockpenalty} tunes
 * with a variant that penalizes the block ({@link V1Tuning#withBlockPenalty}).
 */
@Plugin(type = Command.class, menuPath = "Plugins>SpikeTune>Tune V1 Network", label = "Tune V1 Network",
	headless = true)
public class TuneV1NetworkCommand extends V1Command {

	@Parameter
	private StatusService status;

	@Parameter(label = "Generations (the study stopped after 287)", min = "1")
	private int generations = 20;

	@Parameter(label = "Penalize depolarization block (not the study's fitness)", required = false,
		description = "Each output neuron held at v >= -10 mV for most of a test costs the study's constraint " +
			"penalty (240) there: with NMDA, the study's fitness scores such a silenced neuron as a tuned one")
	private boolean blockpenalty = false;

	@Parameter(label = "Seed", persist = false)
	private long seed = 1;

	@Parameter(label = "Backend", choices = { Backends.AUTO, Backends.CPU, Backends.OPENCL,
		Backends.SPARK })
	private String backend = Backends.AUTO;

	@Parameter(label = "OpenCL device (gpu, cpu, all, index or name)", required = false, persist = false)
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

	@Parameter(type = ItemIO.OUTPUT, label = "Best network (fitness components, preferred angles and peaks)")
	private String network;

	@Parameter(type = ItemIO.OUTPUT, label = "Generations")
	private ResultsTable history;

	@Parameter(type = ItemIO.OUTPUT, label = "Convergence")
	private Img<ARGBType> plot;

	@Parameter(type = ItemIO.OUTPUT, label = "Homeostatic targets, high vs low fitness (Fig. 8)")
	private Img<ARGBType> targets;

	@Parameter(type = ItemIO.OUTPUT, label = "STDP LTD/LTP window ratios, high vs low fitness (Fig. 9A)")
	private Img<ARGBType> windows;

	@Override
	public void run() {
		final V1Study.Settings settings;
		final TuningConfig config;
		try {
			settings = settings(8);
			config = V1Study.tuning(settings, generations, seed, blockpenalty);
		}
		catch (final IllegalArgumentException e) {
			fail(e.getMessage());
			return;
		}
		final CommandProgress progress = new CommandProgress("Tune V1 Network", generations, status, log, this);
		final List<Evaluation> evaluations = new ArrayList<>();
		final TuningListener collect = new TuningListener() {

			@Override
			public void evaluated(final Evaluation evaluation) {
				evaluations.add(evaluation);
			}
		};
		final TuningResult result;
		try {
			result = spikeTune.tune(config, TuningListener.all(progress, collect), Backends.named(backend, device),
				threads, output == null ? null : output.toPath(), resume);
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
		best = ResultsTables.parameters(result.best());
		fitness = result.bestFitness();
		network = describeBest((V1Tuning) config.objective(), result);
		history = ResultsTables.precise(ResultsTables.generations(result.generations(), config.space().names()), "best",
			"mean", "sd");
		plot = spikeTune.convergencePlot(result);
		final List<String> names = config.space().names();
		targets = V1Figures.scatter("Homeostatic target rates (top 5% by fitness vs the rest)",
			"Exc target (Hz)", "Inh target (Hz)", V1Study.parameterClasses(evaluations, names, v -> v.get(
				"*buf_exc.target"), v -> v.get("exc_inh.target"), 0.05));
		windows = V1Figures.scatter("STDP LTD/LTP window ratios (top 5% by fitness vs the rest)",
			"Buffer→Exc LTD/LTP τ", "Exc→Inh LTD/LTP τ", V1Study.parameterClasses(evaluations, names, v -> v.get(
				"*buf_exc.ltdtau") / v.get("*buf_exc.ltptau"), v -> v.get("exc_inh.ltdtau") / v.get("exc_inh.ltptau"),
				0.05));
		if (output != null) {
			try {
				PngFiles.save(targets, output.toPath().resolve("targets.png"));
				PngFiles.save(windows, output.toPath().resolve("stdp-windows.png"));
				java.nio.file.Files.writeString(output.toPath().resolve("best-network.txt"), String.format(Locale.ROOT,
					"%s%n%s%nnetwork: %s%n", best, network, settings.network().name()));
			}
			catch (final IOException e) {
				fail("could not write to " + output + ": " + e.getMessage());
				return;
			}
		}
		log.info(String.format(Locale.ROOT, "Tune V1 Network: fitness %.5g after %d generations: %s%n%s", fitness,
			result.generations().size(), best, network));
	}

	/**
	 * The best network's fitness in words, from the components its evaluation recorded, with how long its output
	 * neurons spent depolarized (a block the fitness cannot see).
	 */
	private static String describeBest(final V1Tuning objective, final TuningResult result) {
		if (result.bestScore() == null || result.bestScore().failed()) return "no network was scored";
		final String fitness = V1Figures.describe(objective.fitness(result.bestScore()));
		final double[] depolarized = objective.depolarized(result.bestScore());
		final StringBuilder shares = new StringBuilder();
		for (int i = 0; i < depolarized.length; i++) {
			shares.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.0f%%", 100 * depolarized[i]));
		}
		return String.format(Locale.ROOT, "%s%nlargest share of a test depolarized (v ≥ %.0f mV), per neuron: %s; " +
			"tests in depolarization block: %.0f%s", fitness, V1Tuning.DEPOLARIZED_MV, shares, objective.blockedTests(
				result.bestScore()), objective.blockPenalty() ? " (penalized)" : "");
	}

	private void fail(final String message) {
		fail("Tune V1 Network", message);
	}
}
