package org.spiketune.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ij.ImagePlus;

import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.view.Views;

import org.junit.jupiter.api.Test;
import org.spiketune.img.CalibratedImg;
import org.spiketune.img.Rasters;
import org.spiketune.sim.SpikeRecord;

class ImagePlusConverterTest {

	@Test
	void copiesPixelsAndCalibration() {
		final SpikeRecord spikes = new SpikeRecord(3, 0.5, 8, new int[] { 1, 6 }, new int[] { 0, 2 });
		final CalibratedImg<UnsignedByteType> raster = Rasters.raster(spikes, 1.0); // 2 steps per pixel
		final ImagePlus imp = ImagePlusConverter.toImagePlus(raster, "raster", null);
		assertEquals(4, imp.getWidth());
		assertEquals(3, imp.getHeight());
		assertEquals(8, imp.getBitDepth());
		assertEquals(255, imp.getProcessor().get(0, 0));
		assertEquals(255, imp.getProcessor().get(3, 2));
		assertEquals(0, imp.getProcessor().get(1, 0));
		assertEquals(1.0, imp.getCalibration().pixelWidth);
		assertEquals("ms", imp.getCalibration().getXUnit());
		assertEquals("neuron", imp.getCalibration().getYUnit());
	}

	@Test
	void stacksTheThirdDimensionAndRefusesOthers() {
		final ImagePlus stack = ImagePlusConverter.toImagePlus(ArrayImgs.floats(5, 4, 3), "s", null);
		assertEquals(3, stack.getStackSize());
		assertEquals(32, stack.getBitDepth());
		assertThrows(IllegalArgumentException.class, () -> ImagePlusConverter.toImagePlus(Views.addDimension(
			ArrayImgs.floats(2, 2, 2), 0, 1), "4d", null));
	}
}
