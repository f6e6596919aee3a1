package org.spiketune.img;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import net.imglib2.RandomAccess;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.real.FloatType;

import org.junit.jupiter.api.Test;
import org.spiketune.objective.V1Tuning;

class V1FiguresTest {

	/** [pixel][neuron] weights of a 3x3 image and 2 neurons: value = pixel + 10 neuron (+ 100 for Off). */
	private static float[][] weights(final float offset) {
		final float[][] w = new float[9][2];
		for (int p = 0; p < 9; p++) {
			for (int i = 0; i < 2; i++) w[p][i] = p + 10 * i + offset;
		}
		return w;
	}

	@Test
	void receptiveFieldsAreOneSlicePerNeuronAndPolarity() {
		final ArrayImg<FloatType, FloatArray> stack = V1Figures.receptiveFields(weights(0), weights(100), 3);
		assertArrayEquals(new long[] { 3, 3, 4 }, stack.dimensionsAsLongArray());
		final RandomAccess<FloatType> at = stack.randomAccess();
		at.setPosition(new long[] { 2, 1, 2 });
		assertEquals(5 + 10, at.get().get(), "On weight of pixel (2,1) = 5 to neuron 1");
		at.setPosition(new long[] { 0, 2, 1 });
		assertEquals(6 + 100, at.get().get(), "Off weight of pixel (0,2) = 6 to neuron 0");
		assertThrows(IllegalArgumentException.class, () -> V1Figures.receptiveFields(weights(0), weights(0), 4));
	}

	@Test
	void theMontageShowsOnOffAndTheirDifferencePerNeuron() {
		final ArrayImg<FloatType, FloatArray> montage = V1Figures.montage(weights(0), weights(100), 3);
		assertArrayEquals(new long[] { 7, 11 }, montage.dimensionsAsLongArray());
		final RandomAccess<FloatType> at = montage.randomAccess();
		at.setPosition(new long[] { 4 + 1, 2 });
		assertEquals(7 + 10, at.get().get(), "neuron 1's column starts at x = 4; On row: pixel (1,2) = 7");
		at.setPosition(new long[] { 1, 4 + 2 });
		assertEquals(7 + 100, at.get().get(), "Off row starts at y = 4");
		at.setPosition(new long[] { 1, 8 + 2 });
		assertEquals(-100, at.get().get(), "On − Off");
		at.setPosition(new long[] { 3, 0 });
		assertTrue(Float.isNaN(at.get().get()), "gap between panels");
	}

	@Test
	void theFieldsPictureIsGrayAroundZeroOnOneScaleWithTheGapsWhite() {
		final ArrayImg<FloatType, FloatArray> montage = V1Figures.montage(weights(0), weights(100), 3);
		final ArrayImg<ARGBType, IntArray> picture = V1Figures.fieldsPicture(montage, 2);
		assertArrayEquals(new long[] { 14, 22 }, picture.dimensionsAsLongArray(), "each value 2 pixels wide");
		final RandomAccess<ARGBType> at = picture.randomAccess();
		// the largest magnitude is On - Off = -100 or Off = 118 (pixel 8 of neuron 1): 118 is white
		at.setPosition(new long[] { 2 * (4 + 2) + 1, 2 * (4 + 2) + 1 });
		assertEquals(ARGBType.rgba(255, 255, 255, 255), at.get().get(), "Off of neuron 1 at pixel 8: 118, the largest");
		at.setPosition(new long[] { 2 * 1, 2 * (8 + 2) });
		final int gray = (int) Math.round(127.5 - 127.5 * 100 / 118);
		assertEquals(ARGBType.rgba(gray, gray, gray, 255), at.get().get(), "On - Off = -100 below mid-gray");
		at.setPosition(new long[] { 0, 0 });
		assertEquals(ARGBType.rgba(128, 128, 128, 255), at.get().get(), "0 is mid-gray");
		at.setPosition(new long[] { 2 * 3 + 1, 0 });
		assertEquals(ARGBType.rgba(255, 255, 255, 255), at.get().get(), "the gap between panels is background");
		assertThrows(IllegalArgumentException.class, () -> V1Figures.fieldsPicture(montage, 0));
	}

	@Test
	void aRasterForAFileHasTallRows() {
		final ArrayImg<ARGBType, IntArray> raster = net.imglib2.img.array.ArrayImgs.argbs(new int[] { 1, 2, 3, 4, 5, 6 },
			3, 2);
		final ArrayImg<ARGBType, IntArray> tall = V1Figures.tallRows(raster, 4);
		assertArrayEquals(new long[] { 3, 8 }, tall.dimensionsAsLongArray());
		final RandomAccess<ARGBType> at = tall.randomAccess();
		at.setPosition(new long[] { 2, 3 });
		assertEquals(3, at.get().get(), "row 0 fills pixels 0-3");
		at.setPosition(new long[] { 0, 4 });
		assertEquals(4, at.get().get(), "row 1 starts at pixel 4");
		at.setPosition(new long[] { 1, 7 });
		assertEquals(5, at.get().get());
		assertThrows(IllegalArgumentException.class, () -> V1Figures.tallRows(raster, 0));
	}

	@Test
	void plotsRender() {
		final double[] angles = new double[8];
		for (int j = 0; j < 8; j++) angles[j] = Math.PI / 8 * (j + 1);
		final double[][] rates = { { 1, 50, 2, 1, 0, 0, 1, 3 }, { 0, 1, 2, 40, 3, 1, 0, 0 } };
		assertPainted(V1Figures.tuningCurves(angles, rates));
		final Map<String, double[][]> classes = new LinkedHashMap<>();
		classes.put("high fitness", new double[][] { { 12, 60 }, { 13, 70 } });
		classes.put("low fitness", new double[][] { { 25, 90 }, { 18, 45 }, { 29, 99 } });
		assertPainted(V1Figures.scatter("homeostatic targets", "Exc (Hz)", "Inh (Hz)", classes));
		assertPainted(V1Figures.decodingErrors(V1Tuning.decode(rates, new double[] { angles[1], angles[3] },
			angles)));
	}

	@Test
	void aDecodingIsDescribedAngleByAngle() {
		final V1Tuning.Decoding d = new V1Tuning.Decoding(new double[] { Math.PI / 8, Math.PI }, new double[] {
			Math.toRadians(25), Math.toRadians(3) }, new double[] { 2.5, 3 });
		assertEquals("decoded: 22.5° as 25.0° (2.5° off), 180.0° as 3.0° (3.0° off)", V1Figures.describe(d));
	}

	private static void assertPainted(final ArrayImg<ARGBType, IntArray> image) {
		assertArrayEquals(new long[] { Plots.WIDTH, Plots.HEIGHT }, image.dimensionsAsLongArray());
		int colored = 0;
		for (final ARGBType p : image) {
			final int v = p.get();
			final int r = ARGBType.red(v), g = ARGBType.green(v), b = ARGBType.blue(v);
			if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) colored++;
		}
		assertTrue(colored > 100, "coloured curves or points drawn: " + colored + " pixels");
	}
}
