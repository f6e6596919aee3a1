package org.spiketune.fiji;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
import org.scijava.widget.TextWidget;
import org.spiketune.img.V1Figures;
import org.spiketune.io.V1RatesFile;
import org.spiketune.tune.V1Study;

/**
 * Pools V1 Stability analyses run apart (other seeds, other sessions or batch machines) into one: the study
 * pooled 100 runs, which at 32×32 take hours. Reads each analysis's {@value V1RatesFile#NAME}, refuses
 * analyses of other settings or parameters and runs there twice (analyses with the same seed), and reports
 * what V1 Stability reports for all their runs together: the share well tuned and the decoding error, with a
 * table of the runs. The output folder gets the pooled rates (to pool again), runs.csv, summary.txt and
 * decoding.png.
 */
@Plugin(type = Command.class, menuPath = "Plugins>SpikeTune>Pool V1 Stability Runs",
	label = "Pool V1 Stability Runs", headless = true)
public class PoolV1StabilityCommand extends ContextCommand {

	@Parameter
	private LogService log;

	@Parameter(label = "Analyses (V1 Stability output folders or their " + V1RatesFile.NAME + ", one per line or " +
		"comma-separated)", style = TextWidget.AREA_STYLE, persist = false)
	private String analyses = "";

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
		final List<Path> files = new ArrayList<>();
		for (final String item : (analyses == null ? "" : analyses).split("[,\\n]")) {
			if (item.isBlank()) continue;
			final Path path = Path.of(item.strip());
			files.add(Files.isDirectory(path) ? path.resolve(V1RatesFile.NAME) : path);
		}
		final V1RatesFile.Contents first;
		final V1Study.Summary summary;
		try {
			if (files.isEmpty()) throw new IllegalArgumentException("no analyses given");
			for (final Path file : files) {
				if (!Files.isRegularFile(file)) throw new IllegalArgumentException("no " + file + " (V1 Stability " +
					"writes it when given an output folder)");
			}
			first = V1RatesFile.read(files.get(0));
			summary = V1Study.pool(V1RatesFile.pool(files));
		}
		catch (final IllegalArgumentException | IOException e) {
			cancel(e.getMessage());
			log.error("Pool V1 Stability Runs: " + e.getMessage());
			return;
		}
		share = summary.shareWellTuned();
		error = summary.decoding().meanErrorDeg();
		errorsd = summary.decoding().sdErrorDeg();
		decoding = V1Figures.decodingErrors(summary.decoding());
		table = new ResultsTable();
		for (final V1Study.TestedRun run : summary.runs()) V1StabilityTables.addRun(table, run);
		final String text = String.format(Locale.ROOT, "%d analyses pooled: %s%nsettings: %s%nparameters: %s", files
			.size(), V1Figures.describe(summary), first.settings(), first.parameters());
		log.info("Pool V1 Stability Runs: " + text);
		if (output != null) {
			try {
				final Path folder = Files.createDirectories(output.toPath());
				V1RatesFile.write(folder.resolve(V1RatesFile.NAME), first.settings(), first.parameters(), summary.runs());
				table.save(folder.resolve("runs.csv").toString());
				PngFiles.save(decoding, folder.resolve("decoding.png"));
				Files.writeString(folder.resolve("summary.txt"), text + System.lineSeparator());
			}
			catch (final IOException e) {
				cancel("could not write results to " + output + ": " + e.getMessage());
				log.error("Pool V1 Stability Runs: could not write results to " + output, e);
			}
		}
	}
}
