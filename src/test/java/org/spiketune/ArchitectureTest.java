package org.spiketune;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Keeps the package arrows of the README honest by scanning the import lines of src/main/java: each
 * package may import only the project packages and libraries listed for it.
 */
class ArchitectureTest {

	private static final String BASE = "org.spiketune.";
	private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);

	/** Package -> prefixes it may import (besides java.* and its own package). */
	private static final Map<String, List<String>> ALLOWED = Map.ofEntries( //
		Map.entry("model", List.of()), //
		Map.entry("random", List.of()), //
		Map.entry("spikes", List.of("org.apache.commons.math3")), //
		Map.entry("spikes.io", List.of("spikes", "org.apache.commons.csv", "io.jhdf", "net.jpountz", "org.w3c.dom",
			"org.xml.sax")), //
		Map.entry("sim", List.of("model", "random", "spikes")), //
		Map.entry("sim.cpu", List.of("sim", "model", "random")), //
		Map.entry("sim.opencl", List.of("sim", "model", "random", "org.jocl")), //
		Map.entry("sim.backends", List.of("sim", "sim.cpu", "sim.opencl")), //
		Map.entry("spark", List.of("sim", "sim.backends", "model", "io", "org.apache.spark")), //
		Map.entry("objective", List.of("sim", "spikes", "model")), //
		Map.entry("tune", List.of("sim", "objective", "model", "random", "io.jenetics", "org.apache.commons.math3")), //
		Map.entry("fit", List.of("model", "sim", "spikes", "objective", "tune")), //
		Map.entry("io", List.of("sim", "model", "spikes", "spikes.io", "objective", "tune", "com.google.gson",
			"org.apache.commons.csv")), //
		Map.entry("img", List.of("sim", "spikes", "objective", "tune", "model", "net.imglib2", "org.jfree")), //
		Map.entry("fiji", List.of("model", "random", "sim", "sim.backends", "sim.opencl", "spikes", "spikes.io",
			"objective", "tune", "fit", "io", "img", "net.imglib2", "org.scijava", "ij")), //
		Map.entry("cli", List.of("fiji", "org.scijava", "net.imglib2")));

	@Test
	void importsFollowThePackageArrows() throws IOException {
		final Path root = Path.of("src/main/java/org/spiketune");
		final List<String> violations = new ArrayList<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (final Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				final String pkg = root.relativize(file.getParent()).toString().replace('/', '.');
				final List<String> allowed = ALLOWED.get(pkg);
				if (allowed == null) {
					violations.add(file + ": package '" + pkg + "' is not in the architecture table");
					continue;
				}
				final Matcher m = IMPORT.matcher(Files.readString(file));
				while (m.find()) {
					final String imported = m.group(1);
					if (!permitted(pkg, allowed, imported)) violations.add(file.getFileName() + " (" + pkg + ") imports " +
						imported);
				}
			}
		}
		assertEquals(List.of(), violations);
	}

	private static boolean permitted(final String pkg, final List<String> allowed, final String imported) {
		if (imported.startsWith("java.")) return true;
		if (imported.startsWith("javax.")) return !imported.startsWith("javax.swing.") || pkg.equals("fiji");
		if (imported.startsWith(BASE)) {
			final String target = packageOf(imported.substring(BASE.length()));
			return target.equals(pkg) || allowed.contains(target);
		}
		return allowed.stream().anyMatch(a -> !ALLOWED.containsKey(a) && imported.startsWith(a + "."));
	}

	/** The package part of a qualified name: the segments before the first capitalized one. */
	private static String packageOf(final String qualifiedName) {
		final List<String> segments = new ArrayList<>();
		for (final String segment : qualifiedName.split("\\.")) {
			if (Character.isUpperCase(segment.charAt(0))) break;
			segments.add(segment);
		}
		return String.join(".", segments);
	}
}
