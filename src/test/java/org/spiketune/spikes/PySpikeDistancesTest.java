package org.spiketune.spikes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Arrays;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.spiketune.spikes.io.SpikeText;

/** ISI-distance, SPIKE-distance and SPIKE-synchronization against test-data/pyspike-testdata/ORACLES.md. */
class PySpikeDistancesTest {

	private static final double[] NONE = {};

	private static double[] t(final double... times) {
		return times;
	}

	private static final double[] A1 = { 0.2, 0.4, 0.6, 0.7 }, A2 = { 0.3, 0.45, 0.8, 0.9, 0.95 };
	private static final double[] B1 = { 0.2, 0.4, 0.6 }, B2 = { 0.1, 0.4, 0.5, 0.6 };

	private static double[] regular(final double step) {
		final int n = (int) Math.floor(1100 / step) + 1;
		final double[] r = new double[n];
		for (int i = 0; i < n; i++) r[i] = 100 + i * step;
		return r;
	}

	@Test
	void isiDistanceOracles() {
		final Profile p = IsiDistance.profile(A1, A2, 0, 1);
		assertArrayEquals(t(0, 0.2, 0.3, 0.4, 0.45, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0), p.x(), 1e-15);
		assertArrayEquals(t(0.1 / 0.3, 0.1 / 0.3, 0.05 / 0.2, 0.05 / 0.2, 0.15 / 0.35, 0.25 / 0.35, 0.05 / 0.35, 0.2 /
			0.3, 0.25 / 0.3, 0.25 / 0.3), p.start(), 1e-15);
		assertEquals(0.43749999999999994, p.average(), 1e-7 * 0.4375);
		final Profile b = IsiDistance.profile(B1, B2, 0, 1);
		assertArrayEquals(t(0, 0.1, 0.2, 0.4, 0.5, 0.6, 1.0), b.x(), 1e-15);
		assertArrayEquals(t(0.1 / 0.3, 0.1 / 0.3, 0.1 / 0.3, 0.1 / 0.2, 0.1 / 0.2, 0.0), b.start(), 1e-15);
		assertEquals(0.23333333333333334, b.average(), 1e-15);
		final Profile r = IsiDistance.profile(regular(100), regular(110), 0, 1300);
		assertEquals(9.0909090909090939e-02, r.average(), 1e-15);
		for (final double y : r.start()) assertEquals(0.1 / 1.1, y, 1e-15);
		assertEquals(0.0, IsiDistance.distance(NONE, NONE, 0, 1), 0);
		final Profile e = IsiDistance.profile(NONE, t(0.4), 0, 1);
		assertArrayEquals(t(0, 0.4, 1), e.x(), 1e-15);
		assertArrayEquals(t(0.6, 0.4), e.start(), 1e-15);
		assertEquals(0.48, e.average(), 1e-15);
		final Profile s = IsiDistance.profile(t(0.6), t(0.4), 0, 1);
		assertArrayEquals(t(0, 0.4, 0.6, 1), s.x(), 1e-15);
		assertArrayEquals(t(1.0 / 3, 0, 1.0 / 3), s.start(), 1e-15);
		assertEquals(0.2666666666666667, s.average(), 1e-15);
	}

	@Test
	void spikeDistanceOracles() {
		final Profile spiky = SpikeDistance.profile(t(0, 2, 5, 8), t(0, 1, 5, 9), 0, 10);
		assertArrayEquals(t(0, 1, 2, 5, 8, 9, 10), spiky.x(), 1e-15);
		assertArrayEquals(t(0.555555555555555580, 0.305555555555555580, 0.0, 0.255102040816326536,
			0.285714285714285698, 0.285714285714285698), spiky.end(), 1e-15);
		assertEquals(0.186309523809523814, spiky.average(), 1e-15);
		assertEquals(0.39728635564433107, SpikeDistance.distance(A1, A2, 0, 1), 1e-15);
		assertEquals(0.15644444444444447, SpikeDistance.distance(B1, B2, 0, 1), 1e-16);
		assertEquals(0.211058782487353908, SpikeDistance.distance(regular(100), regular(110), 0, 1300), 1e-12);
		final Profile edge = SpikeDistance.profile(t(0.5, 1.5, 2.5), t(3.5, 4.5, 5.5), 0, 6);
		assertArrayEquals(t(0, 0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.0), edge.x(), 1e-15);
		assertArrayEquals(t(0.271604938271605, 0.271604938271605, 0.617283950617284, 0.285714285714286,
			0.444444444444444, 0.617283950617284, 0.271604938271605), edge.start(), 1e-14);
		assertArrayEquals(t(0.271604938271605, 0.617283950617284, 0.444444444444444, 0.285714285714286,
			0.617283950617284, 0.271604938271605, 0.271604938271605), edge.end(), 1e-14);
		assertEquals(0.0, SpikeDistance.distance(NONE, NONE, 0, 1), 0);
		assertEquals(0.35076530612244894, SpikeDistance.distance(NONE, t(0.4), 0, 1), 1e-15);
		assertEquals(0.3866666666666667, SpikeDistance.distance(t(0.6), t(0.4), 0, 1), 1e-15);
	}

	@Test
	void spikeSynchronizationOracles() {
		final double[] a = t(1, 2, 3);
		assertEquals(0.5, sync(a, t(2.1), 4, 0), 1e-15);
		assertEquals(0.0, sync(a, t(2.1), 4, 0.05), 1e-15);
		for (final double b : t(3.1, 1.1, 0.9, 3.0, 1.0)) assertEquals(0.5, sync(a, t(b), 4, 0), 1e-15, "vs " + b);
		assertEquals(0.4, sync(a, t(1.5, 3.0), 4, 0), 1e-15);
		final SpikeSynchronization.Events e = SpikeSynchronization.events(a, t(2.1), 0, 4, 0);
		assertArrayEquals(t(1, 2, 2.1, 3), e.times(), 0);
		assertArrayEquals(new int[] { 0, 1, 1, 0 }, e.coincidences());
		final SpikeSynchronization.Events early = SpikeSynchronization.events(a, t(1.1), 0, 4, 0);
		assertArrayEquals(new int[] { 1, 1, 0, 0 }, early.coincidences());
		final SpikeSynchronization.Events edge = SpikeSynchronization.events(t(1, 2, 4), t(3.8), 0, 4, 0);
		assertArrayEquals(t(1, 2, 3.8, 4), edge.times(), 0);
		assertArrayEquals(new int[] { 0, 0, 1, 1 }, edge.coincidences());
		assertEquals(8.6956521739130432e-01, sync(regular(100), regular(110), 1300, 0), 1e-15);
		assertEquals(1.0, sync(NONE, NONE, 1, 0), 0);
		assertEquals(0.0, sync(NONE, t(0.4), 1, 0), 0);
		assertEquals(1.0, sync(t(0.6), t(0.4), 1, 0), 0);
		assertEquals(0.0, sync(t(0.2), t(0.8), 1, 0), 0);
		assertEquals(1.0, SpikeSynchronization.events(t(2, 5), t(2.1, 7), 0, 10, 0).synchronizationIn(3, 4), 0);
	}

	private static double sync(final double[] a, final double[] b, final double stop, final double maxTau) {
		return SpikeSynchronization.synchronization(a, b, 0, stop, maxTau);
	}

	@Test
	void multivariateOracles() throws IOException {
		final SpikeTrains three = SpikeTrains.of(new double[][] { { 100, 300, 400, 405, 410, 500, 700, 800, 805, 810,
			815, 900 }, { 100, 200, 205, 210, 295, 350, 400, 510, 600, 605, 700, 910 }, { 100, 180, 198, 295, 412, 420,
				510, 640, 695, 795, 820, 920 } }, 0, 1000);
		final double[][] m = PairwiseComparison.matrix(three, Measure.of(Measure.Kind.SPIKE_SYNC));
		for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) assertEquals(i == j ? 1 : 0.5, m[i][j], 1e-15);
		assertEquals(0.5, PairwiseComparison.multivariate(three, Measure.of(Measure.Kind.SPIKE_SYNC)), 1e-15);
		final SpikeTrains sparse = SpikeTrains.of(new double[][] { { 1, 9 }, { 1, 3 }, {}, {} }, 0, 10);
		assertEquals(1.0 / 6, PairwiseComparison.multivariate(sparse, Measure.of(Measure.Kind.SPIKE_SYNC)), 1e-15);

		final SpikeTrains forty = SpikeText.read(TestData.file("pyspike-testdata", "PySpike_testdata.txt"), 1, 0,
			4000);
		assertEquals(40, forty.size());
		assertArrayEquals(t(64.886, 305.81, 696, 937.77, 1059.7, 1322.2, 1576.1, 1808.1, 2121.5, 2381.1, 2728.6,
			2966.9, 3223.7, 3473.7, 3644.3, 3936.3), forty.times(0), 0);
		assertEquals(0.17051816816999129656, PairwiseComparison.multivariate(forty, Measure.of(Measure.Kind.ISI)),
			1e-15);
		assertEquals(0.25188056475463755, PairwiseComparison.multivariate(forty, Measure.of(Measure.Kind.SPIKE)),
			1e-15);
		assertEquals(0.7183531505298066, PairwiseComparison.multivariate(forty, Measure.of(Measure.Kind.SPIKE_SYNC)),
			1e-12);
		final TreeSet<Double> union = new TreeSet<>();
		for (int i = 0; i < forty.size(); i++) for (final double x : forty.times(i)) union.add(x);
		union.add(0.0);
		union.add(4000.0);
		assertEquals(1252, 2 * (union.size() - 1), "the multivariate profile's breakpoints are the spike union");
	}

	@Test
	void spikeSyncRegressionFile() throws IOException {
		final SpikeTrains trains = SpikeText.read(TestData.file("pyspike-testdata", "SPIKE_Sync_Test.txt"), 1, 0,
			4000);
		long coincident = 0, spikes = 0;
		for (int i = 0; i < trains.size(); i++) {
			for (int j = i + 1; j < trains.size(); j++) {
				final SpikeSynchronization.Events e = SpikeSynchronization.events(trains.times(i), trains.times(j), 0,
					4000, 0);
				coincident += e.coincidentIn(0, 4000);
				spikes += e.spikesIn(0, 4000);
			}
		}
		assertEquals(39932, coincident);
		assertEquals(85554, spikes);
		assertEquals(39932.0 / 85554, PairwiseComparison.multivariate(trains, Measure.of(Measure.Kind.SPIKE_SYNC)),
			1e-15);
	}

	@Test
	void matrixIsSymmetricAndMatchesPairs() throws IOException {
		final SpikeTrains forty = SpikeText.read(TestData.file("pyspike-testdata", "PySpike_testdata.txt"), 1, 0,
			4000);
		final double[][] m = PairwiseComparison.matrix(forty, Measure.parse("spike"));
		double sum = 0;
		for (int i = 0; i < 40; i++) {
			assertEquals(0, m[i][i], 0);
			for (int j = 0; j < i; j++) {
				assertEquals(m[i][j], m[j][i], 0);
				assertEquals(SpikeDistance.distance(forty.times(i), forty.times(j), 0, 4000), m[i][j], 0);
				sum += m[i][j];
			}
		}
		assertEquals(0.25188056475463755, sum / (40 * 39 / 2), 1e-15);
		assertEquals(Arrays.toString(new double[] { 0 }), Arrays.toString(new double[] { m[3][3] }));
	}
}
