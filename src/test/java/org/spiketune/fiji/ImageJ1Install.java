package org.spiketune.fiji;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A plain ImageJ 1 installation as a user would make one, from the packaged jar: {@code ImageJ/ij.jar},
 * {@code ImageJ/plugins/SpikeTune_-<version>.jar} (the '_' makes ImageJ 1 read its plugins.config) and the
 * dependencies in {@code ImageJ/jars/}. Needs {@code mvn package} first: the integration tests run after it.
 */
final class ImageJ1Install {

	final Path root;

	private ImageJ1Install(final Path root) {
		this.root = root;
	}

	static ImageJ1Install create(final Path root) throws IOException {
		final Path target = Path.of("target");
		final Path jar;
		try (Stream<Path> files = Files.list(target)) {
			jar = files.filter(f -> f.getFileName().toString().matches("SpikeTune_-.*\\.jar") && !f.getFileName()
				.toString().matches(".*-(sources|tests|javadoc)\\.jar")).findFirst().orElseThrow(() -> new IOException(
					"no packaged jar in target/: run mvn package (the integration tests run after it)"));
		}
		Files.createDirectories(root.resolve("plugins"));
		Files.createDirectories(root.resolve("jars"));
		Files.copy(jar, root.resolve("plugins").resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
		try (Stream<Path> deps = Files.list(target.resolve("dependency"))) {
			for (final Path dep : deps.toList()) {
				final String name = dep.getFileName().toString();
				final Path to = name.startsWith("ij-") ? root.resolve("ij.jar") : root.resolve("jars").resolve(name);
				Files.copy(dep, to, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		return new ImageJ1Install(root);
	}

	/** The java of this JVM. */
	static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	static boolean hasXvfb() {
		return Files.isExecutable(Path.of("/usr/bin/xvfb-run")) || Stream.of(System.getenv("PATH").split(":"))
			.anyMatch(d -> Files.isExecutable(Path.of(d, "xvfb-run")));
	}

	/** Runs ImageJ 1 in batch mode on a macro: under Xvfb, or truly headless. */
	Result batch(final Path macro, final String argument, final boolean headless) throws IOException,
		InterruptedException
	{
		final List<String> command = new ArrayList<>();
		if (!headless) command.addAll(List.of("xvfb-run", "-a", "-s", "-screen 0 1280x1024x24"));
		command.add(java());
		command.add("--enable-native-access=ALL-UNNAMED");
		if (headless) command.add("-Djava.awt.headless=true");
		command.addAll(List.of("-Dplugins.dir=" + root.toAbsolutePath(), "-jar", root.resolve("ij.jar").toString(),
			"-ijpath", root.toAbsolutePath().toString(), "-batch", macro.toAbsolutePath().toString(), argument));
		return Result.of(command, 180);
	}

	/** The outcome of a process: exit status and its output. */
	record Result(int status, String output) {

		static Result of(final List<String> command, final int timeoutSeconds) throws IOException,
			InterruptedException
		{
			final Path log = Files.createTempFile("spiketune-process", ".log");
			final Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
				.start();
			if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IOException("timed out after " + timeoutSeconds + " s: " + command + "\n" + Files.readString(
					log));
			}
			final String output = Files.readString(log, StandardCharsets.UTF_8);
			Files.deleteIfExists(log);
			return new Result(process.exitValue(), output);
		}
	}
}
