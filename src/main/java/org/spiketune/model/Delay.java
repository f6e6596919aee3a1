package org.spiketune.model;

/** Axonal delay in whole milliseconds, constant ({@code min == max}) or uniform per synapse in [min, max]. */
public record Delay(int minMs, int maxMs) {

	public Delay {
		Checks.atLeast("delay minMs", minMs, 1);
		Checks.atLeast("delay maxMs", maxMs, minMs);
	}

	public static Delay of(final int ms) {
		return new Delay(ms, ms);
	}

	public static Delay uniform(final int minMs, final int maxMs) {
		return new Delay(minMs, maxMs);
	}

	public boolean isConstant() {
		return minMs == maxMs;
	}
}
