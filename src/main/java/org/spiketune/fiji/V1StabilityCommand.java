package org.spiketune.fiji;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
import org.spiketune.io.V1RatesFile;
import org.spiketune.model.NamedValues;
import org.spiketune.model.V1ParameterSet;
import org.spiketune.sim.SimulationException;
import org.spiketune.sim.backends.Backends;
import org.spiketune.tune.V1Study;

/**
 * The stability analysis of Carlson et al. (2014): one parameter set retrained in n new networks, each with
 * its own random initial weights and stimulus order (one batch each); the share of networks whose 4 output
 * neurons are all well tuned (decorrelation ≤ 15, Gaussian ≤ 950, max rate ≤ 50) and the population-vector
 * decoding of the test angles from all networks' neurons (error per angle, mean ± sd). A table lists every
 * run: its fitness components, each output neuron's preferred angle and peak, the neurons' mean selectivity
 * and receptive-field similarity with the closest training grating, and the largest share of a test any of
 * them spent in depolarization block (v ≥ −10 mV). Each finished run is reported and written to runs.csv at
 * once; cancelling or Esc stops after the current run, and a run that fails ends the analysis with an error,
 * both after summarising the runs done.
 */
@Plugin(type = Command.class, menuPath = "Plugins>SpikeTune>V1 Stability", label = "V1 Stability", headless = true)
public class V1StabilityCommand extends V1Command {

	@Parameter
	private StatusService status;

	@Parameter(label = "Parameter set", choices = { PRESET_SET, TUNED_SET }, description = SET_DESCRIPTION)
	private String parameterset = PRESET_SET;

	@Parameter(label = "Parameters (name=value, ...)", required = false,
		description = "Values that change the parameter set's, e.g. the best of Tune V1 Network")
	private String parameters = "";

	@Parameter(label = "Runs (new networks and stimulus orders; the study: 100)", min = "1")
	private int runs = 10;

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

	@Parameter(type = ItemIO.OUTPUT, label = "Share well tuned")
	private double share;

	@Parameter(type = ItemIO.OUTPUT, label = "Decoding error mean (degrees)")
	private double error;

	@Parameter(type = ItemIO.OUTPUT, label = "Decoding error sd (degrees)")
	private double errorsd;

	@Parameter(type = ItemIO.OUTPUT, label = "Runs")
	private ResultsTable table;

	@Parameter(type = ItemIO.OUTPUT, label = "Decoding error per angle")
	private Img<ARGBType> decoding;

	@Override
	public void run() {
		final V1Study.Settings settings;
		final V1ParameterSet set;
		try {
			set = V1ParameterSet.named(parameterset);
			settings = settings(8, set);
		}
		catch (final IllegalArgumentException e) {
			fail("V1 Stability", e.getMessage());
			return;
		}
		final int pixelsPerSide = settings.side();
		final CommandProgress progress = new CommandProgress("V1 Stability", runs, status, log, this);
		final long started = System.nanoTime();
		table = new ResultsTable();
		final List<V1Study.Trial> finished = new ArrayList<>();
		V1Study.Stability stability;
		String failure = null;
		try {
			final Map<String, Double> values = set.parameters(pixelsPerSide, parameters == null || parameters.isBlank() ? Map
				.of() : NamedValues.parse(parameters));
			stability = V1Study.stability(spikeTune.simulator(Backends.named(backend, device), threads), settings,
				values, runs, seed, (trial, done, total) -> {
					finished.add(trial);
					addRow(trial, settings);
					saveRuns(finished, settings, values); // a long analysis keeps every finished run on disk
					progress.runDone(done, total, String.format(Locale.ROOT, "fitness %.4g, %s", trial.fitness().value(),
						trial.fitness().wellTuned() ? "well tuned" : "not well tuned"), (System.nanoTime() - started) / 1e6);
					return !progress.cancelled();
				});
		}
		catch (final IllegalArgumentException | SimulationException e) {
			if (finished.isEmpty()) {
				fail("V1 Stability", e.getMessage());
				return;
			}
			// a later run failed: the runs done are still summarised and written, then the command fails
			failure = String.format(Locale.ROOT, "run %d of %d failed: %s", finished.size() + 1, runs, e.getMessage());
			stability = V1Study.summarise(finished);
		}
		finally {
			progress.done();
		}
		final int done = stability.trials().size();
		share = stability.shareWellTuned();
		error = stability.decoding().meanErrorDeg();
		errorsd = stability.decoding().sdErrorDeg();
		decoding = V1Figures.decodingErrors(stability.decoding());
		final String stopped = done >= runs ? "" : String.format(Locale.ROOT, "%s after %d of %d runs: ", failure != null
			? failure + "; summary" : "stopped", done, runs);
		final String changed = parameters == null || parameters.isBlank() ? "" : "; changed: " + parameters.strip();
		final String summary = String.format(Locale.ROOT, "%s%s%nnetwork: %s%nparameter set: %s%s", stopped, V1Figures
			.describe(stability.summary()), settings.network().name(), set.label(), changed);
		log.info("V1 Stability: " + summary);
		if (output != null) {
			try {
				final Path folder = Files.createDirectories(output.toPath());
				PngFiles.save(decoding, folder.resolve("decoding.png"));
				Files.writeString(folder.resolve("summary.txt"), summary + System.lineSeparator());
			}
			catch (final IOException e) {
				cancel("could not write results to " + output + ": " + e.getMessage());
				log.error("V1 Stability: could not write results to " + output, e);
				return;
			}
		}
		if (failure != null) {
			fail("V1 Stability", failure + " (the " + done + " runs done are summarised" + (output == null ? ")"
				: " in " + output + ")"));
		}
	}

	/** One run's row: its fitness components, its output neurons' preferences, peaks, selectivity and fields. */
	private void addRow(final V1Study.Trial t, final V1Study.Settings settings) {
		V1StabilityTables.addRun(table, t.tested());
		final List<V1Study.Neuron> neurons = t.neurons(settings);
		table.addValue("mean_field_similarity", neurons.stream().mapToDouble(n -> n.field().similarity()).average()
			.orElse(0));
		// near 1: a neuron spent most of a test in depolarization block, which the fitness scores as silence
		table.addValue("max_depolarized", neurons.stream().mapToDouble(V1Study.Neuron::depolarized).max().orElse(0));
	}

	/**
	 * Writes the table so far to runs.csv and the runs' test rates to {@value V1RatesFile#NAME} (what Pool V1
	 * Stability Runs reads); a failure is logged and the analysis goes on.
	 */
	private void saveRuns(final List<V1Study.Trial> finished, final V1Study.Settings settings,
		final Map<String, Double> values)
	{
		if (output == null) return;
		try {
			final Path folder = Files.createDirectories(output.toPath());
			table.save(folder.resolve("runs.csv").toString());
			V1RatesFile.write(folder.resolve(V1RatesFile.NAME), settings, values, finished.stream().map(
				V1Study.Trial::tested).toList());
		}
		catch (final IOException e) {
			log.error("V1 Stability: could not write the runs to " + output + ": " + e.getMessage());
		}
	}
}
