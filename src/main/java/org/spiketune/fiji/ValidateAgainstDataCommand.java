package org.spiketune.fiji;

import java.io.File;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ij.measure.ResultsTable;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.ARGBType;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;
import org.spiketune.img.Plots;
import org.spiketune.spikes.SpikeTrains;
import org.spiketune.spikes.Validation;

/**
 * Validates model spikes against recorded ones (NetworkUnit's idea): per-neuron firing-rate and LV
 * distributions compared by Student's t and Kolmogorov–Smirnov tests, as a table (also written as CSV when
 * a folder is given), histograms of model vs data, and rasters of both.
 */
@Plugin(type = Command.class, menuPath = "Plugins>SpikeTune>Validate Against Data",
	label = "Validate Against Data", headless = true)
public class ValidateAgainstDataCommand extends ContextCommand {

	@Parameter
	private SpikeTuneService spikeTune;

	@Parameter
	private LogService log;

	@Parameter(label = "Model spikes", style = FileWidget.OPEN_STYLE, persist = false)
	private File model;

	@Parameter(label = "Recorded spikes", style = FileWidget.OPEN_STYLE, persist = false)
	private File data;

	@Parameter(label = "Histogram bins", min = "1")
	private int bins = 20;

	@Parameter(label = "Raster bin (ms)", min = "0.001")
	private double bin = 1;

	@Parameter(label = "Output folder (empty: none)", style = FileWidget.DIRECTORY_STYLE, required = false,
		persist = false)
	private File output;

	@Parameter(type = ItemIO.OUTPUT, label = "Validation")
	private ResultsTable table;

	@Parameter(type = ItemIO.OUTPUT, label = "Firing rates, model vs data")
	private Img<ARGBType> rates;

	@Parameter(type = ItemIO.OUTPUT, label = "LV, model vs data")
	private Img<ARGBType> lv;

	@Parameter(type = ItemIO.OUTPUT, label = "Model raster")
	private Img<ARGBType> modelraster;

	@Parameter(type = ItemIO.OUTPUT, label = "Data raster")
	private Img<ARGBType> dataraster;

	@Override
	public void run() {
		try {
			if (model == null || data == null) throw new IllegalArgumentException("model and data spike files are needed");
			final SpikeTrains m = spikeTune.openSpikeTrains(model.toPath(), 0, 0, 0);
			final SpikeTrains d = spikeTune.openSpikeTrains(data.toPath(), 0, 0, 0);
			final Validation.Report report = Validation.compare(m, d);
			table = new ResultsTable();
			for (final Validation.Row r : report.rows()) {
				table.incrementCounter();
				table.addValue("statistic", r.statistic());
				table.addValue("model_n", r.modelCount());
				table.addValue("data_n", r.dataCount());
				table.addValue("model_undefined", r.modelUndefined());
				table.addValue("data_undefined", r.dataUndefined());
				table.addValue("model_mean", r.modelMean());
				table.addValue("data_mean", r.dataMean());
				table.addValue("model_sd", r.modelSd());
				table.addValue("data_sd", r.dataSd());
				table.addValue("student_t", r.t());
				table.addValue("student_p", r.tP());
				table.addValue("ks_d", r.ks());
				table.addValue("ks_p", r.ksP());
			}
			rates = Plots.histograms("Firing rate per neuron", "rate (Hz)", samples(report, 0), bins);
			lv = Plots.histograms("Local variation per neuron", "LV", samples(report, 1), bins);
			modelraster = spikeTune.raster(m, List.of("model"), new int[] { m.size() }, bin);
			dataraster = spikeTune.raster(d, List.of("data"), new int[] { d.size() }, bin);
			if (output != null && !output.getPath().isEmpty()) {
				java.nio.file.Files.createDirectories(output.toPath());
				table.saveAs(output.toPath().resolve("validation.csv").toString());
			}
			final Validation.Row r = report.rows().get(0);
			log.info(String.format(Locale.ROOT,
				"Validate Against Data: rate %.3f vs %.3f Hz (t p = %.3g, KS p = %.3g)", r.modelMean(), r.dataMean(), r
					.tP(), r.ksP()));
		}
		catch (final IOException | IllegalArgumentException e) {
			cancel(e.getMessage());
			log.error("Validate Against Data: " + e.getMessage());
		}
	}

	private static Map<String, double[]> samples(final Validation.Report report, final int statistic) {
		final Map<String, double[]> map = new LinkedHashMap<>();
		map.put("model", report.modelValues().get(statistic));
		map.put("data", report.dataValues().get(statistic));
		return map;
	}
}
