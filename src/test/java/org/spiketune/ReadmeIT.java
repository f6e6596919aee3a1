package org.spiketune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.script.ScriptModule;
import org.scijava.script.ScriptService;

/**
 * The README's examples, executed as written: shell lines (in a scratch folder, with this checkout's
 * ./spiketune), the Groovy and Python blocks through ScriptService, the macro with ImageJ 1 under Xvfb, the
 * Java snippet compiled and run. Only the test command itself is not run here (it is what runs this), and
 * the install line is run by InstallIT.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadmeIT {

	private static final Pattern BLOCK = Pattern.compile("```(\\w+)\\n(.*?)```", Pattern.DOTALL);

	@TempDir
	static Path work;

	record Block(String language, String code) {}

	static List<Block> blocks(final String language) throws Exception {
		final Matcher m = BLOCK.matcher(Files.readString(Path.of("README.md")));
		final List<Block> blocks = new ArrayList<>();
		while (m.find()) {
			if (m.group(1).equals(language)) blocks.add(new Block(m.group(1), m.group(2)));
		}
		return blocks;
	}

	private static int bash(final String command, final Path dir) throws Exception {
		final Process p = new ProcessBuilder("bash", "-c", command).directory(dir.toFile()).inheritIO().start();
		return p.waitFor();
	}

	/**
	 * A shell prelude that makes {@code spark-submit} what Spark's script runs (its SparkSubmit class, from
	 * Maven Central here) and lets the README's {@code target/...} paths resolve in the work folder.
	 */
	private String sparkSubmit() throws Exception {
		final Path target = work.resolve("target");
		if (!Files.exists(target)) Files.createSymbolicLink(target, Path.of("target").toAbsolutePath());
		return "spark-submit() { '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' -XX:ErrorFile='" +
			work.resolve("hs_err_%p.log") + "' -cp '" + System
			.getProperty("java.class.path") + "' org.apache.spark.deploy.SparkSubmit --conf spark.ui.enabled=false " +
			"\"$@\"; }; ";
	}

	/**
	 * What a failed child JVM left: the end of its output and any crash log, so that a failure on a CI
	 * machine says what happened there.
	 */
	private static String crashReport(final int status, final Path log) {
		final StringBuilder report = new StringBuilder("exit status " + status + (status > 128 ? " (signal " +
			(status - 128) + ")" : "") + "\n");
		try {
			final List<String> lines = Files.readAllLines(log);
			report.append(String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
			try (var crashes = Files.list(work)) {
				for (final Path crash : crashes.filter(f -> f.getFileName().toString().startsWith("hs_err")).toList()) {
					final List<String> head = Files.readAllLines(crash);
					report.append("\n").append(crash.getFileName()).append(":\n").append(String.join("\n", head.subList(
						0, Math.min(60, head.size()))));
				}
			}
		}
		catch (final java.io.IOException e) {
			report.append("(no log: ").append(e.getMessage()).append(')');
		}
		return report.toString();
	}

	@Test
	@Order(1)
	void shellExamplesRun() throws Exception {
		final String launcher = Path.of("spiketune").toAbsolutePath().toString();
		int ran = 0;
		for (final Block block : blocks("sh")) {
			for (final String raw : block.code().split("\n")) {
				String line = raw.trim();
				if (line.isEmpty() || line.equals("mvn -B verify") || line.contains("scijava.app.directory")) continue;
				if (line.startsWith("mvn ") && line.contains("&& ")) line = line.substring(line.indexOf("&& ") + 3);
				if (line.startsWith("spark-submit ")) {
					final Path log = work.resolve("spark-submit.log");
					final int status = bash(sparkSubmit() + line + " > '" + log + "' 2>&1", work);
					assertEquals(0, status, () -> raw + "\n" + crashReport(status, log));
					ran++;
					continue;
				}
				assertTrue(line.startsWith("./spiketune "), "README shell line not covered by a test: " + raw);
				assertEquals(0, bash(launcher + line.substring("./spiketune".length()), work), raw);
				ran++;
			}
		}
		assertTrue(ran >= 3, "the main job, the simulation and the headless example");
		assertTrue(Files.readString(work.resolve("tuning").resolve("summary.json")).contains("\"exc.bias\""));
		assertTrue(Files.exists(work.resolve("results").resolve("raster.png")));
		assertTrue(Files.readString(work.resolve("tuning-spark").resolve("summary.json")).contains(
			"\"backend\": \"spark\""), "the spark-submit example ran on Spark");
		assertTrue(Files.readString(work.resolve("results-mine").resolve("run.json")).contains("\"network\": \"mine\""),
			"the exported network file was simulated");
		final String backend = org.spiketune.sim.opencl.OpenClBackend.available() ? "opencl" : "cpu";
		assertTrue(Files.readString(work.resolve("results-opencl").resolve("run.json")).contains("\"backend\": \"" +
			backend + "\""));
	}

	@Test
	void scriptExamplesRun() throws Exception {
		final Context context = new Context();
		try {
			for (final String language : List.of("groovy", "python")) {
				final List<Block> blocks = blocks(language);
				assertFalse(blocks.isEmpty(), "a " + language + " example");
				for (final Block b : blocks) {
					final Path file = work.resolve("readme." + (language.equals("python") ? "py" : "groovy"));
					Files.writeString(file, b.code());
					final ScriptModule m = context.service(ScriptService.class).run(file.toFile(), true).get();
					assertTrue(m.getOutput("rate") instanceof Double r && r > 0, language + " example: rate " + m
						.getOutput("rate"));
				}
			}
		}
		finally {
			context.dispose();
		}
	}

	@Test
	void macroExampleRuns() throws Exception {
		assumeTrue(org.spiketune.fiji.MacroSupport.hasXvfb(), "xvfb-run is not installed (apt-get install xvfb)");
		final List<Block> blocks = blocks("ijm");
		assertEquals(1, blocks.size());
		final Path macro = work.resolve("readme.ijm");
		// the README's sizes, shortened so the test takes seconds
		Files.writeString(macro, blocks.get(0).code().replace("generations=30", "generations=3").replace(
			"duration=500", "duration=100"));
		final org.spiketune.fiji.MacroSupport.Result r = org.spiketune.fiji.MacroSupport.runInImageJ1(work.resolve(
			"ImageJ"), macro, "");
		assertEquals(0, r.status(), r.output());
		assertTrue(r.output().contains("best: exc.bias="), r.output());
	}

	@Test
	void javaExampleCompilesAndRuns() throws Exception {
		final List<Block> blocks = blocks("java");
		assertEquals(1, blocks.size());
		final Path source = work.resolve("ReadmeExample.java");
		Files.writeString(source, String.join("\n", "import java.util.*;", "import org.spiketune.model.*;",
			"import org.spiketune.sim.*;", "import org.spiketune.sim.backends.Backends;",
			"import org.spiketune.spikes.SpikeTrains;", "public class ReadmeExample {",
			"  public static double run() throws Exception {", blocks.get(0).code(), "    return hz;", "  }", "}"));
		final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
		assertEquals(0, javac.run(null, null, null, "-cp", System.getProperty("java.class.path"), "-d", work
			.toString(), source.toString()));
		try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] { work.toUri().toURL() },
			getClass().getClassLoader()))
		{
			final double hz = (Double) loader.loadClass("ReadmeExample").getMethod("run").invoke(null);
			assertTrue(hz > 0 && hz < 10, "I_E = -1 gives a few Hz: " + hz);
		}
	}

}
