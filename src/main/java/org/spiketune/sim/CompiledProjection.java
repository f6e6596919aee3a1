package org.spiketune.sim;

/**
 * A projection laid out for simulation. {@code delaySteps} is the constant delay in steps, or -1 when the
 * sparse connectivity carries one per synapse.
 */
public record CompiledProjection(String name, int index, int sourceGroup, int targetGroup, int sourceOffset,
	int targetOffset, int targetSize, Connectivity connectivity, int channel, int delaySteps)
{}
