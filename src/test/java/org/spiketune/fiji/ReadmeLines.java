package org.spiketune.fiji;

import java.nio.file.Files;
import java.nio.file.Path;

/** Lines of the README, so tests run exactly what it tells users to type. */
final class ReadmeLines {

	private ReadmeLines() {}

	/** The README's first line starting with {@code prefix}; fails if there is none. */
	static String withPrefix(final String prefix) throws Exception {
		for (final String line : Files.readAllLines(Path.of("README.md"))) {
			if (line.trim().startsWith(prefix)) return line.trim();
		}
		throw new AssertionError("README.md has no line starting with '" + prefix + "'");
	}
}
