package org.spiketune.img;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Map;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.real.FloatType;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.spiketune.objective.V1Tuning;

/**
 * The V1 study's figures as ImgLib2 images: tuning curves with their ideal Gaussians (Fig. 5), receptive
 * fields as weight maps (Fig. 6), parameter scatter plots (Figs. 8-9) and decoding errors (Fig. 10).
 */
public final class V1Figures {

	private static final Color[] PALETTE = { new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
		new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f) };

	private V1Figures() {}

	/**
	 * Each neuron's rates over the test angles (solid, with markers) and the Gaussian of eq. 5 the fitness
	 * compares them with (dashed, same colour), angles in degrees.
	 */
	public static ArrayImg<ARGBType, IntArray> tuningCurves(final double[] angles, final double[][] rates) {
		// the title has the study's fitness (on its 8 test angles); each Gaussian peaks where its curve does
		final V1Tuning.Fitness fitness = org.spiketune.tune.V1Study.studyFitness(rates, angles);
		final V1Tuning.Fitness shape = V1Tuning.fitness(rates, angles);
		final XYSeriesCollection data = new XYSeriesCollection();
		final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
		for (int i = 0; i < rates.length; i++) {
			final XYSeries measured = new XYSeries("neuron " + i, false);
			final XYSeries ideal = new XYSeries("neuron " + i + " Gaussian", false);
			for (int j = 0; j < angles.length; j++) measured.add(Math.toDegrees(angles[j]), rates[i][j]);
			final double first = angles[0], last = angles[angles.length - 1];
			for (int k = 0; k <= 180; k++) {
				final double theta = first + (last - first) * k / 180;
				final double z = (theta - shape.preferred()[i]) / V1Tuning.SIGMA;
				ideal.add(Math.toDegrees(theta), shape.maxRates()[i] * Math.exp(-0.5 * z * z));
			}
			data.addSeries(measured);
			data.addSeries(ideal);
			final Color c = PALETTE[i % PALETTE.length];
			renderer.setSeriesPaint(2 * i, c);
			renderer.setSeriesStroke(2 * i, new BasicStroke(2f));
			renderer.setSeriesPaint(2 * i + 1, c);
			renderer.setSeriesShapesVisible(2 * i + 1, false);
			renderer.setSeriesStroke(2 * i + 1, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
				new float[] { 6f, 4f }, 0f));
		}
		final NumberAxis x = new NumberAxis("grating orientation (degrees)");
		x.setAutoRangeIncludesZero(false);
		final XYPlot plot = new XYPlot(data, x, new NumberAxis("rate (Hz)"), renderer);
		return Plots.render(new JFreeChart(String.format(java.util.Locale.ROOT,
			"Tuning curves (fitness %.4g: decorrelation %.2f, Gaussian %.0f Hz, max rate %.0f Hz)", fitness.value(),
			fitness.decorrelation(), fitness.gaussian(), fitness.maxRate()), JFreeChart.DEFAULT_TITLE_FONT, plot, true));
	}

	/**
	 * Receptive fields as a stack (x, y, slice): slice 2i shows the weights from the On buffer pixels to
	 * neuron i, slice 2i + 1 those from the Off pixels; {@code on} and {@code off} are [pixel][neuron] weights
	 * of {@code side × side} pixels, x fastest.
	 */
	public static ArrayImg<FloatType, FloatArray> receptiveFields(final float[][] on, final float[][] off,
		final int side)
	{
		checkWeights(on, off, side);
		final int neurons = on[0].length, pixels = side * side;
		final float[] data = new float[pixels * 2 * neurons];
		for (int i = 0; i < neurons; i++) {
			for (int p = 0; p < pixels; p++) {
				data[(2 * i) * pixels + p] = on[p][i];
				data[(2 * i + 1) * pixels + p] = off[p][i];
			}
		}
		return ArrayImgs.floats(data, side, side, 2L * neurons);
	}

	/**
	 * The receptive fields side by side: one column per neuron, rows On, Off and On − Off (the Gabor-like map
	 * of Fig. 6), one pixel of NaN between panels (shown as background).
	 */
	public static ArrayImg<FloatType, FloatArray> montage(final float[][] on, final float[][] off, final int side) {
		checkWeights(on, off, side);
		final int neurons = on[0].length, width = neurons * (side + 1) - 1, height = 3 * (side + 1) - 1;
		final float[] data = new float[width * height];
		java.util.Arrays.fill(data, Float.NaN);
		for (int i = 0; i < neurons; i++) {
			for (int y = 0; y < side; y++) {
				for (int x = 0; x < side; x++) {
					final int p = y * side + x, column = i * (side + 1) + x;
					data[y * width + column] = on[p][i];
					data[(side + 1 + y) * width + column] = off[p][i];
					data[(2 * (side + 1) + y) * width + column] = on[p][i] - off[p][i];
				}
			}
		}
		return ArrayImgs.floats(data, width, height);
	}

	/**
	 * A {@link #montage} to look at: each value as gray, 0 mid-gray, the largest magnitude black or white (one
	 * scale for every panel, so On, Off and On − Off compare), NaN as the background, each pixel
	 * {@code magnification} pixels wide.
	 */
	public static ArrayImg<ARGBType, IntArray> fieldsPicture(final RandomAccessibleInterval<FloatType> montage,
		final int magnification)
	{
		if (magnification < 1) throw new IllegalArgumentException("magnification must be >= 1, got " + magnification);
		final int width = (int) montage.dimension(0), height = (int) montage.dimension(1);
		final float[] values = new float[width * height];
		final RandomAccess<FloatType> at = montage.randomAccess();
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				at.setPosition(montage.min(0) + x, 0);
				at.setPosition(montage.min(1) + y, 1);
				values[y * width + x] = at.get().get();
			}
		}
		float largest = 0;
		for (final float v : values) if (Float.isFinite(v)) largest = Math.max(largest, Math.abs(v));
		final int[] argb = new int[width * height * magnification * magnification];
		for (int y = 0; y < height * magnification; y++) {
			for (int x = 0; x < width * magnification; x++) {
				final float v = values[(y / magnification) * width + x / magnification];
				final int gray = !Float.isFinite(v) ? 255 : largest == 0 ? 128 : (int) Math.round(127.5 + 127.5 * v /
					largest);
				argb[y * width * magnification + x] = ARGBType.rgba(gray, gray, gray, 255);
			}
		}
		return ArrayImgs.argbs(argb, (long) width * magnification, (long) height * magnification);
	}

	/**
	 * A raster to look at in a file: each neuron's row {@code rowHeight} pixels tall (the test raster has 8
	 * rows, one pixel each, which an image viewer shows as a thin strip).
	 */
	public static ArrayImg<ARGBType, IntArray> tallRows(final RandomAccessibleInterval<ARGBType> raster,
		final int rowHeight)
	{
		if (rowHeight < 1) throw new IllegalArgumentException("row height must be >= 1, got " + rowHeight);
		final int width = (int) raster.dimension(0), rows = (int) raster.dimension(1);
		final int[] argb = new int[width * rows * rowHeight];
		final RandomAccess<ARGBType> at = raster.randomAccess();
		for (int row = 0; row < rows; row++) {
			for (int x = 0; x < width; x++) {
				at.setPosition(raster.min(0) + x, 0);
				at.setPosition(raster.min(1) + row, 1);
				final int value = at.get().get();
				for (int k = 0; k < rowHeight; k++) argb[(row * rowHeight + k) * width + x] = value;
			}
		}
		return ArrayImgs.argbs(argb, width, (long) rows * rowHeight);
	}

	/** The fitness and its parts in one line. */
	public static String describe(final V1Tuning.Fitness f) {
		final StringBuilder preferred = new StringBuilder();
		for (int i = 0; i < f.preferred().length; i++) {
			preferred.append(String.format(java.util.Locale.ROOT, "%s%.1f° (%.0f Hz)", i == 0 ? "" : ", ", Math.toDegrees(f
				.preferred()[i]), f.maxRates()[i]));
		}
		return String.format(java.util.Locale.ROOT, "fitness %.5g = 1/(decorrelation %.3f + Gaussian %.1f Hz + 4.4 × " +
			"max rate %.1f Hz + penalty %.0f); preferred %s; %s", f.value(), f.decorrelation(), f.gaussian(), f
				.maxRate(), f.penalty(), preferred, f.wellTuned() ? "well tuned" : "not well tuned");
	}

	/**
	 * A stability summary in three lines: the runs well tuned (share, and those with every output neuron at its own
	 * angle) and the decoding error mean ± sd; each angle as {@link #describe(V1Tuning.Decoding)} gives it; and
	 * the error with every preferred angle voting alike ({@link V1Tuning#decodeBalanced}), with how many neurons
	 * prefer each angle and whether so uneven a spread could be chance ({@code V1Study.Summary#evenSpreadP}).
	 */
	public static String describe(final org.spiketune.tune.V1Study.Summary s) {
		final V1Tuning.Decoding balanced = s.balancedDecoding();
		final java.util.StringJoiner coverage = new java.util.StringJoiner(", ");
		final double[] angles = s.preferableAngles();
		final long[] counts = s.preferredCounts();
		for (int j = 0; j < angles.length; j++) {
			coverage.add(String.format(java.util.Locale.ROOT, "%.1f°: %d", Math.toDegrees(angles[j]), counts[j]));
		}
		return String.format(java.util.Locale.ROOT, "%d of %d runs well tuned (%.0f%%), %d of them with every output " +
			"neuron at its own angle; decoding error %.1f ± %.1f°%n%s%nwith every preferred angle voting alike: " +
			"%.1f ± %.1f° (neurons preferring %s; %s)", s.wellTuned(), s.runs().size(), 100 * s.shareWellTuned(), s
				.wellTunedWithDistinctAngles(), s.decoding().meanErrorDeg(), s.decoding().sdErrorDeg(), describe(s
					.decoding()), balanced.meanErrorDeg(), balanced.sdErrorDeg(), coverage, Double.isNaN(s.evenSpreadP())
						? "too few neurons to test whether that spread is chance" : String.format(java.util.Locale.ROOT,
							"χ² test against an even spread: p = %.2g", s.evenSpreadP()));
	}

	/** Each test angle with the angle decoded for it and the error, e.g. "22.5° as 25.1° (2.6° off)". */
	public static String describe(final V1Tuning.Decoding d) {
		final java.util.StringJoiner text = new java.util.StringJoiner(", ", "decoded: ", "");
		for (int j = 0; j < d.angles().length; j++) {
			text.add(String.format(java.util.Locale.ROOT, "%.1f° as %.1f° (%.1f° off)", Math.toDegrees(d.angles()[j]),
				Math.toDegrees(d.decoded()[j]), d.errorDeg()[j]));
		}
		return text.toString();
	}

	/**
	 * One line per output neuron: preferred angle and peak rate, selectivity (0 flat, 1 one angle only), and the
	 * training grating its receptive field is most like, with the cosine similarity.
	 */
	public static String describeNeurons(final List<org.spiketune.tune.V1Study.Neuron> neurons) {
		final StringBuilder text = new StringBuilder();
		for (int i = 0; i < neurons.size(); i++) {
			final org.spiketune.tune.V1Study.Neuron n = neurons.get(i);
			text.append(String.format(java.util.Locale.ROOT, "exc%d: prefers %.1f° at %.1f Hz, selectivity %.2f, " +
				"receptive field like the %.1f° grating (similarity %.2f)%s%n", i, Math.toDegrees(n.preferred()), n
					.peakHz(), n.selectivity(), Math.toDegrees(n.field().angle()), n.field().similarity(), n.blocked()
						? String.format(java.util.Locale.ROOT, "; in depolarization block (v ≥ %.0f mV) %.0f%% of the " +
							"%.1f° test, silent there from too much drive", V1Tuning.DEPOLARIZED_MV, 100 * n.depolarized(), Math
								.toDegrees(n.depolarizedAngle())) : ""));
		}
		return text.toString();
	}

	/** The test phase's spikes of the output and inhibitory neurons (Fig. 7): 4 Exc red, then 4 Inh blue. */
	public static CalibratedImg<ARGBType> testRaster(final org.spiketune.tune.V1Study.Trial trial,
		final int excOffset, final double binMs)
	{
		final org.spiketune.spikes.SpikeTrains all = trial.spikes().spikeTrains();
		final org.spiketune.spikes.SpikeTrains test = all.subset(excOffset, excOffset + 8).window(trial.testStartMs(),
			all.stopMs());
		final int[] colors = new int[8];
		java.util.Arrays.fill(colors, 0, 4, Rasters.EXCITATORY);
		java.util.Arrays.fill(colors, 4, 8, Rasters.INHIBITORY);
		return Rasters.colored(test, binMs, colors);
	}

	private static void checkWeights(final float[][] on, final float[][] off, final int side) {
		if (on.length != side * side || off.length != side * side) {
			throw new IllegalArgumentException("receptive fields of " + side + "x" + side + " pixels need " + side * side +
				" rows of weights, got " + on.length + " (On) and " + off.length + " (Off)");
		}
	}

	/**
	 * Individuals as points of two parameters, one colour per class (for instance high and low fitness):
	 * values are [individual][0: x, 1: y].
	 */
	public static ArrayImg<ARGBType, IntArray> scatter(final String title, final String xLabel,
		final String yLabel, final Map<String, double[][]> classes)
	{
		final XYSeriesCollection data = new XYSeriesCollection();
		final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
		int k = 0;
		for (final Map.Entry<String, double[][]> e : classes.entrySet()) {
			final XYSeries series = new XYSeries(e.getKey() + " (" + e.getValue().length + ")", false);
			for (final double[] point : e.getValue()) series.add(point[0], point[1]);
			data.addSeries(series);
			renderer.setSeriesPaint(k, PALETTE[k % PALETTE.length]);
			k++;
		}
		final NumberAxis x = new NumberAxis(xLabel), y = new NumberAxis(yLabel);
		x.setAutoRangeIncludesZero(false);
		y.setAutoRangeIncludesZero(false);
		return Plots.render(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, new XYPlot(data, x, y, renderer),
			true));
	}

	/** Decoding error per test angle (Fig. 10), with the mean ± sd in the title. */
	public static ArrayImg<ARGBType, IntArray> decodingErrors(final V1Tuning.Decoding decoding) {
		final double[] x = new double[decoding.angles().length];
		for (int j = 0; j < x.length; j++) x[j] = Math.toDegrees(decoding.angles()[j]);
		return Plots.errorBars(String.format(java.util.Locale.ROOT, "Population-vector decoding: error %.1f ± %.1f°",
			decoding.meanErrorDeg(), decoding.sdErrorDeg()), "test orientation (degrees)", "decoding error (degrees)", x,
			List.of(new Plots.Series("error", decoding.errorDeg(), new double[x.length])));
	}
}
