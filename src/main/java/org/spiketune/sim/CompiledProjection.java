package org.spiketune.sim;

/**
 * A projection laid out for simulation. {@code delaySteps} is the constant delay in steps, or -1 when the
 * sparse connectivity carries one per synapse. A plastic projection (always dense) applies its accumulated
 * changes every {@code applyEverySteps} and learns in steps below {@code untilStep} (see {@link PlasticRule});
 * both are 0 for fixed weights. A spike adds weight · gain · {@code fastScale} to {@code channel} and, for a
 * two-receptor synapse ({@link org.spiketune.model.Synapse.Receptors}), weight · gain · {@code slowScale} to
 * {@code slowChannel}; {@code slowChannel} is -1 for a single channel, whose {@code fastScale} is 1.
 */
public record CompiledProjection(String name, int index, int sourceGroup, int targetGroup, int sourceOffset,
	int targetOffset, int targetSize, Connectivity connectivity, int channel, int delaySteps, boolean plastic,
	int applyEverySteps, int untilStep, int slowChannel, float fastScale, float slowScale)
{

	/** A projection whose synapse drives one channel. */
	public CompiledProjection(final String name, final int index, final int sourceGroup, final int targetGroup,
		final int sourceOffset, final int targetOffset, final int targetSize, final Connectivity connectivity,
		final int channel, final int delaySteps, final boolean plastic, final int applyEverySteps, final int untilStep)
	{
		this(name, index, sourceGroup, targetGroup, sourceOffset, targetOffset, targetSize, connectivity, channel,
			delaySteps, plastic, applyEverySteps, untilStep, -1, 1f, 0f);
	}

	/** The spike also drives a second (slow) channel. */
	public boolean drivesSlowChannel() {
		return slowChannel >= 0;
	}

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
