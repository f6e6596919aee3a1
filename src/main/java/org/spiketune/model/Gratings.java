package org.spiketune.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Sinusoidal gratings as frames, the orientations of Carlson et al. (2014), and protocols and drives that
 * show them to On/Off Poisson groups.
 */
public final class Gratings {

	private Gratings() {}

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

	/** {@code count} orientations π/count, 2π/count, …, π (the study's 40 for training, 8 for testing). */
	public static double[] orientations(final int count) {
		if (count < 1) throw new IllegalArgumentException("orientation count must be >= 1, got " + count);
		final double[] angles = new double[count];
		for (int k = 0; k < count; k++) angles[k] = Math.PI * (k + 1) / count;
		return angles;
	}

	/**
	 * A phase that shows one grating per orientation (frames {@code firstFrame …}; still at {@code temporalHz}
	 * 0, else counterphase), each
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
	 * Gratings of the given orientations and spatial {@code phase} (radians, as in {@link #grating}) as frames,
	 * to pair with {@link #gratingPhase}: a drive of On group {@code on} and Off group {@code off} by
	 * {@code protocol}, with {@code gapRateHz} noise in the gaps.
	 * Every frame is scaled to the same mean contrast (mean |p|, the smallest of them): on a coarse pixel grid
	 * a grating whose bars run along the grid samples no pixel near zero and so drives the On/Off groups
	 * harder (at 16×16 and 2 cycles across, mean |p| 0.653 at 90° and 180° against 0.630–0.641 elsewhere),
	 * which alone can give a network a preference for those orientations. Frames without contrast stay as
	 * they are and do not set the level.
	 */
	public static Stimulus.ImageDrive gratingDrive(final String on, final String off, final int width,
		final int height, final double[] orientations, final double cyclesPerPixel, final double phase,
		final Protocol protocol, final double gapRateHz)
	{
		final List<float[]> frames = new ArrayList<>();
		double lowest = Double.POSITIVE_INFINITY;
		for (final double theta : orientations) {
			final float[] frame = grating(width, height, theta, cyclesPerPixel, phase);
			frames.add(frame);
			if (meanContrast(frame) > 0) lowest = Math.min(lowest, meanContrast(frame));
		}
		for (final float[] frame : frames) {
			final double contrast = meanContrast(frame);
			if (contrast > 0) for (int i = 0; i < frame.length; i++) frame[i] = (float) (frame[i] * lowest / contrast);
		}
		return new Stimulus.ImageDrive(on, off, frames, protocol, gapRateHz);
	}

	/** Mean |p| over the frame's pixels. */
	public static double meanContrast(final float[] frame) {
		double sum = 0;
		for (final float p : frame) sum += Math.abs(p);
		return frame.length == 0 ? 0 : sum / frame.length;
	}
}
