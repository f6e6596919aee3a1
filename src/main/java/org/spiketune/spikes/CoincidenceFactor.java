package org.spiketune.spikes;

/**
 * Coincidence factor Γ (Kistler et al. 1997; Jolivet et al. 2008) between recorded and predicted spikes:
 * Γ = (N_coinc − ⟨N_coinc⟩) / (½ (N_data + N_model)) · 1/(1 − 2νΔ), where N_coinc counts data spikes with a
 * model spike within ±Δ (each model spike matched once), ν is the model's rate and ⟨N_coinc⟩ = 2νΔ N_data the
 * coincidences a Poisson train of that rate would get by chance. Γ = 1 for a perfect prediction and 0 for
 * chance level.
 */
public final class CoincidenceFactor {

	private CoincidenceFactor() {}

	/** Data spikes matched one-to-one, in time order, to a model spike within ±{@code deltaMs}. */
	public static int coincidences(final double[] data, final double[] model, final double deltaMs) {
		int matched = 0, m = 0;
		for (final double t : data) {
			while (m < model.length && model[m] < t - deltaMs) m++;
			if (m < model.length && model[m] <= t + deltaMs) {
				matched++;
				m++;
			}
		}
		return matched;
	}

	/**
	 * Γ over a window of {@code durationMs}; 1 when both trains are empty, 0 when only one is. NaN when the
	 * window is so short, or the model so fast, that 2νΔ ≥ 1 (chance alone would match every spike).
	 */
	public static double gamma(final double[] data, final double[] model, final double deltaMs,
		final double durationMs)
	{
		if (!(deltaMs > 0)) throw new IllegalArgumentException("coincidence window must be > 0 ms, got " + deltaMs);
		if (!(durationMs > 0)) throw new IllegalArgumentException("duration must be > 0 ms, got " + durationMs);
		if (data.length == 0 && model.length == 0) return 1;
		if (data.length == 0 || model.length == 0) return 0;
		final double modelRate = model.length / durationMs;
		final double norm = 1 - 2 * modelRate * deltaMs;
		if (!(norm > 0)) return Double.NaN;
		final double chance = 2 * modelRate * deltaMs * data.length;
		return (coincidences(data, model, deltaMs) - chance) / (0.5 * (data.length + model.length)) / norm;
	}

	/**
	 * A loss for fitting: 1 − Γ, plus, when {@code rateCorrection}, the relative rate error 2|ν_data −
	 * ν_model| / ν_data (Clopath et al. 2007), which keeps a fit from trading spike count for timing. An empty
	 * data train compares counts only.
	 */
	public static double loss(final double[] data, final double[] model, final double deltaMs,
		final double durationMs, final boolean rateCorrection)
	{
		final double gamma = gamma(data, model, deltaMs, durationMs);
		double loss = 1 - (Double.isNaN(gamma) ? 0 : gamma);
		if (rateCorrection) {
			loss += data.length == 0 ? 2 * model.length : 2.0 * Math.abs(data.length - model.length) / data.length;
		}
		return loss;
	}
}
