package org.spiketune.sim.backends;

import org.spiketune.sim.Backend;

/** Run in a separate JVM by {@link BackendsTest}: asks for each named backend twice, prints what it got. */
public final class FallbackMain {

	private FallbackMain() {}

	public static void main(final String[] args) {
		for (final String name : args) {
			for (int i = 0; i < 2; i++) {
				final Backend backend = Backends.byName(name, 1);
				System.out.println("backend=" + backend.name());
			}
		}
	}
}
