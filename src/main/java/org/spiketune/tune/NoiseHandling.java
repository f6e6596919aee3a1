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
 * this counters the winner's curse of picking the luckiest of many noisy evaluations.</li>
 * </ul>
 */
public record NoiseHandling(int samples, boolean reevaluate, boolean varyStructure, int confirm) {

	public NoiseHandling {
		Checks.atLeast("samples per evaluation", samples, 1);
		Checks.atLeast("confirmation samples", confirm, 0);
	}

	/** One sample, nothing else: the plain algorithm. */
	public static NoiseHandling none() {
		return new NoiseHandling(1, false, false, 0);
	}

	public NoiseHandling withSamples(final int value) {
		return new NoiseHandling(value, reevaluate, varyStructure, confirm);
	}

	public NoiseHandling withReevaluation(final boolean value) {
		return new NoiseHandling(samples, value, varyStructure, confirm);
	}

	public NoiseHandling withVaryingStructure(final boolean value) {
		return new NoiseHandling(samples, reevaluate, value, confirm);
	}

	public NoiseHandling withConfirmation(final int value) {
		return new NoiseHandling(samples, reevaluate, varyStructure, value);
	}
}
