package org.spiketune.model;

/**
 * A population of neurons of one model, with its constant bias current, the amplitude of a fresh
 * Gaussian input drawn every step ({@code noise * N(0,1)}, in the model's current unit, not scaled with
 * dt, as in Izhikevich 2003) and the {@code gain} by which its current steps are multiplied (1 by default;
 * a fitted parameter when recorded currents in pA drive a model with its own current unit).
 * {@code substeps} Euler sub-steps per step: for Izhikevich only v is sub-stepped and u takes one step with
 * the final v, the scheme of Izhikevich (2003) when 2; AdEx sub-steps both variables; LIF ignores it
 * (integrated exactly for input constant over a step).
 */
public record NeuronGroup(String name, int size, NeuronModel model, double bias, double noise, int substeps,
	double gain)
{

	public NeuronGroup {
		Checks.name("group name", name);
		Checks.atLeast("group '" + name + "' size", size, 1);
		Checks.notNull("group '" + name + "' model", model);
		Checks.finite("group '" + name + "' bias", bias);
		Checks.nonNegative("group '" + name + "' noise", noise);
		Checks.atLeast("group '" + name + "' substeps", substeps, 1);
		Checks.finite("group '" + name + "' gain", gain);
		if (model.isSource() && (bias != 0 || noise != 0)) {
			throw new IllegalArgumentException("group '" + name + "' is a " + model.kind() +
				" source: it takes no bias or noise current");
		}
		if (model instanceof SpikeReplay replay && replay.size() != size) {
			throw new IllegalArgumentException("group '" + name + "' has " + size + " neurons but replays " + replay
				.size() + " spike trains");
		}
	}

	/** A group whose current steps count as given (gain 1). */
	public NeuronGroup(final String name, final int size, final NeuronModel model, final double bias,
		final double noise, final int substeps)
	{
		this(name, size, model, bias, noise, substeps, 1);
	}

	public static NeuronGroup of(final String name, final int size, final NeuronModel model) {
		return new NeuronGroup(name, size, model, 0, 0, 1);
	}

	public NeuronGroup withBias(final double value) {
		return new NeuronGroup(name, size, model, value, noise, substeps, gain);
	}

	public NeuronGroup withNoise(final double value) {
		return new NeuronGroup(name, size, model, bias, value, substeps, gain);
	}

	public NeuronGroup withSubsteps(final int value) {
		return new NeuronGroup(name, size, model, bias, noise, value, gain);
	}

	public NeuronGroup withModel(final NeuronModel value) {
		return new NeuronGroup(name, size, value, bias, noise, substeps, gain);
	}

	public NeuronGroup withGain(final double value) {
		return new NeuronGroup(name, size, model, bias, noise, substeps, value);
	}
}
