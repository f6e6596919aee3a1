package org.spiketune.img;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.ARGBType;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.spiketune.sim.PopulationRates;
import org.spiketune.tune.GenerationStats;

/**
 * Plots drawn off screen with JFreeChart into ARGB images, so they work headless, in macros and as
 * command outputs.
 */
public final class Plots {

	public static final int WIDTH = 800, HEIGHT = 600;

	private Plots() {}

	/**
	 * The GA study's Fig. 4: best and mean fitness per generation (top), mean distance between individuals
	 * (bottom).
	 */
	public static ArrayImg<ARGBType, IntArray> convergence(final List<GenerationStats> generations,
		final String fitnessLabel)
	{
		final XYSeries best = new XYSeries("best"), mean = new XYSeries("mean"), diversity = new XYSeries(
			"diversity");
		for (final GenerationStats g : generations) {
			best.add(g.generation(), finiteOrNull(g.best()));
			mean.add(g.generation(), finiteOrNull(g.mean()));
			diversity.add(g.generation(), g.diversity());
		}
		final XYSeriesCollection fitness = new XYSeriesCollection();
		fitness.addSeries(best);
		fitness.addSeries(mean);
		final XYPlot top = new XYPlot(fitness, null, new NumberAxis(fitnessLabel), lines(new Color(0x1f77b4),
			new Color(0xff7f0e)));
		final XYPlot bottom = new XYPlot(new XYSeriesCollection(diversity), null, new NumberAxis(
			"mean distance between individuals"), lines(new Color(0x2ca02c)));
		final NumberAxis generationAxis = new NumberAxis("generation");
		generationAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
		final CombinedDomainXYPlot plot = new CombinedDomainXYPlot(generationAxis);
		plot.add(top, 2);
		plot.add(bottom, 1);
		return render(new JFreeChart("Convergence", JFreeChart.DEFAULT_TITLE_FONT, plot, true));
	}

	/** Each group's population rate over time (Hz), one curve per group. */
	public static ArrayImg<ARGBType, IntArray> rateTrace(final PopulationRates rates) {
		final XYSeriesCollection data = new XYSeriesCollection();
		for (int g = 0; g < rates.groups().size(); g++) {
			final XYSeries series = new XYSeries(rates.groups().get(g));
			for (int b = 0; b < rates.bins(); b++) series.add((b + 0.5) * rates.binMs(), rates.rateHz(g, b));
			data.addSeries(series);
		}
		final XYPlot plot = new XYPlot(data, new NumberAxis("time (ms)"), new NumberAxis("population rate (Hz)"),
			lines(PALETTE));
		style(plot);
		return render(new JFreeChart("Population rate (" + rates.binMs() + " ms bins)", JFreeChart
			.DEFAULT_TITLE_FONT, plot, true));
	}

	/** The best individual's parameter values per generation, one panel per parameter. */
	public static ArrayImg<ARGBType, IntArray> trajectories(final List<GenerationStats> generations,
		final List<String> names)
	{
		final NumberAxis generationAxis = new NumberAxis("generation");
		generationAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
		final CombinedDomainXYPlot plot = new CombinedDomainXYPlot(generationAxis);
		for (int i = 0; i < names.size(); i++) {
			final XYSeries series = new XYSeries(names.get(i));
			for (final GenerationStats g : generations) series.add(g.generation(), g.bestValues()[i]);
			final NumberAxis axis = new NumberAxis(names.get(i));
			axis.setAutoRangeIncludesZero(false);
			plot.add(new XYPlot(new XYSeriesCollection(series), null, axis, lines(PALETTE[i % PALETTE.length])));
		}
		return render(new JFreeChart("Best parameters per generation", JFreeChart.DEFAULT_TITLE_FONT, plot,
			false));
	}

	private static final Color[] PALETTE = { new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
		new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b) };

	/** One curve of an error-bar plot: its name and, per x, a mean and a standard deviation. */
	public record Series(String name, double[] mean, double[] sd) {}

	/** Means with +-1 sd error bars over a setting, one curve per series: the GA study's Figs. 5 and 6. */
	public static ArrayImg<ARGBType, IntArray> errorBars(final String title, final String xLabel,
		final String yLabel, final double[] x, final List<Series> series)
	{
		// quantities that cannot be negative (errors) get their bars cut at 0
		final boolean nonNegative = series.stream().allMatch(s -> java.util.Arrays.stream(s.mean()).allMatch(
			m -> m >= 0));
		final XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
		for (final Series s : series) {
			final XYIntervalSeries curve = new XYIntervalSeries(s.name());
			for (int i = 0; i < x.length; i++) {
				final double low = s.mean()[i] - s.sd()[i];
				curve.add(x[i], x[i], x[i], s.mean()[i], nonNegative ? Math.max(0, low) : low, s.mean()[i] + s.sd()[i]);
			}
			data.addSeries(curve);
		}
		final XYErrorRenderer renderer = new XYErrorRenderer();
		renderer.setDefaultLinesVisible(true);
		final Color[] colors = { new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c) };
		for (int i = 0; i < series.size(); i++) {
			renderer.setSeriesPaint(i, colors[i % colors.length]);
			renderer.setSeriesStroke(i, new BasicStroke(2f));
		}
		final NumberAxis yAxis = new NumberAxis(yLabel);
		yAxis.setAutoRangeIncludesZero(true);
		final XYPlot plot = new XYPlot(data, new NumberAxis(xLabel), yAxis, renderer);
		style(plot);
		return render(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, series.size() > 1));
	}

	/**
	 * Overlaid histograms of one per-neuron statistic, one colour per sample (model vs data in a validation
	 * report), with common bins over the range of all values.
	 */
	public static ArrayImg<ARGBType, IntArray> histograms(final String title, final String xLabel,
		final java.util.Map<String, double[]> samples, final int bins)
	{
		if (bins < 1) throw new IllegalArgumentException("a histogram needs at least 1 bin, got " + bins);
		double low = Double.POSITIVE_INFINITY, high = Double.NEGATIVE_INFINITY;
		for (final double[] v : samples.values()) {
			for (final double x : v) {
				low = Math.min(low, x);
				high = Math.max(high, x);
			}
		}
		if (!(high > low)) { // no values, or all equal: a unit-wide range around them
			low = Double.isFinite(low) ? low - 0.5 : 0;
			high = low + 1;
		}
		final org.jfree.data.statistics.HistogramDataset data = new org.jfree.data.statistics.HistogramDataset();
		for (final java.util.Map.Entry<String, double[]> e : samples.entrySet()) {
			if (e.getValue().length > 0) data.addSeries(e.getKey(), e.getValue(), bins, low, high);
		}
		final org.jfree.chart.renderer.xy.XYBarRenderer renderer = new org.jfree.chart.renderer.xy.XYBarRenderer();
		renderer.setBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
		renderer.setShadowVisible(false);
		for (int i = 0; i < data.getSeriesCount(); i++) {
			final Color c = PALETTE[i % PALETTE.length];
			renderer.setSeriesPaint(i, new Color(c.getRed(), c.getGreen(), c.getBlue(), 140));
		}
		final XYPlot plot = new XYPlot(data, new NumberAxis(xLabel), new NumberAxis("neurons"), renderer);
		style(plot);
		return render(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true));
	}

	private static Double finiteOrNull(final double v) {
		return Double.isFinite(v) ? v : null;
	}

	private static XYLineAndShapeRenderer lines(final Color... colors) {
		final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
		for (int i = 0; i < colors.length; i++) {
			renderer.setSeriesPaint(i, colors[i]);
			renderer.setSeriesStroke(i, new BasicStroke(2f));
		}
		return renderer;
	}

	private static void style(final XYPlot plot) {
		plot.setBackgroundPaint(Color.WHITE);
		plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
		plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
	}

	/** Draws the chart and wraps its pixels as an ImgLib2 ARGB image. */
	static ArrayImg<ARGBType, IntArray> render(final JFreeChart chart) {
		chart.setBackgroundPaint(Color.WHITE);
		if (chart.getPlot() instanceof CombinedDomainXYPlot combined) {
			for (final Object sub : combined.getSubplots()) style((XYPlot) sub);
		}
		final BufferedImage image = chart.createBufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_ARGB, null);
		final int[] pixels = image.getRGB(0, 0, WIDTH, HEIGHT, null, 0, WIDTH);
		return ArrayImgs.argbs(pixels, WIDTH, HEIGHT);
	}
}
