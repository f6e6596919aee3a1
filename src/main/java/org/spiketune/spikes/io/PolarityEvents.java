package org.spiketune.spikes.io;

import java.util.ArrayList;
import java.util.List;

import org.spiketune.spikes.SpikeTrains;

/**
 * Polarity events of an event camera (DVS/DAVIS): event k is a brightness increase ({@code on}) or decrease at
 * pixel (x, y) at time t (µs, as recorded). Arrays are in recording order.
 */
public record PolarityEvents(long[] timesUs, short[] x, short[] y, boolean[] on, int width, int height) {

	public PolarityEvents {
		final int n = timesUs.length;
		if (x.length != n || y.length != n || on.length != n) throw new IllegalArgumentException(
			"event arrays differ in length: t " + n + ", x " + x.length + ", y " + y.length + ", on " + on.length);
		if (width <= 0 || height <= 0) throw new IllegalArgumentException("sensor size must be positive, got " +
			width + " x " + height);
		for (int k = 0; k < n; k++) {
			if (x[k] < 0 || x[k] >= width || y[k] < 0 || y[k] >= height) throw new IllegalArgumentException("event " +
				k + " at (" + x[k] + ", " + y[k] + ") lies outside the " + width + " x " + height + " sensor");
		}
	}

	public int size() {
		return timesUs.length;
	}

	public int onCount() {
		int count = 0;
		for (final boolean b : on) if (b) count++;
		return count;
	}

	/**
	 * The events inside the {@code width} x {@code height} region whose corner is ({@code x0}, {@code y0}),
	 * with coordinates relative to that corner, as a sensor of the region's size (tonic's CropTo).
	 */
	public PolarityEvents crop(final int x0, final int y0, final int width, final int height) {
		if (x0 < 0 || y0 < 0 || width <= 0 || height <= 0 || x0 + (long) width > this.width || y0 +
			(long) height > this.height)
		{
			throw new IllegalArgumentException("crop " + width + " x " + height + " at (" + x0 + ", " + y0 +
				") does not fit the " + this.width + " x " + this.height + " sensor");
		}
		final boolean[] keep = new boolean[size()];
		for (int k = 0; k < size(); k++) {
			keep[k] = x[k] >= x0 && x[k] < x0 + width && y[k] >= y0 && y[k] < y0 + height;
		}
		return select(keep, x0, y0, 1, width, height);
	}

	/**
	 * The events on a sensor {@code factor} times smaller in each direction: pixel (x, y) becomes (x / factor,
	 * y / factor), every event kept (tonic's Downsample of the spatial axes); the width and height round up.
	 */
	public PolarityEvents downsample(final int factor) {
		if (factor < 1) throw new IllegalArgumentException("downsampling factor must be >= 1, got " + factor);
		final boolean[] keep = new boolean[size()];
		java.util.Arrays.fill(keep, true);
		return select(keep, 0, 0, factor, (width + factor - 1) / factor, (height + factor - 1) / factor);
	}

	private PolarityEvents select(final boolean[] keep, final int x0, final int y0, final int factor,
		final int newWidth, final int newHeight)
	{
		int count = 0;
		for (final boolean b : keep) if (b) count++;
		final long[] t = new long[count];
		final short[] nx = new short[count], ny = new short[count];
		final boolean[] polarity = new boolean[count];
		int j = 0;
		for (int k = 0; k < size(); k++) {
			if (!keep[k]) continue;
			t[j] = timesUs[k];
			nx[j] = (short) ((x[k] - x0) / factor);
			ny[j] = (short) ((y[k] - y0) / factor);
			polarity[j++] = on[k];
		}
		return new PolarityEvents(t, nx, ny, polarity, newWidth, newHeight);
	}

	/**
	 * One spike train per pixel and polarity, train {@code 2 (y·width + x) + (on ? 1 : 0)} labelled {@code
	 * "x,y,on"} or {@code "x,y,off"}, times in ms from the first event; the window ends just after the last.
	 */
	public SpikeTrains toSpikeTrains() {
		return toSpikeTrains(size() == 0 ? 0 : timesUs[0]);
	}

	/**
	 * As {@link #toSpikeTrains()}, times in ms from {@code originUs} (e.g. the first event of the whole
	 * recording, so a cropped region keeps the recording's time base); no event may precede it.
	 */
	public SpikeTrains toSpikeTrains(final long originUs) {
		final int trains = 2 * width * height;
		final int[] neuron = new int[size()];
		final double[] ms = new double[size()];
		final long first = originUs;
		for (final long t : timesUs) {
			if (t < originUs) throw new IllegalArgumentException("event at " + t + " µs precedes the origin " +
				originUs + " µs");
		}
		double last = 0;
		for (int k = 0; k < size(); k++) {
			neuron[k] = 2 * (y[k] * width + x[k]) + (on[k] ? 1 : 0);
			ms[k] = (timesUs[k] - first) / 1000.0;
			last = Math.max(last, ms[k]);
		}
		final List<String> labels = new ArrayList<>(trains);
		for (int py = 0; py < height; py++) {
			for (int px = 0; px < width; px++) {
				labels.add(px + "," + py + ",off");
				labels.add(px + "," + py + ",on");
			}
		}
		return SpikeTrains.fromEvents(trains, neuron, ms, 0, Math.floor(last) + 1).withLabels(labels);
	}
}
