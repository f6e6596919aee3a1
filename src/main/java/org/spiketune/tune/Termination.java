package org.spiketune.tune;

import java.time.Duration;

import org.spiketune.model.Checks;

/**
 * When a run stops: after {@code maxGenerations}; when the best fitness has not improved for
 * {@code steadyGenerations} (0: never); when the best fitness reaches {@code targetFitness} (NaN: never);
 * after {@code wallClock} (null: never). Whichever comes first; cancellation stops it too.
 */
public record Termination(int maxGenerations, int steadyGenerations, double targetFitness, Duration wallClock) {

	public Termination {
		Checks.atLeast("max generations", maxGenerations, 1);
		Checks.atLeast("steady generations", steadyGenerations, 0);
		if (wallClock != null && (wallClock.isNegative() || wallClock.isZero())) {
			throw new IllegalArgumentException("wall-clock limit must be positive, got " + wallClock);
		}
	}

	public static Termination generations(final int max) {
		return new Termination(max, 0, Double.NaN, null);
	}

	public Termination withSteady(final int generations) {
		return new Termination(maxGenerations, generations, targetFitness, wallClock);
	}

	public Termination withTarget(final double fitness) {
		return new Termination(maxGenerations, steadyGenerations, fitness, wallClock);
	}

	public Termination withWallClock(final Duration limit) {
		return new Termination(maxGenerations, steadyGenerations, targetFitness, limit);
	}

	/** Why a run ended. */
	public enum Reason {
			MAX_GENERATIONS, STEADY_FITNESS, TARGET_REACHED, WALL_CLOCK, CANCELLED,
			/** Every restart of a CMA-ES run converged before the generation limit. */
			CONVERGED
	}
}
