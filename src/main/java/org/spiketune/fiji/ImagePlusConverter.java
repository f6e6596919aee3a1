package org.spiketune.fiji;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.view.Views;

import org.spiketune.img.CalibratedImg;

/**
 * Copies 2D and 3D ImgLib2 images into ImageJ 1 {@link ImagePlus}es (the third dimension becomes the
 * stack); 8-bit and ARGB images keep their type, other real types become 32-bit float; a
 * {@link CalibratedImg}'s spacing and units become the calibration. Written here
 * because imglib2-ij, which does this without copying, is not on Maven Central.
 */
public final class ImagePlusConverter {

	private ImagePlusConverter() {}

	public static ImagePlus toImagePlus(final RandomAccessibleInterval<?> image, final String title,
		final Calibration calibration)
	{
		final int dims = image.numDimensions();
		if (dims < 2 || dims > 3) {
			throw new IllegalArgumentException("only 2D and 3D images convert to ImagePlus, got " + dims + "D");
		}
		final long w = image.dimension(0), h = image.dimension(1);
		if (w * h > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("a plane of " + w + " x " + h +
			" pixels is too large for ImageJ 1");
		final ImageStack stack = new ImageStack((int) w, (int) h);
		final long depth = dims == 3 ? image.dimension(2) : 1;
		for (long z = 0; z < depth; z++) {
			final RandomAccessibleInterval<?> plane = dims == 3 ? Views.hyperSlice(image, 2, image.min(2) + z)
				: image;
			stack.addSlice(processor(plane, (int) w, (int) h));
		}
		final ImagePlus imp = new ImagePlus(title, stack);
		if (calibration != null) imp.setCalibration(calibration);
		else if (image instanceof CalibratedImg<?> c) {
			imp.setCalibration(calibration(c.spacing(0), c.unit(0), c.unit(1)));
			imp.getCalibration().pixelHeight = c.spacing(1);
		}
		return imp;
	}

	@SuppressWarnings("unchecked")
	private static ImageProcessor processor(final RandomAccessibleInterval<?> plane, final int w, final int h) {
		final Object type = plane.getType();
		if (type instanceof ARGBType) {
			final int[] pixels = new int[w * h];
			final Cursor<ARGBType> c = Views.flatIterable((RandomAccessibleInterval<ARGBType>) plane).cursor();
			for (int i = 0; c.hasNext(); i++) pixels[i] = c.next().get();
			return new ColorProcessor(w, h, pixels);
		}
		if (type instanceof UnsignedByteType) {
			final byte[] pixels = new byte[w * h];
			final Cursor<UnsignedByteType> c = Views.flatIterable((RandomAccessibleInterval<UnsignedByteType>) plane)
				.cursor();
			for (int i = 0; c.hasNext(); i++) pixels[i] = (byte) c.next().get();
			return new ByteProcessor(w, h, pixels);
		}
		if (type instanceof RealType) {
			final float[] pixels = new float[w * h];
			final Cursor<? extends RealType<?>> c = Views.flatIterable(
				(RandomAccessibleInterval<? extends RealType<?>>) plane).cursor();
			for (int i = 0; c.hasNext(); i++) pixels[i] = c.next().getRealFloat();
			return new FloatProcessor(w, h, pixels);
		}
		throw new IllegalArgumentException("cannot convert pixels of type " + type.getClass().getSimpleName());
	}

	/** A calibration with {@code xPerPixel} units of {@code xUnit} along x and one {@code yUnit} per row. */
	public static Calibration calibration(final double xPerPixel, final String xUnit, final String yUnit) {
		final Calibration c = new Calibration();
		c.pixelWidth = xPerPixel;
		c.setXUnit(xUnit);
		c.pixelHeight = 1;
		c.setYUnit(yUnit);
		return c;
	}
}
