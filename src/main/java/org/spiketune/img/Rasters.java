package org.spiketune.img;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.spiketune.sim.SpikeRecord;

/** Spike rasters as images: x is time, y is neuron. */
public final class Rasters {

	private Rasters() {}

	/**
	 * An 8-bit raster of {@code ceil(duration / binMs)} columns by neurons rows: 255 where a neuron spiked in
	 * a bin, 0 elsewhere. {@code binMs} is rounded to whole steps (at least one).
	 */
	public static ArrayImg<UnsignedByteType, ByteArray> raster(final SpikeRecord spikes, final double binMs) {
		final int binSteps = binSteps(spikes, binMs);
		final int bins = (spikes.stepCount() + binSteps - 1) / binSteps;
		final long pixels = (long) bins * spikes.neuronCount();
		if (pixels > Integer.MAX_VALUE - 8) {
			throw new IllegalArgumentException("a raster of " + bins + " bins x " + spikes.neuronCount() +
				" neurons is too large for one image; use wider bins or fewer neurons");
		}
		final byte[] pixelsArray = new byte[(int) pixels];
		for (int k = 0; k < spikes.count(); k++) {
			pixelsArray[spikes.neuron(k) * bins + spikes.step(k) / binSteps] = (byte) 255;
		}
		return ArrayImgs.unsignedBytes(pixelsArray, bins, spikes.neuronCount());
	}

	/** The bin width actually used by {@link #raster}, in steps. */
	public static int binSteps(final SpikeRecord spikes, final double binMs) {
		if (!(binMs > 0)) throw new IllegalArgumentException("raster bin must be > 0 ms, got " + binMs);
		return Math.max(1, (int) Math.round(binMs / spikes.dtMs()));
	}
}
