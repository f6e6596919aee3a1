package org.spiketune.spikes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * Validation of a model against recorded data in NetworkUnit's manner: the distributions of a per-neuron
 * statistic (firing rate, LV) in model and data are compared by Student's two-sample t test (equal variances,
 * as scipy's ttest_ind by default) on the means and by the two-sample Kolmogorov–Smirnov test on the shapes.
 * Neurons whose statistic is undefined (LV with fewer than 3 spikes) are left out and counted.
 */
public final class Validation {

	/** One statistic's comparison. Test results are NaN when a side has fewer than 2 values. */
	public record Row(String statistic, int modelCount, int dataCount, int modelUndefined, int dataUndefined,
		double modelMean, double dataMean, double modelSd, double dataSd, double t, double tP, double ks, double ksP)
	{}

	/** The rows and the per-neuron values they were computed from (for histograms). */
	public record Report(List<Row> rows, List<double[]> modelValues, List<double[]> dataValues) {}

	public static final List<String> STATISTICS = List.of("rate_hz", "lv");

	private Validation() {}

	public static Report compare(final SpikeTrains model, final SpikeTrains data) {
		final List<Row> rows = new ArrayList<>();
		final List<double[]> modelValues = new ArrayList<>(), dataValues = new ArrayList<>();
		for (final String statistic : STATISTICS) {
			final double[] m = values(model, statistic), d = values(data, statistic);
			final double[] mf = finite(m), df = finite(d);
			modelValues.add(mf);
			dataValues.add(df);
			rows.add(row(statistic, mf, df, m.length - mf.length, d.length - df.length));
		}
		return new Report(rows, modelValues, dataValues);
	}

	/** A two-sample comparison of two sets of finite values. */
	public static Row row(final String statistic, final double[] model, final double[] data, final int modelUndefined,
		final int dataUndefined)
	{
		final SummaryStatistics ms = summary(model), ds = summary(data);
		double t = Double.NaN, tP = Double.NaN, ks = Double.NaN, ksP = Double.NaN;
		if (model.length >= 2 && data.length >= 2) {
			final TTest test = new TTest();
			if (ms.getVariance() + ds.getVariance() > 0) {
				t = test.homoscedasticT(model, data);
				tP = test.homoscedasticTTest(model, data);
			}
			final KolmogorovSmirnovTest kolmogorov = new KolmogorovSmirnovTest();
			ks = kolmogorov.kolmogorovSmirnovStatistic(model, data);
			ksP = kolmogorov.kolmogorovSmirnovTest(model, data);
		}
		return new Row(statistic, model.length, data.length, modelUndefined, dataUndefined, ms.getMean(), ds.getMean(),
			ms.getStandardDeviation(), ds.getStandardDeviation(), t, tP, ks, ksP);
	}

	static double[] values(final SpikeTrains trains, final String statistic) {
		final double[] v = new double[trains.size()];
		for (int i = 0; i < v.length; i++) {
			v[i] = switch (statistic) {
				case "rate_hz" -> trains.rateHz(i);
				case "lv" -> IntervalStatistics.lv(IntervalStatistics.intervals(trains.times(i)));
				default -> throw new IllegalArgumentException("unknown statistic " + statistic);
			};
		}
		return v;
	}

	private static double[] finite(final double[] v) {
		return Arrays.stream(v).filter(Double::isFinite).toArray();
	}

	private static SummaryStatistics summary(final double[] v) {
		final SummaryStatistics s = new SummaryStatistics();
		for (final double x : v) s.addValue(x);
		return s;
	}
}
