package org.spiketune.img;

import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.spiketune.model.NetworkSpec;
import org.spiketune.model.NeuronGroup;
import org.spiketune.model.Projection;
import org.spiketune.model.Weights;
import org.spiketune.sim.SpikeRecord;
import org.spiketune.spikes.SpikeTrains;

/** Spike rasters as images: x is time, y is neuron. */
public final class Rasters {

	/** Excitatory neurons' spikes. */
	public static final int EXCITATORY = 0xFFE8412C;
	/** Inhibitory neurons' spikes. */
	public static final int INHIBITORY = 0xFF3A7BF0;
	/** Spike sources' spikes (Poisson input). */
	public static final int SOURCE = 0xFF4CAF50;
	/** Neurons whose outgoing synapses are neither clearly excitatory nor inhibitory, or that have none. */
	public static final int OTHER = 0xFFE0E0E0;
	private static final int BACKGROUND = 0xFF000000;

	private Rasters() {}

	/**
	 * An 8-bit raster of {@code ceil(duration / binMs)} columns by neurons rows: 255 where a neuron spiked in
	 * a bin, 0 elsewhere. {@code binMs} is rounded to whole steps (at least one).
	 */
	public static CalibratedImg<UnsignedByteType> raster(final SpikeRecord spikes, final double binMs) {
		final int binSteps = binSteps(spikes, binMs);
		final int bins = bins(spikes, binSteps);
		final byte[] pixelsArray = new byte[bins * spikes.neuronCount()];
		for (int k = 0; k < spikes.count(); k++) {
			pixelsArray[spikes.neuron(k) * bins + spikes.step(k) / binSteps] = (byte) 255;
		}
		return CalibratedImg.of(ArrayImgs.unsignedBytes(pixelsArray, bins, spikes.neuronCount()), binSteps * spikes
			.dtMs(), "ms", "neuron");
	}

	/** Time bins of a raster; refuses one too large for a Java array. */
	private static int bins(final SpikeRecord spikes, final int binSteps) {
		final int bins = (spikes.stepCount() + binSteps - 1) / binSteps;
		if ((long) bins * spikes.neuronCount() > Integer.MAX_VALUE - 8) {
			throw new IllegalArgumentException("a raster of " + bins + " bins x " + spikes.neuronCount() +
				" neurons is too large for one image; use wider bins or fewer neurons");
		}
		return bins;
	}

	/**
	 * An ARGB raster: black background, each spike in its neuron's colour ({@code neuronColors}, e.g. from
	 * {@link #neuronColors}). Same layout as {@link #raster}.
	 */
	public static CalibratedImg<ARGBType> colored(final SpikeRecord spikes, final double binMs,
		final int[] neuronColors)
	{
		if (neuronColors.length != spikes.neuronCount()) {
			throw new IllegalArgumentException(neuronColors.length + " colours for " + spikes.neuronCount() + " neurons");
		}
		final int binSteps = binSteps(spikes, binMs);
		final int bins = bins(spikes, binSteps);
		final int[] argb = new int[bins * spikes.neuronCount()];
		java.util.Arrays.fill(argb, BACKGROUND);
		for (int k = 0; k < spikes.count(); k++) {
			final int neuron = spikes.neuron(k);
			argb[neuron * bins + spikes.step(k) / binSteps] = neuronColors[neuron];
		}
		return CalibratedImg.of(ArrayImgs.argbs(argb, bins, spikes.neuronCount()), binSteps * spikes.dtMs(), "ms",
			"neuron");
	}

	/**
	 * A colour per neuron by its group's role: red for groups whose outgoing weights are positive
	 * (excitatory), blue for negative (inhibitory), green for spike sources, grey otherwise.
	 */
	public static int[] neuronColors(final NetworkSpec spec) {
		final int[] colors = new int[spec.neuronCount()];
		int offset = 0;
		for (final NeuronGroup g : spec.groups()) {
			final int color = g.model().isSource() ? SOURCE : switch (Integer.signum(sign(spec, g))) {
				case 1 -> EXCITATORY;
				case -1 -> INHIBITORY;
				default -> OTHER;
			};
			java.util.Arrays.fill(colors, offset, offset + g.size(), color);
			offset += g.size();
		}
		return colors;
	}

	/** +1 when every outgoing projection's mean weight is positive, -1 when every one is negative, else 0. */
	private static int sign(final NetworkSpec spec, final NeuronGroup group) {
		int positive = 0, negative = 0;
		for (final Projection p : spec.projections()) {
			if (!p.source().equals(group.name())) continue;
			final double mean = switch (p.weights()) {
				case Weights.Constant c -> c.value();
				case Weights.UniformRange u -> (u.low() + u.high()) / 2;
				case Weights.Explicit e -> java.util.Arrays.stream(e.values()).average().orElse(0);
			} * p.gain();
			if (mean > 0) positive++;
			else if (mean < 0) negative++;
		}
		if (positive > 0 && negative == 0) return 1;
		if (negative > 0 && positive == 0) return -1;
		return 0;
	}

	/**
	 * An ARGB raster of spike trains (from a file): {@code ceil(duration / binMs)} columns from the trains'
	 * start, one row per neuron, each spike in its neuron's colour.
	 */
	public static CalibratedImg<ARGBType> colored(final SpikeTrains trains, final double binMs,
		final int[] neuronColors)
	{
		if (!(binMs > 0)) throw new IllegalArgumentException("raster bin must be > 0 ms, got " + binMs);
		if (neuronColors.length != trains.size()) {
			throw new IllegalArgumentException(neuronColors.length + " colours for " + trains.size() + " neurons");
		}
		final long bins = (long) Math.ceil(trains.durationMs() / binMs - 1e-9);
		if (bins * trains.size() > Integer.MAX_VALUE - 8) {
			throw new IllegalArgumentException("a raster of " + bins + " bins x " + trains.size() +
				" neurons is too large for one image; use wider bins or a shorter window");
		}
		final int[] argb = new int[(int) (bins * trains.size())];
		java.util.Arrays.fill(argb, BACKGROUND);
		for (int i = 0; i < trains.size(); i++) {
			for (final double t : trains.times(i)) {
				final long bin = Math.min(bins - 1, (long) ((t - trains.startMs()) / binMs));
				argb[(int) (i * bins + bin)] = neuronColors[i];
			}
		}
		return CalibratedImg.of(ArrayImgs.argbs(argb, bins, trains.size()), binMs, "ms", "neuron");
	}

	/** The bin width actually used by {@link #raster}, in steps. */
	public static int binSteps(final SpikeRecord spikes, final double binMs) {
		if (!(binMs > 0)) throw new IllegalArgumentException("raster bin must be > 0 ms, got " + binMs);
		return Math.max(1, (int) Math.round(binMs / spikes.dtMs()));
	}
}
