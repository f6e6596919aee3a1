package org.spiketune.img;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.ARGBType;

import org.junit.jupiter.api.Test;
import org.spiketune.tune.GenerationStats;

class PlotsTest {

	private static int colours(final ArrayImg<ARGBType, IntArray> image) {
		final Set<Integer> seen = new HashSet<>();
		for (final ARGBType p : image) seen.add(p.get());
		return seen.size();
	}

	/** Counts pixels of a colour, to check a curve was drawn. */
	private static long count(final ArrayImg<ARGBType, IntArray> image, final int rgb) {
		long n = 0;
		for (final ARGBType p : image) if ((p.get() & 0xFFFFFF) == rgb) n++;
		return n;
	}

	@Test
	void convergencePlotDrawsBothPanelsHeadless() {
		final List<GenerationStats> g = new ArrayList<>();
		for (int i = 1; i <= 30; i++) {
			g.add(new GenerationStats(i, 10, 10L * i, 5.0 / i, 10.0 / i, 1, 0.3 / i, new double[] { 1 }, 1, 1, i));
		}
		final ArrayImg<ARGBType, IntArray> plot = Plots.convergence(g, "error (Hz)");
		assertEquals(Plots.WIDTH, plot.dimension(0));
		assertEquals(Plots.HEIGHT, plot.dimension(1));
		assertTrue(colours(plot) > 10, "anti-aliased curves, axes and text");
		assertTrue(count(plot, 0x1f77b4) > 100, "best curve");
		assertTrue(count(plot, 0xff7f0e) > 100, "mean curve");
		assertTrue(count(plot, 0x2ca02c) > 100, "diversity curve");
	}

	@Test
	void errorBarPlotDrawsEverySeries() {
		final double[] x = { 0, 0.5, 1 };
		final ArrayImg<ARGBType, IntArray> plot = Plots.errorBars("t", "x", "y", x, List.of(new Plots.Series("a",
			new double[] { 1, 2, 3 }, new double[] { 0.1, 0.2, 0.3 }), new Plots.Series("b", new double[] { 3, 2, 1 },
				new double[] { 0, 0, 0 })));
		assertTrue(count(plot, 0x1f77b4) > 50 && count(plot, 0xff7f0e) > 50);
	}
}
