package org.spiketune.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's install line, run as written into an empty Fiji.app folder (on a copy of the project, so
 * the build under test is not rebuilt under its own feet), then SpikeTune run from that folder by plain
 * ImageJ 1, headless.
 */
class InstallIT {

	@Test
	void readmeInstallLineFillsAFijiFolder(@TempDir final Path dir) throws Exception {
		final String line = ReadmeLines.withPrefix("mvn -B -DskipTests -Dscijava.app.directory=");
		final Path project = dir.resolve("project");
		copy(Path.of("pom.xml"), project.resolve("pom.xml"));
		copyTree(Path.of("src", "main"), project.resolve("src").resolve("main"));
		copyTree(Path.of("scripts"), project.resolve("scripts"));
		final Path fiji = dir.resolve("Fiji.app");
		Files.createDirectories(fiji);
		final String command = line.replace("/path/to/Fiji.app", fiji.toString()).replace("mvn -B", "mvn -B -q");
		final Process mvn = new ProcessBuilder("bash", "-c", command).directory(project.toFile()).redirectErrorStream(
			true).start();
		final String output = new String(mvn.getInputStream().readAllBytes());
		assertEquals(0, mvn.waitFor(), command + "\n" + output);
		final List<String> plugins = names(fiji.resolve("plugins"));
		assertTrue(plugins.stream().anyMatch(n -> n.matches("SpikeTune_-.*\\.jar")), "plugins: " + plugins);
		final List<String> jars = names(fiji.resolve("jars"));
		for (final String dependency : List.of("jenetics-", "jocl-", "jfreechart-", "scijava-common-", "imglib2-")) {
			assertTrue(jars.stream().anyMatch(n -> n.startsWith(dependency)), dependency + " in jars: " + jars);
		}
		assertTrue(jars.stream().noneMatch(n -> n.startsWith("jython") || n.startsWith("groovy")),
			"Fiji has its own script engines: " + jars);
		// SpikeTune runs from the installed folder (plain ImageJ 1, headless, the bridge's call() route)
		final Path ij = jars.stream().filter(n -> n.startsWith("ij-")).map(fiji.resolve("jars")::resolve).findFirst()
			.orElseThrow();
		final Path out = dir.resolve("out");
		final ImageJ1Install.Result r = ImageJ1Install.Result.of(List.of(ImageJ1Install.java(),
			"--enable-native-access=ALL-UNNAMED", "-Djava.awt.headless=true", "-Dplugins.dir=" + fiji, "-cp", ij
				.toString(), "ij.ImageJ", "-ijpath", fiji.toString(), "-batch", Path.of("macros",
					"headless_simulate.ijm").toAbsolutePath().toString(), "out=[" + out + "]"), 120);
		assertEquals(0, r.status(), r.output());
		assertTrue(Files.exists(out.resolve("spikes.csv")), r.output());
	}

	private static List<String> names(final Path folder) throws Exception {
		try (Stream<Path> files = Files.list(folder)) {
			return files.map(f -> f.getFileName().toString()).sorted().toList();
		}
	}

	private static void copy(final Path from, final Path to) throws Exception {
		Files.createDirectories(to.getParent());
		Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
	}

	private static void copyTree(final Path from, final Path to) throws Exception {
		try (Stream<Path> files = Files.walk(from)) {
			for (final Path f : files.filter(Files::isRegularFile).toList()) copy(f, to.resolve(from.relativize(f)));
		}
	}
}
