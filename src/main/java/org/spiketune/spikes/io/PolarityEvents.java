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
	 * One spike train per pixel and polarity, train {@code 2 (y·width + x) + (on ? 1 : 0)} labelled {@code
	 * "x,y,on"} or {@code "x,y,off"}, times in ms from the first event; the window ends just after the last.
	 */
	public SpikeTrains toSpikeTrains() {
		final int trains = 2 * width * height;
		final int[] neuron = new int[size()];
		final double[] ms = new double[size()];
		final long first = size() == 0 ? 0 : timesUs[0];
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
