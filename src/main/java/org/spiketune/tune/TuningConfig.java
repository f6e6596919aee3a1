package org.spiketune.tune;

import org.spiketune.model.Checks;
import org.spiketune.model.NetworkSpec;
import org.spiketune.objective.Objective;
import org.spiketune.sim.Recording;

/**
 * Everything a tuning run depends on. Every evaluation simulates {@code durationMs} with fresh noise seeds
 * derived from {@code seed}, the generation and the individual; the network's structure comes from
 * {@code seed} (or, with {@link NoiseHandling#varyStructure()}, from the seed and the generation). See
 * {@link NoiseHandling} for the options a noisy fitness needs.
 */
public record TuningConfig(NetworkSpec network, ParameterSpace space, Objective objective, Algorithm algorithm,
	Termination termination, double durationMs, long seed, NoiseHandling noise)
{

	public TuningConfig {
		Checks.notNull("network", network);
		Checks.notNull("parameter space", space).checkAgainst(network);
		Checks.notNull("objective", objective);
		Checks.notNull("algorithm", algorithm);
		Checks.notNull("termination", termination);
		Checks.positive("durationMs", durationMs);
		Checks.notNull("noise handling", noise);
	}

	/** The plain algorithm: one sample per evaluation, a fixed network, no re-evaluation or confirmation. */
	public static TuningConfig of(final NetworkSpec network, final ParameterSpace space, final Objective objective,
		final Algorithm algorithm, final Termination termination, final double durationMs, final long seed)
	{
		return new TuningConfig(network, space, objective, algorithm, termination, durationMs, seed, NoiseHandling
			.none());
	}

	public TuningConfig withSeed(final long value) {
		return new TuningConfig(network, space, objective, algorithm, termination, durationMs, value, noise);
	}

	public TuningConfig withObjective(final Objective value) {
		return new TuningConfig(network, space, value, algorithm, termination, durationMs, seed, noise);
	}

	public TuningConfig withAlgorithm(final Algorithm value) {
		return new TuningConfig(network, space, objective, value, termination, durationMs, seed, noise);
	}

	public TuningConfig withTermination(final Termination value) {
		return new TuningConfig(network, space, objective, algorithm, value, durationMs, seed, noise);
	}

	public TuningConfig withNoise(final NoiseHandling value) {
		return new TuningConfig(network, space, objective, algorithm, termination, durationMs, seed, value);
	}

	/** The structure seed of the networks simulated in generation {@code g} (0: the initial population). */
	public long structureSeed(final int generation) {
		return noise.varyStructure() ? org.spiketune.random.Keys.memberSeed(seed, generation) : seed;
	}

	/** The noise seed of every evaluation when the noise is {@linkplain NoiseHandling#frozen() frozen}. */
	public long frozenNoiseSeed() {
		return org.spiketune.random.Keys.mix64(seed ^ 0x6A09E667F3BCC909L);
	}

	/** What the evaluations record: what the objective scores ({@link Objective#recording}). */
	Recording recording() {
		return objective.recording(durationMs);
	}
}
