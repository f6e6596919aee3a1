package org.spiketune.objective;

import org.spiketune.model.Gratings;

/**
 * Which grating a learned receptive field looks like: the cosine similarity of an Exc neuron's On − Off weight
 * map with each grating, and the best of them. A field learned from still gratings that copies one of them
 * scores near 1 at its angle; random weights score about 0.1.
 *
 * @param angle the orientation of the most similar grating (radians)
 * @param similarity its cosine similarity, in [−1, 1] (0 for a field with On = Off everywhere)
 */
public record ReceptiveFieldMatch(double angle, double similarity) {

	/**
	 * The best match of neuron {@code neuron}'s field among gratings of {@code angles} ({@code side × side}
	 * pixels, {@code cyclesPerPixel}, phase 0, as {@link Gratings#grating} draws them); weights are
	 * [pixel][neuron], On and Off.
	 */
	public static ReceptiveFieldMatch best(final float[][] on, final float[][] off, final int neuron, final int side,
		final double[] angles, final double cyclesPerPixel)
	{
		return best(on, off, neuron, side, angles, cyclesPerPixel, 0);
	}

	/** The best match among gratings of spatial {@code phase} (radians), the phase the network was trained on. */
	public static ReceptiveFieldMatch best(final float[][] on, final float[][] off, final int neuron, final int side,
		final double[] angles, final double cyclesPerPixel, final double phase)
	{
		final double[] similarity = similarities(on, off, neuron, side, angles, cyclesPerPixel, phase);
		int best = 0;
		for (int k = 1; k < angles.length; k++) if (similarity[k] > similarity[best]) best = k;
		return new ReceptiveFieldMatch(angles[best], similarity[best]);
	}

	/** The cosine similarity of the field with each grating of phase 0, as {@link #best} compares them. */
	public static double[] similarities(final float[][] on, final float[][] off, final int neuron, final int side,
		final double[] angles, final double cyclesPerPixel)
	{
		return similarities(on, off, neuron, side, angles, cyclesPerPixel, 0);
	}

	/** The cosine similarity of the field with each grating of spatial {@code phase} (radians). */
	public static double[] similarities(final float[][] on, final float[][] off, final int neuron, final int side,
		final double[] angles, final double cyclesPerPixel, final double phase)
	{
		if (on.length != side * side || off.length != on.length) {
			throw new IllegalArgumentException("receptive field needs " + side * side + " pixels On and Off, got " +
				on.length + " and " + off.length);
		}
		if (angles.length == 0) throw new IllegalArgumentException("receptive field match needs at least one angle");
		if (neuron < 0 || on.length > 0 && neuron >= on[0].length) {
			throw new IllegalArgumentException("receptive field of neuron " + neuron + " asked, but the weights reach " +
				(on.length > 0 ? on[0].length : 0) + " neurons");
		}
		final double[] field = new double[on.length];
		double fieldNorm = 0;
		for (int p = 0; p < field.length; p++) {
			field[p] = on[p][neuron] - off[p][neuron];
			fieldNorm += field[p] * field[p];
		}
		final double[] similarity = new double[angles.length];
		for (int k = 0; k < angles.length; k++) {
			final float[] grating = Gratings.grating(side, side, angles[k], cyclesPerPixel, phase);
			double dot = 0, gratingNorm = 0;
			for (int p = 0; p < field.length; p++) {
				dot += field[p] * grating[p];
				gratingNorm += grating[p] * (double) grating[p];
			}
			similarity[k] = fieldNorm > 0 && gratingNorm > 0 ? dot / Math.sqrt(fieldNorm * gratingNorm) : 0;
		}
		return similarity;
	}
}
