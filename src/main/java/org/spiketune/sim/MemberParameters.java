package org.spiketune.sim;

/**
 * One member's realized parameters: per-neuron model parameters {@code values[group][parameter][neuron -
 * offset]} (shared with the compiled network where the member does not override them, so read-only),
 * bias, noise amplitude and current-step gain per group, gain per projection, and per plastic projection
 * the {@link PlasticRule} constants ({@code null} for fixed ones).
 */
public record MemberParameters(float[][][] values, float[] bias, float[] noise, float[] stepGain, float[] gain,
	float[][] plasticity)
{}
