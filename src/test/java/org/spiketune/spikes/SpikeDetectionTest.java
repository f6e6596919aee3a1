package org.spiketune.spikes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.spiketune.spikes.io.TraceText;

/** Against eFEL's expected features of its real traces (test-data/efel-real-traces/ORACLES.md). */
class SpikeDetectionTest {

	@Test
	void efelPeakTimesOfExampleTrace() throws IOException {
		final TraceText.Columns trace = TraceText.read(TestData.file("efel-real-traces", "example_trace1.txt"));
		final double dt = trace.uniformStep(0);
		assertEquals(0.25, dt, 1e-6);
		final double[] peaks = SpikeDetection.peaks(trace.values()[1], dt, -20, 0.1);
		final double t0 = trace.values()[0][0];
		for (int k = 0; k < peaks.length; k++) peaks[k] += t0;
		assertArrayEquals(new double[] { 708.0, 911.3, 1406.0, 1712.0, 2387.5, 2637.8 }, peaks, 1e-6);
		final double[] isi = IntervalStatistics.intervals(peaks);
		assertArrayEquals(new double[] { 203.3, 494.7, 306.0, 675.5, 250.3 }, isi, 1e-6);
		assertEquals(3.096294767263926, 6 * 1000 / (peaks[5] - 700), 1e-9, "mean_frequency");
		assertEquals(8.000000000092427, peaks[0] - 700, 1e-6, "time_to_first_spike");
		final double[] later = java.util.Arrays.copyOfRange(isi, 1, isi.length);
		final double mean = java.util.Arrays.stream(later).average().orElseThrow();
		double ss = 0;
		for (final double v : later) ss += (v - mean) * (v - mean);
		assertEquals(0.44788080327644053, Math.sqrt(ss / (later.length - 1)) / mean, 1e-9, "ISI_CV (sample SD)");
	}

	@Test
	void crossingsOfTheCurrentTrace() throws IOException {
		final TraceText.Columns trace = TraceText.read(TestData.file("efel-real-traces", "current.txt"));
		final double dt = trace.uniformStep(0) * 1000; // seconds
		final double[] crossings = SpikeDetection.crossings(trace.values()[2], dt, -20);
		assertArrayEquals(new double[] { 740.86, 823.93, 983.68, 1044.94, 1118.31, 1179.71, 1244.21, 1318.86, 1380.71,
			1455.69, 1524.58, 1598.20, 1665.61, 1734.74, 1808.16, 1881.25, 1960.77, 2040.74, 2115.89, 2190.14, 2265.20,
			2334.93, 2417.21, 2488.45, 2552.76, 2637.35 }, crossings, 0.005 + 1e-9);
		assertEquals(26, SpikeDetection.peaks(trace.values()[2], dt, -20, 0).length);
	}

	@Test
	void interpolationAndEdgesByHand() {
		final double[] v = { -70, -30, 10, 30, 0, -40, -70, -10 };
		assertArrayEquals(new double[] { 1.25 * 0.5, (6 + 50.0 / 60) * 0.5 }, SpikeDetection.crossings(v, 0.5, -20), 1e-12);
		assertArrayEquals(new double[] { 1.5, 3.5 }, SpikeDetection.peaks(v, 0.5, -20, 0), 1e-12,
			"the second spike is cut off by the end of the trace");
		assertThrows(IllegalArgumentException.class, () -> SpikeDetection.crossings(new double[] { 1, Double.NaN },
			1, 0));
		assertThrows(IllegalArgumentException.class, () -> SpikeDetection.crossings(v, -1, 0));
	}
}
