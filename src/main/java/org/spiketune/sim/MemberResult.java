package org.spiketune.sim;

/** What one member of a batch produced. */
public record MemberResult(int index, Member member, SpikeRecord spikes, PopulationRates rates,
	StateTraces traces)
{}
