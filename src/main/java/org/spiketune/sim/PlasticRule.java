package org.spiketune.sim;

import org.spiketune.model.Plasticity;

/**
 * A plastic projection's rule as both backends compute it: per-member float constants (derived here once, in
 * double, so both backends start from the same floats) and the float arithmetic of applying accumulated
 * changes, which the OpenCL kernel repeats operation for operation.
 * <p>
 * Each step t while learning is on, for the projection's sources x and targets y (traces are 1 at a spike and
 * decay per step, which is nearest-neighbour STDP): (1) all traces and average rates decay; (2) each source
 * spike adds {@code POST_AMP · y_j} to the accumulator of its synapse to every target j; (3) source traces of
 * spiking sources become 1; (4) each target spike adds {@code PRE_AMP · x_i} for every source i; (5) target
 * traces of spiking targets become 1 and their average rate grows by {@code RATE_INCREMENT}; (6) at the end of
 * every application interval, {@link #applied} updates every weight and the accumulators restart at 0.
 */
public final class PlasticRule {

	/** Per-member constants, {@code FIELDS} floats per plastic projection. */
	public static final int PRE_AMP = 0, PRE_DECAY = 1, POST_AMP = 2, POST_DECAY = 3, MIN_WEIGHT = 4,
			MAX_WEIGHT = 5, TARGET_RATE = 6, RATE_DECAY = 7, RATE_INCREMENT = 8, ALPHA = 9, BETA = 10, GAMMA = 11,
			AVERAGING_S = 12, DRIFT = 13, HOMEOSTASIS = 14, FIELDS = 15;

	private PlasticRule() {}

	/**
	 * The constants of {@code rule} at time step {@code dtMs}. Classical STDP: a target spike potentiates by
	 * the source trace (LTP curve), a source spike depresses by the target trace (LTD curve); inverted swaps the
	 * roles of the curves. The α and drift terms are per applied interval.
	 */
	public static float[] constants(final Plasticity rule, final double dtMs) {
		final Plasticity.Stdp stdp = rule.stdp();
		final float[] c = new float[FIELDS];
		final double intervalS = rule.applyEveryMs() / 1000;
		if (stdp.inverted()) {
			c[PRE_AMP] = (float) -stdp.ltdAmplitude();
			c[PRE_DECAY] = (float) Math.exp(-dtMs / stdp.ltdTauMs());
			c[POST_AMP] = (float) stdp.ltpAmplitude();
			c[POST_DECAY] = (float) Math.exp(-dtMs / stdp.ltpTauMs());
		}
		else {
			c[PRE_AMP] = (float) stdp.ltpAmplitude();
			c[PRE_DECAY] = (float) Math.exp(-dtMs / stdp.ltpTauMs());
			c[POST_AMP] = (float) -stdp.ltdAmplitude();
			c[POST_DECAY] = (float) Math.exp(-dtMs / stdp.ltdTauMs());
		}
		c[MIN_WEIGHT] = (float) rule.minWeight();
		c[MAX_WEIGHT] = (float) rule.maxWeight();
		c[BETA] = (float) rule.learningRate();
		c[DRIFT] = (float) (rule.driftPerS() * intervalS);
		if (rule.hasHomeostasis()) {
			final Plasticity.Homeostasis h = rule.homeostasis();
			c[TARGET_RATE] = (float) h.targetRateHz();
			c[RATE_DECAY] = (float) Math.exp(-dtMs / h.averagingMs());
			c[RATE_INCREMENT] = (float) (1000 / h.averagingMs());
			c[ALPHA] = (float) (h.alpha() * intervalS);
			c[GAMMA] = (float) h.gamma();
			c[AVERAGING_S] = (float) (h.averagingMs() / 1000);
			c[HOMEOSTASIS] = 1;
		}
		return c;
	}

	/** Steps per application interval. */
	public static int applyEverySteps(final Plasticity rule, final double dtMs) {
		return (int) Math.max(1, Math.round(rule.applyEveryMs() / dtMs));
	}

	/** Learning is on for steps below this (steps whose start time is before {@code untilMs}). */
	public static int untilStep(final Plasticity rule, final double dtMs) {
		final double steps = Math.ceil(rule.untilMs() / dtMs - 1e-9);
		return steps >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) Math.max(0, steps);
	}

	/** Initial average rate of a target neuron: the homeostatic target, so scaling starts neutral. */
	public static float initialRate(final float[] c, final int base) {
		return c[base + TARGET_RATE];
	}

	/**
	 * A weight after one application interval: {@code w + drift + β·A} without homeostasis, {@code w + (α·w·(1 −
	 * R̄/R_target) + β·A)·K} with it, clamped to the bounds. The kernel's {@code plastic_applied} is the same
	 * sequence of float operations.
	 */
	public static float applied(final float w, final float accumulated, final float averageRate, final float[] c,
		final int base)
	{
		float change;
		if (c[base + HOMEOSTASIS] != 0f) {
			final float difference = 1f - averageRate / c[base + TARGET_RATE];
			final float k = averageRate / (c[base + AVERAGING_S] * (1f + Math.abs(difference) * c[base + GAMMA]));
			change = (c[base + ALPHA] * w * difference + c[base + BETA] * accumulated) * k;
		}
		else {
			change = c[base + DRIFT] + c[base + BETA] * accumulated;
		}
		final float next = w + change;
		return next < c[base + MIN_WEIGHT] ? c[base + MIN_WEIGHT] : next > c[base + MAX_WEIGHT] ? c[base + MAX_WEIGHT]
			: next;
	}
}
