package org.spiketune.img;

import java.util.ArrayList;
import java.util.List;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

import org.spiketune.model.Gratings;

/**
 * Images as network input (see {@link org.spiketune.model.Stimulus.ImageDrive}): frames from any ImgLib2
 * image or stack, and counterphase gratings ({@link Gratings}) as XYT stacks to look at.
 */
public final class ImageStimuli {

	private ImageStimuli() {}

	/**
	 * One frame per 2D plane of {@code image} (a 2D image is one frame; further dimensions are planes in
	 * order), values flattened x fastest, as they are. Use {@link #normalized} to scale them into [−1, 1].
	 */
	public static <T extends RealType<T>> List<float[]> frames(final RandomAccessibleInterval<T> image) {
		if (image.numDimensions() < 2) {
			throw new IllegalArgumentException("an image stimulus needs at least 2 dimensions, got " + image
				.numDimensions());
		}
		final int width = Math.toIntExact(image.dimension(0)), height = Math.toIntExact(image.dimension(1));
		long planes = 1;
		for (int d = 2; d < image.numDimensions(); d++) planes *= image.dimension(d);
		if ((long) width * height * planes > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("image of " + width + "x" + height + "x" + planes + " is too large");
		}
		final List<float[]> frames = new ArrayList<>();
		final float[] all = new float[(int) ((long) width * height * planes)];
		final Cursor<T> cursor = Views.flatIterable(image).cursor();
		for (int k = 0; cursor.hasNext(); k++) {
			final float v = cursor.next().getRealFloat();
			if (!Float.isFinite(v)) {
				throw new IllegalArgumentException("image value " + v + " at index " + k + " is not a finite number");
			}
			all[k] = v;
		}
		for (int p = 0; p < planes; p++) {
			frames.add(java.util.Arrays.copyOfRange(all, p * width * height, (p + 1) * width * height));
		}
		return frames;
	}

	/** Frames scaled together so the largest magnitude is 1 (all zeros stay zeros). */
	public static List<float[]> normalized(final List<float[]> frames) {
		float largest = 0;
		for (final float[] f : frames) {
			for (final float v : f) largest = Math.max(largest, Math.abs(v));
		}
		final List<float[]> out = new ArrayList<>();
		for (final float[] f : frames) {
			final float[] g = new float[f.length];
			for (int i = 0; i < f.length; i++) g[i] = largest == 0 ? 0 : f[i] / largest;
			out.add(g);
		}
		return out;
	}

	/**
	 * A counterphase grating over time as an XYT stack: the grating times {@code cos(2π·temporalHz·t)} at
	 * {@code frames} times {@code frameMs} apart, what the On/Off groups see.
	 */
	public static ArrayImg<FloatType, FloatArray> counterphaseStack(final int width, final int height,
		final double orientation, final double cyclesPerPixel, final double temporalHz, final int frames,
		final double frameMs)
	{
		final float[] spatial = Gratings.grating(width, height, orientation, cyclesPerPixel, 0);
		final float[] data = new float[spatial.length * frames];
		for (int t = 0; t < frames; t++) {
			final float m = (float) Math.cos(2 * Math.PI * temporalHz * t * frameMs / 1000);
			for (int i = 0; i < spatial.length; i++) data[t * spatial.length + i] = spatial[i] * m;
		}
		return ArrayImgs.floats(data, width, height, frames);
	}
}
