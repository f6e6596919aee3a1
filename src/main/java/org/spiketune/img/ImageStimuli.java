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

import org.spiketune.model.Protocol;
import org.spiketune.model.Stimulus;

/**
 * Images as network input: frames from any ImgLib2 image or stack, counterphase sinusoidal gratings (as
 * frames and as XYT stacks to look at), and drives of On/Off Poisson groups by a protocol of gratings
 * (Carlson et al. 2014).
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
	 * A sinusoidal grating of {@code width × height} pixels: {@code sin(2π·f·u + phase)}, with {@code u = −x
	 * sin θ + y cos θ} the distance across the bars, which run at angle θ (radians, counter-clockwise from the x
	 * axis; y grows downwards as in images); f in cycles per pixel; values in [−1, 1], x fastest.
	 */
	public static float[] grating(final int width, final int height, final double orientation,
		final double cyclesPerPixel, final double phase)
	{
		if (width < 1 || height < 1) throw new IllegalArgumentException("grating size must be >= 1, got " + width +
			"x" + height);
		if (!(cyclesPerPixel >= 0) || Double.isInfinite(cyclesPerPixel)) {
			throw new IllegalArgumentException("grating cyclesPerPixel must be finite and >= 0, got " + cyclesPerPixel);
		}
		final double cx = (width - 1) / 2.0, cy = (height - 1) / 2.0;
		final double s = Math.sin(orientation), c = Math.cos(orientation);
		final float[] frame = new float[width * height];
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				final double u = -(x - cx) * s + (y - cy) * c;
				frame[y * width + x] = (float) Math.sin(2 * Math.PI * cyclesPerPixel * u + phase);
			}
		}
		return frame;
	}

	/**
	 * A counterphase grating over time as an XYT stack: the grating times {@code cos(2π·temporalHz·t)} at
	 * {@code frames} times {@code frameMs} apart, what the On/Off groups see.
	 */
	public static ArrayImg<FloatType, FloatArray> counterphaseStack(final int width, final int height,
		final double orientation, final double cyclesPerPixel, final double temporalHz, final int frames,
		final double frameMs)
	{
		final float[] spatial = grating(width, height, orientation, cyclesPerPixel, 0);
		final float[] data = new float[spatial.length * frames];
		for (int t = 0; t < frames; t++) {
			final float m = (float) Math.cos(2 * Math.PI * temporalHz * t * frameMs / 1000);
			for (int i = 0; i < spatial.length; i++) data[t * spatial.length + i] = spatial[i] * m;
		}
		return ArrayImgs.floats(data, width, height, frames);
	}

	/** {@code count} orientations π/count, 2π/count, …, π (the study's 40 for training, 8 for testing). */
	public static double[] orientations(final int count) {
		if (count < 1) throw new IllegalArgumentException("orientation count must be >= 1, got " + count);
		final double[] angles = new double[count];
		for (int k = 0; k < count; k++) angles[k] = Math.PI * (k + 1) / count;
		return angles;
	}

	/**
	 * A phase that shows one counterphase grating per orientation (frames {@code firstFrame …}), each
	 * {@code presentMs} long and followed by a {@code gapMs} gap, {@code repeats} times, shuffled or in order.
	 */
	public static Protocol.Phase gratingPhase(final String name, final int firstFrame, final int orientations,
		final double presentMs, final double temporalHz, final double gapMs, final int repeats, final boolean shuffled)
	{
		final List<Protocol.Presentation> shown = new ArrayList<>();
		for (int k = 0; k < orientations; k++) {
			shown.add(new Protocol.Presentation(firstFrame + k, presentMs, temporalHz));
		}
		return new Protocol.Phase(name, shown, repeats, shuffled, gapMs);
	}

	/**
	 * Gratings of the given orientations as frames, to pair with {@link #gratingPhase}: a drive of On group
	 * {@code on} and Off group {@code off} by {@code protocol}, with {@code gapRateHz} noise in the gaps.
	 */
	public static Stimulus.ImageDrive gratingDrive(final String on, final String off, final int width,
		final int height, final double[] orientations, final double cyclesPerPixel, final Protocol protocol,
		final double gapRateHz)
	{
		final List<float[]> frames = new ArrayList<>();
		for (final double theta : orientations) frames.add(grating(width, height, theta, cyclesPerPixel, 0));
		return new Stimulus.ImageDrive(on, off, frames, protocol, gapRateHz);
	}
}
