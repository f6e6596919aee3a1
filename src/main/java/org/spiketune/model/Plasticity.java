package org.spiketune.model;

/**
 * Learning on a projection's weights: nearest-neighbour STDP, optionally with homeostatic synaptic scaling
 * (Carlson et al. 2014, eqs. 14-16; CARLsim). Weight changes are accumulated every step and applied every
 * {@code applyEveryMs}; learning stops at {@code untilMs}, so a run can train and then test with the learned
 * weights (plasticity on in the training phase, off in the test phase). Weights stay in
 * {@code [minWeight, maxWeight]}; the projection's gain multiplies them as it does fixed weights.
 * <p>
 * Per applied interval Δ (in s), with A the accumulated STDP of a synapse onto neuron j:
 * <ul>
 * <li>without homeostasis: {@code Δw = drift·Δ + β·A} (eq. 14, δ = drift);</li>
 * <li>with homeostasis: {@code Δw = [α·w·(1 − R̄/R_target)·Δ + β·A]·K},
 * {@code K = R̄ / (T·(1 + γ·|1 − R̄/R_target|))} (eqs. 15-16; R̄ in Hz, T in s), where R̄ is j's firing rate
 * averaged exponentially over T, starting at R_target.</li>
 * </ul>
 *
 * @param stdp the STDP curve
 * @param homeostasis the scaling, or {@code null} for plain STDP
 * @param minWeight lower weight bound
 * @param maxWeight upper weight bound
 * @param learningRate β
 * @param driftPerS δ, weight change per second without homeostasis (usually 0)
 * @param applyEveryMs how often the accumulated changes are applied (the study: 1000 ms)
 * @param untilMs learning is on for steps that start before this time ({@code Double.POSITIVE_INFINITY}: always)
 */
public record Plasticity(Stdp stdp, Homeostasis homeostasis, double minWeight, double maxWeight,
	double learningRate, double driftPerS, double applyEveryMs, double untilMs)
{

	/** Names of the tunable parameters, {@code <projection>.<name>}. */
	public static final String LTP = "ltp", LTP_TAU = "ltptau", LTD = "ltd", LTD_TAU = "ltdtau", TARGET_RATE = "target";

	public Plasticity {
		Checks.notNull("plasticity stdp", stdp);
		Checks.finite("plasticity minWeight", minWeight);
		Checks.finite("plasticity maxWeight", maxWeight);
		if (maxWeight < minWeight) {
			throw new IllegalArgumentException("plasticity maxWeight must be >= minWeight, got minWeight=" + minWeight +
				", maxWeight=" + maxWeight);
		}
		Checks.nonNegative("plasticity learningRate", learningRate);
		Checks.finite("plasticity driftPerS", driftPerS);
		Checks.positive("plasticity applyEveryMs", applyEveryMs);
		if (!(untilMs >= 0)) throw new IllegalArgumentException("plasticity untilMs must be >= 0, got " + untilMs);
	}

	/** STDP applied every second, weights in {@code [0, maxWeight]}, β = 1, no drift, learning always on. */
	public static Plasticity of(final Stdp stdp, final Homeostasis homeostasis, final double maxWeight) {
		return new Plasticity(stdp, homeostasis, 0, maxWeight, 1, 0, 1000, Double.POSITIVE_INFINITY);
	}

	public Plasticity withUntilMs(final double value) {
		return new Plasticity(stdp, homeostasis, minWeight, maxWeight, learningRate, driftPerS, applyEveryMs, value);
	}

	public Plasticity withApplyEveryMs(final double value) {
		return new Plasticity(stdp, homeostasis, minWeight, maxWeight, learningRate, driftPerS, value, untilMs);
	}

	public boolean hasHomeostasis() {
		return homeostasis != null;
	}

	/** The value of a tunable parameter (one of the names above). */
	public double parameter(final String name) {
		return switch (name) {
			case LTP -> stdp.ltpAmplitude();
			case LTP_TAU -> stdp.ltpTauMs();
			case LTD -> stdp.ltdAmplitude();
			case LTD_TAU -> stdp.ltdTauMs();
			case TARGET_RATE -> homeostasisOrThrow(name).targetRateHz();
			default -> throw new IllegalArgumentException("plasticity has no parameter '" + name + "'");
		};
	}

	/** A copy with a tunable parameter set (checked as the constructors check it). */
	public Plasticity withParameter(final String name, final double value) {
		return switch (name) {
			case LTP -> withStdp(new Stdp(value, stdp.ltpTauMs(), stdp.ltdAmplitude(), stdp.ltdTauMs(), stdp.inverted()));
			case LTP_TAU -> withStdp(new Stdp(stdp.ltpAmplitude(), value, stdp.ltdAmplitude(), stdp.ltdTauMs(), stdp
				.inverted()));
			case LTD -> withStdp(new Stdp(stdp.ltpAmplitude(), stdp.ltpTauMs(), value, stdp.ltdTauMs(), stdp.inverted()));
			case LTD_TAU -> withStdp(new Stdp(stdp.ltpAmplitude(), stdp.ltpTauMs(), stdp.ltdAmplitude(), value, stdp
				.inverted()));
			case TARGET_RATE -> new Plasticity(stdp, homeostasisOrThrow(name).withTargetRateHz(value), minWeight,
				maxWeight, learningRate, driftPerS, applyEveryMs, untilMs);
			default -> throw new IllegalArgumentException("plasticity has no parameter '" + name + "'");
		};
	}

	/**
	 * The tunable parameter names of this rule: the STDP curve and, with homeostasis, its target rate. (The
	 * weight bounds are not tunable: the initial weights must lie within them.)
	 */
	public java.util.List<String> parameterNames() {
		return hasHomeostasis() ? java.util.List.of(LTP, LTP_TAU, LTD, LTD_TAU, TARGET_RATE) : java.util.List.of(LTP,
			LTP_TAU, LTD, LTD_TAU);
	}

	/** This rule with its tunable values at fixed placeholders: what a compiled network's structure depends on. */
	public Plasticity structure() {
		Plasticity rule = this;
		for (final String name : parameterNames()) rule = rule.withParameter(name, 1);
		return rule;
	}

	private Plasticity withStdp(final Stdp value) {
		return new Plasticity(value, homeostasis, minWeight, maxWeight, learningRate, driftPerS, applyEveryMs, untilMs);
	}

	private Homeostasis homeostasisOrThrow(final String name) {
		if (homeostasis == null) {
			throw new IllegalArgumentException("plasticity without homeostasis has no parameter '" + name + "'");
		}
		return homeostasis;
	}

	/**
	 * A nearest-neighbour STDP curve: only the latest spike of the other side counts. Classical (E→E, Bi and
	 * Poo 1998): pre before post by Δt potentiates by {@code ltpAmplitude·exp(−Δt/ltpTauMs)}, post before pre
	 * depresses by {@code ltdAmplitude·exp(−Δt/ltdTauMs)}. {@code inverted} (E→I, Bell et al. 1997): pre before
	 * post depresses (LTD curve), post before pre potentiates (LTP curve). Spikes of the same step count as pre
	 * before post, Δt = 0. Times are the neurons' spike steps (delays do not enter).
	 */
	public record Stdp(double ltpAmplitude, double ltpTauMs, double ltdAmplitude, double ltdTauMs,
		boolean inverted)
	{

		public Stdp {
			Checks.nonNegative("STDP ltpAmplitude", ltpAmplitude);
			Checks.positive("STDP ltpTauMs", ltpTauMs);
			Checks.nonNegative("STDP ltdAmplitude", ltdAmplitude);
			Checks.positive("STDP ltdTauMs", ltdTauMs);
		}

		public static Stdp classical(final double ltp, final double ltpTauMs, final double ltd,
			final double ltdTauMs)
		{
			return new Stdp(ltp, ltpTauMs, ltd, ltdTauMs, false);
		}

		public static Stdp inverted(final double ltp, final double ltpTauMs, final double ltd,
			final double ltdTauMs)
		{
			return new Stdp(ltp, ltpTauMs, ltd, ltdTauMs, true);
		}

		/** The weight change of one pairing, Δt = t_post − t_pre in ms (the curve, for plots and tests). */
		public double change(final double deltaMs) {
			final boolean preFirst = deltaMs >= 0;
			final double lag = Math.abs(deltaMs);
			final double ltp = ltpAmplitude * Math.exp(-lag / ltpTauMs), ltd = -ltdAmplitude * Math.exp(-lag / ltdTauMs);
			return preFirst != inverted ? ltp : ltd;
		}
	}

	/**
	 * Homeostatic synaptic scaling toward a target rate of the postsynaptic neuron (Carlson et al. 2013): α
	 * scales the homeostatic term, γ damps it, R̄ is averaged over {@code averagingMs} (T).
	 */
	public record Homeostasis(double targetRateHz, double alpha, double gamma, double averagingMs) {

		public Homeostasis {
			Checks.positive("homeostasis targetRateHz", targetRateHz);
			Checks.nonNegative("homeostasis alpha", alpha);
			Checks.nonNegative("homeostasis gamma", gamma);
			Checks.positive("homeostasis averagingMs", averagingMs);
		}

		/** The study's α = 0.1, γ = 50, T = 10 s. */
		public static Homeostasis of(final double targetRateHz) {
			return new Homeostasis(targetRateHz, 0.1, 50, 10_000);
		}

		public Homeostasis withTargetRateHz(final double value) {
			return new Homeostasis(value, alpha, gamma, averagingMs);
		}

		/** K of eq. 16 for an average rate (Hz): {@code R̄ / (T·(1 + γ·|1 − R̄/R_target|))}, T in s. */
		public double stability(final double averageRateHz) {
			return averageRateHz / (averagingMs / 1000 * (1 + gamma * Math.abs(1 - averageRateHz / targetRateHz)));
		}
	}
}
