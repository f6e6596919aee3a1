package org.spiketune.img;

import java.util.Arrays;

import net.imglib2.img.Img;
import net.imglib2.img.ImgView;
import net.imglib2.type.NativeType;

/**
 * An image with a pixel spacing and unit per dimension (a raster's x is milliseconds, y neurons). ImgLib2's
 * core has no calibrated image and imagej-common is not on Maven Central, so the spacing travels with the
 * image this way and becomes the ImagePlus calibration when shown in ImageJ.
 */
public final class CalibratedImg<T extends NativeType<T>> extends ImgView<T> {

	private final double[] spacing;
	private final String[] units;

	public CalibratedImg(final Img<T> image, final double[] spacing, final String[] units) {
		super(image, image.factory());
		if (spacing.length != image.numDimensions() || units.length != image.numDimensions()) {
			throw new IllegalArgumentException("one spacing and unit per dimension: " + image.numDimensions());
		}
		this.spacing = spacing.clone();
		this.units = units.clone();
	}

	/** A 2D image with {@code xPerPixel} {@code xUnit} along x and one {@code yUnit} per row. */
	public static <T extends NativeType<T>> CalibratedImg<T> of(final Img<T> image, final double xPerPixel,
		final String xUnit, final String yUnit)
	{
		return new CalibratedImg<>(image, new double[] { xPerPixel, 1 }, new String[] { xUnit, yUnit });
	}

	public double spacing(final int dimension) {
		return spacing[dimension];
	}

	public String unit(final int dimension) {
		return units[dimension];
	}

	@Override
	public String toString() {
		return "CalibratedImg" + Arrays.toString(dimensionsAsLongArray()) + " spacing " + Arrays.toString(spacing) +
			" " + Arrays.toString(units);
	}
}
