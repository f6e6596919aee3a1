package org.spiketune.tune;

import org.spiketune.model.Checks;

/**
 * How a run copes with a noisy fitness (every simulation of a noisy network gives another value):
 * <ul>
 * <li>{@code samples}: simulations (fresh noise seeds) averaged per evaluation;</li>
 * <li>{@code reevaluate}: survivors (elites) are simulated again every generation instead of keeping a lucky
 * old value;</li>
 * <li>{@code varyStructure}: a new network instance (connectivity, weights, per-neuron draws) every
 * generation, so parameters are tuned for the network family rather than one instance, as when each
 * evaluation builds a new random network (Izhikevich's MATLAB code);</li>
 * <li>{@code confirm}: at the end, the final population's distinct individuals are simulated
 * {@code confirm} more times and the best mean wins (0: the best of the final population as it stands);
 * this counters the winner's curse of picking the luckiest of many noisy evaluations;</li>
 * <li>{@code frozen}: the opposite choice, common random numbers: every member of every generation gets the
 * same noise, derived from the run's seed, so the fitness is a deterministic function of the parameters
 * (the right model when data were recorded under one known input, as in fitting a network to spike
 * trains).</li>
 * </ul>
 */
public record NoiseHandling(int samples, boolean reevaluate, boolean varyStructure, int confirm,
	boolean frozen)
{

	public NoiseHandling {
		Checks.atLeast("samples per evaluation", samples, 1);
		Checks.atLeast("confirmation samples", confirm, 0);
		if (frozen && (samples > 1 || reevaluate || varyStructure || confirm > 0)) {
			throw new IllegalArgumentException("frozen noise makes every evaluation the same: it cannot be " +
				"combined with samples > 1, re-evaluation, varying structure or confirmation");
		}
	}

	public NoiseHandling(final int samples, final boolean reevaluate, final boolean varyStructure,
		final int confirm)
	{
		this(samples, reevaluate, varyStructure, confirm, false);
	}

	/** One sample, nothing else: the plain algorithm. */
	public static NoiseHandling none() {
		return new NoiseHandling(1, false, false, 0);
	}

	/** Every evaluation with the same noise (common random numbers). */
	public static NoiseHandling frozenNoise() {
		return new NoiseHandling(1, false, false, 0, true);
	}

	public NoiseHandling withSamples(final int value) {
		return new NoiseHandling(value, reevaluate, varyStructure, confirm, frozen);
	}

	public NoiseHandling withReevaluation(final boolean value) {
		return new NoiseHandling(samples, value, varyStructure, confirm, frozen);
	}

	public NoiseHandling withVaryingStructure(final boolean value) {
		return new NoiseHandling(samples, reevaluate, value, confirm, frozen);
	}

	public NoiseHandling withConfirmation(final int value) {
		return new NoiseHandling(samples, reevaluate, varyStructure, value, frozen);
	}
}
