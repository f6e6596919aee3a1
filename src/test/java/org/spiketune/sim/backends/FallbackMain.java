package org.spiketune.sim.backends;

import org.spiketune.sim.Backend;

/** Run in a separate JVM by {@link BackendsTest}: asks for OpenCL twice and prints the backends it got. */
public final class FallbackMain {

	private FallbackMain() {}

	public static void main(final String[] args) {
		for (int i = 0; i < 2; i++) {
			final Backend backend = Backends.byName(args.length > 0 ? args[0] : "opencl", 1);
			System.out.println("backend=" + backend.name());
		}
	}
}
