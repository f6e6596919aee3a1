package org.spiketune.sim;

/**
 * A projection laid out for simulation. {@code delaySteps} is the constant delay in steps, or -1 when the
 * sparse connectivity carries one per synapse. A plastic projection (always dense) applies its accumulated
 * changes every {@code applyEverySteps} and learns in steps below {@code untilStep} (see {@link PlasticRule});
 * both are 0 for fixed weights.
 */
public record CompiledProjection(String name, int index, int sourceGroup, int targetGroup, int sourceOffset,
	int targetOffset, int targetSize, Connectivity connectivity, int channel, int delaySteps, boolean plastic,
	int applyEverySteps, int untilStep)
{

	/** Sources of the projection (rows of its weights). */
	public int sourceSize() {
		return connectivity instanceof Connectivity.Dense d ? d.sources() : -1;
	}

	/** Learning is on in this step. */
	public boolean learnsAt(final int step) {
		return plastic && step < untilStep;
	}

	/** Accumulated changes are applied at the end of this learning step: each interval's last, and the last one. */
	public boolean appliesAt(final int step) {
		return learnsAt(step) && ((step + 1) % applyEverySteps == 0 || step + 1 == untilStep);
	}
}
