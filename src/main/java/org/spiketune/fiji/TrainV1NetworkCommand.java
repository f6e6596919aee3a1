package org.spiketune.fiji;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.real.FloatType;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;
import org.spiketune.img.V1Figures;
import org.spiketune.model.CarlsonV1;
import org.spiketune.model.NamedValues;
import org.spiketune.model.V1ParameterSet;
import org.spiketune.sim.SimulationException;
import org.spiketune.sim.backends.Backends;
import org.spiketune.tune.V1Study;

/**
 * Trains the V1 network of Carlson et al. (2014) with one parameter set (a named {@link V1ParameterSet}, with
 * single values changed) and tests it: its fitness and components, the tuning curves with their Gaussians
 * (Fig. 5), the learned receptive fields (Fig. 6) and the test raster of Exc and Inh (Fig. 7); with an output
 * folder, also as PNG and TIFF files.
 */
@Plugin(type = Command.class, menuPath = "Plugins>SpikeTune>Train V1 Network", label = "Train V1 Network",
	headless = true)
public class TrainV1NetworkCommand extends V1Command {

	/** Screen pixels per weight in receptive-fields.png: 32×32 fields become 192 pixels wide. */
	private static final int FIELD_MAGNIFICATION = 6;
	/** Pixels per neuron in test-raster.png: its 8 neurons' rows become 96 pixels. */
	private static final int RASTER_ROW_HEIGHT = 12;

	@Parameter(label = "Test orientations", choices = { "8", "40" },
		description = "8: the study's test; 40: every training orientation, for tuning-curve figures (the fitness " +
			"is still the study's, on its 8 test angles)")
	private String tests = "8";

	@Parameter(label = "Parameter set", choices = { PRESET_SET, TUNED_SET }, description = SET_DESCRIPTION)
	private String parameterset = PRESET_SET;

	@Parameter(label = "Parameters (name=value, ...)", required = false,
		description = "Values of the tuned parameters, e.g. *buf_exc.ltp=0.002, exc_inh.target=60; others keep " +
			"the parameter set's (the preset's defaults learn oriented fields in 20 or more repeats)")
	private String parameters = "";

	@Parameter(label = "Seed (stimulus order)", persist = false)
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

	@Parameter(type = ItemIO.OUTPUT, label = "Fitness")
	private double fitness;

	@Parameter(type = ItemIO.OUTPUT, label = "Components")
	private String components;

	@Parameter(type = ItemIO.OUTPUT, label = "Exc neurons (tuning and receptive fields)")
	private String neurons;

	@Parameter(type = ItemIO.OUTPUT, label = "Tuning curves")
	private Img<ARGBType> curves;

	@Parameter(type = ItemIO.OUTPUT, label = "Receptive fields (On, Off, On - Off per Exc neuron)")
	private Img<FloatType> fields;

	@Parameter(type = ItemIO.OUTPUT, label = "Test raster (Exc, Inh)")
	private Img<ARGBType> raster;

	@Override
	public void run() {
		final V1Study.Trial trial;
		final V1Study.Settings settings;
		final V1ParameterSet set;
		try {
			set = V1ParameterSet.named(parameterset);
			settings = settings(Integer.parseInt(tests), set);
			final Map<String, Double> values = set.parameters(settings.side(), parameters == null || parameters.isBlank()
				? Map.of() : NamedValues.parse(parameters));
			trial = V1Study.trials(spikeTune.simulator(Backends.named(backend, device), threads), settings, values, seed)
				.get(0);
		}
		catch (final IllegalArgumentException | SimulationException e) {
			fail("Train V1 Network", e.getMessage());
			return;
		}
		fitness = trial.fitness().value();
		components = V1Figures.describe(trial.fitness()) + (trial.angles().length > CarlsonV1.TEST_ORIENTATIONS
			? " (on the study's " + CarlsonV1.TEST_ORIENTATIONS + " test angles of the " + trial.angles().length + ")"
			: "");
		neurons = V1Figures.describeNeurons(trial.neurons(settings));
		curves = V1Figures.tuningCurves(trial.angles(), trial.rates());
		fields = V1Figures.montage(trial.onWeights(), trial.offWeights(), settings.side());
		raster = V1Figures.testRaster(trial, settings.network().groupOffset("exc"), 8);
		log.info("Train V1 Network: " + components + System.lineSeparator() + neurons);
		if (output != null) {
			try {
				final Path folder = Files.createDirectories(output.toPath());
				PngFiles.save(curves, folder.resolve("tuning-curves.png"));
				PngFiles.save(V1Figures.tallRows(raster, RASTER_ROW_HEIGHT), folder.resolve("test-raster.png"));
				PngFiles.save(V1Figures.fieldsPicture(fields, FIELD_MAGNIFICATION), folder.resolve("receptive-fields.png"));
				TiffFiles.save(ImagePlusConverter.toImagePlus(fields, "receptive fields", null), folder.resolve(
					"receptive-fields.tif"));
				TiffFiles.save(ImagePlusConverter.toImagePlus(V1Figures.receptiveFields(trial.onWeights(), trial
					.offWeights(), settings.side()), "receptive fields (On, Off per neuron)", null), folder.resolve(
						"receptive-fields-stack.tif"));
				Files.writeString(folder.resolve("fitness.txt"), String.format(Locale.ROOT, "%s%n%s%nnetwork: %s%n" +
					"parameter set: %s%s%n", components, neurons, settings.network().name(), set.label(), parameters == null
						|| parameters.isBlank() ? "" : "; changed: " + parameters.strip()));
				log.info("Train V1 Network: results written to " + folder);
			}
			catch (final IOException e) {
				cancel("could not write results to " + output + ": " + e.getMessage());
				log.error("Train V1 Network: could not write results to " + output, e);
			}
		}
	}
}
