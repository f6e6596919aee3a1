package org.spiketune.spikes;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real data and oracles under {@code test-data/} (tests run in the project root). */
public final class TestData {

	private TestData() {}

	public static Path file(final String set, final String name) {
		final Path path = Path.of("test-data", set, name);
		if (!Files.isRegularFile(path)) throw new IllegalStateException("test data missing: " + path
			.toAbsolutePath());
		return path;
	}
}
