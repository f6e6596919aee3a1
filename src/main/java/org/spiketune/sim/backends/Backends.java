package org.spiketune.sim.backends;

import java.util.List;
import java.util.Locale;

import org.spiketune.sim.Backend;
import org.spiketune.sim.Simulator;
import org.spiketune.sim.cpu.CpuBackend;

/** The one place that chooses a backend by name; callers at the edge (commands, scripts, tests) use it. */
public final class Backends {

	private Backends() {}

	/** Names accepted by {@link #byName}. */
	public static List<String> names() {
		return List.of("cpu");
	}

	/** The CPU backend on every available processor. */
	public static Backend cpu() {
		return new CpuBackend();
	}

	public static Backend cpu(final int threads) {
		return new CpuBackend(threads);
	}

	/** A backend by name; {@code threads <= 0} means all processors. */
	public static Backend byName(final String name, final int threads) {
		final String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
		return switch (key) {
			case "cpu" -> threads > 0 ? cpu(threads) : cpu();
			default -> throw new IllegalArgumentException("unknown backend '" + name + "'; known: " + String.join(
				", ", names()));
		};
	}

	public static Simulator simulator(final String name, final int threads) {
		return new Simulator(byName(name, threads));
	}
}
