package org.spiketune.sim.opencl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The kernels' source files, loaded as resources next to this class, in the order the compiler needs. */
final class KernelSource {

	static final List<String> FILES = List.of("common.cl", "philox.cl", "ziggurat.cl", "input_noise.cl",
		"state_update.cl", "threshold_reset.cl", "propagate.cl", "record.cl", "plasticity.cl", "simulate.cl", "probe.cl");

	private KernelSource() {}

	/** One string per file, each headed by its name so build logs point at the right file. */
	static String[] sources() {
		return FILES.stream().map(KernelSource::load).toArray(String[]::new);
	}

	private static String load(final String name) {
		try (InputStream in = KernelSource.class.getResourceAsStream(name)) {
			if (in == null) throw new IllegalStateException("kernel source " + name + " is missing next to " +
				KernelSource.class.getName());
			return "// Source: " + name + "\n" + new String(in.readAllBytes(), StandardCharsets.UTF_8) + "\n";
		}
		catch (final IOException e) {
			throw new UncheckedIOException("cannot read kernel source " + name, e);
		}
	}
}
