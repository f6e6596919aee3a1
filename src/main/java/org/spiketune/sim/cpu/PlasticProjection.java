package org.spiketune.sim.cpu;

import org.spiketune.sim.Channel;
import org.spiketune.sim.CompiledProjection;
import org.spiketune.sim.Connectivity;
import org.spiketune.sim.PlasticRule;

/**
 * One member's learning state of a plastic (dense) projection, in the order of {@link PlasticRule}: its own
 * weights, the accumulated changes, and per target the STDP trace and the average rate. Partitions own
 * disjoint target columns; each keeps its own copy of the source traces ({@link #newSourceTraces()}), which
 * every partition updates identically from the step's spikes, so no partition writes what another reads.
 */
final class PlasticProjection {

	final CompiledProjection projection;
	final float[] c;
	final int sources, targets;
	/** [source][target] */
	final float[][] weights, accumulated;
	final float[] targetTrace, averageRate;

	PlasticProjection(final CompiledProjection projection, final float[] constants) {
		this.projection = projection;
		this.c = constants;
		final float[][] initial = ((Connectivity.Dense) projection.connectivity()).rows();
		sources = initial.length;
		targets = projection.targetSize();
		weights = new float[sources][];
		for (int i = 0; i < sources; i++) weights[i] = initial[i].clone();
		accumulated = new float[sources][targets];
		targetTrace = new float[targets];
		averageRate = new float[targets];
		java.util.Arrays.fill(averageRate, PlasticRule.initialRate(c, 0));
	}

	float[] newSourceTraces() {
		return new float[sources];
	}

	/** Step (1): traces and rates decay; the partition's copy of all source traces, its own targets. */
	void decay(final float[] sourceTrace, final int tlo, final int thi) {
		final float preDecay = c[PlasticRule.PRE_DECAY], postDecay = c[PlasticRule.POST_DECAY];
		final float rateDecay = c[PlasticRule.RATE_DECAY];
		for (int i = 0; i < sources; i++) sourceTrace[i] = Channel.decayed(sourceTrace[i], preDecay);
		for (int j = tlo; j < thi; j++) {
			targetTrace[j] = Channel.decayed(targetTrace[j], postDecay);
			averageRate[j] = Channel.decayed(averageRate[j], rateDecay);
		}
	}

	/** Steps (2) and (3) for one spiking source. */
	void sourceSpike(final int row, final float[] sourceTrace, final int tlo, final int thi) {
		final float amplitude = c[PlasticRule.POST_AMP];
		final float[] a = accumulated[row];
		for (int j = tlo; j < thi; j++) a[j] = a[j] + amplitude * targetTrace[j];
		sourceTrace[row] = 1f;
	}

	/** Steps (4) and (5) for one spiking target of the partition. */
	void targetSpike(final int column, final float[] sourceTrace) {
		final float amplitude = c[PlasticRule.PRE_AMP];
		for (int i = 0; i < sources; i++) accumulated[i][column] = accumulated[i][column] + amplitude * sourceTrace[i];
		targetTrace[column] = 1f;
		averageRate[column] = averageRate[column] + c[PlasticRule.RATE_INCREMENT];
	}

	/** Step (6) for the partition's targets. */
	void apply(final int tlo, final int thi) {
		for (int i = 0; i < sources; i++) {
			final float[] w = weights[i], a = accumulated[i];
			for (int j = tlo; j < thi; j++) {
				w[j] = PlasticRule.applied(w[j], a[j], averageRate[j], c, 0);
				a[j] = 0f;
			}
		}
	}
}
