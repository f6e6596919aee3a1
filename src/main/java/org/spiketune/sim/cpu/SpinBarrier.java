package org.spiketune.sim.cpu;

import java.util.concurrent.atomic.AtomicInteger;

import org.spiketune.sim.SimulationException;

/**
 * A reusable barrier for the partitions of one member, crossed once per simulated step: spinning is far
 * cheaper than parking for waits of microseconds. It yields after a while so oversubscribed machines
 * still progress, and can be broken so a failing partition does not leave the others waiting forever.
 */
final class SpinBarrier {

	private static final int SPINS_BEFORE_YIELD = 1 << 14;

	private final int parties;
	private final AtomicInteger arrived = new AtomicInteger();
	private volatile int generation;
	private volatile boolean broken;

	SpinBarrier(final int parties) {
		this.parties = parties;
	}

	void await() {
		final int current = generation;
		if (arrived.incrementAndGet() == parties) {
			arrived.set(0);
			generation = current + 1;
			return;
		}
		int spins = 0;
		while (generation == current) {
			if (broken) throw new SimulationException("another partition of this member failed");
			if (++spins < SPINS_BEFORE_YIELD) Thread.onSpinWait();
			else Thread.yield();
		}
	}

	void breakBarrier() {
		broken = true;
	}
}
