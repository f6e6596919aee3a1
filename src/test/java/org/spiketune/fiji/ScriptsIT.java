package org.spiketune.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import net.imglib2.img.Img;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.log.LogLevel;
import org.scijava.log.LogListener;
import org.scijava.log.LogService;
import org.scijava.script.ScriptModule;
import org.scijava.script.ScriptService;
import org.spiketune.sim.opencl.OpenClBackend;

/**
 * Every script in scripts/ runs through SciJava's ScriptService (Groovy and Jython registered by our
 * service, as outside Fiji), at reduced size; errors inside a script are only logged, so the outputs are
 * what is checked.
 */
class ScriptsIT {

	private static Context context;
	@TempDir
	static Path dir;

	/** Small sizes per script input name, so each script runs in seconds; OpenCL where this machine has it. */
	private static final Map<String, Object> SMALL = Map.ofEntries(Map.entry("duration", 200.0), Map.entry("members",
		2), Map.entry("generations", 3), Map.entry("population", 6), Map.entry("repeats", 1), Map.entry("crossovers",
			"0, 1"), Map.entry("populations", "4"), Map.entry("backend", "opencl"), Map.entry("spikes", file(
				"pyspike-testdata", "PySpike_testdata.txt")), Map.entry("abf", file("pyabf-fsi-current-steps",
					"2019_07_24_0055_fsi.abf")), Map.entry("fit", "14,16"), Map.entry("predict", "15"), Map.entry("events", file(
						"aestream-davis346-aedat4", "davis.aedat4")), Map.entry("side", 16), Map.entry("timescale", 0.05), Map
							.entry("runs", 2), Map.entry("slowreceptors", false), Map.entry("parameterset",
								"tuned with NMDA and GABA-B"), Map.entry("gratingphase", "cosine"));

	private static File file(final String set, final String name) {
		return Path.of("test-data", set, name).toFile();
	}

	/** The backend "opencl" gives here: itself, or the CPU backend where OpenCL is missing. */
	private static String expectedBackend() {
		return OpenClBackend.available() ? "opencl" : "cpu";
	}

	@BeforeAll
	static void createContext() {
		context = new Context();
	}

	@AfterAll
	static void disposeContext() {
		context.dispose();
	}

	static List<Path> scripts() throws Exception {
		try (Stream<Path> files = Files.walk(Path.of("scripts"))) {
			return files.filter(f -> f.toString().endsWith(".groovy") || f.toString().endsWith(".py")).sorted()
				.toList();
		}
	}

	@Test
	void groovyAndPythonAreAvailable() {
		final ScriptService scripts = context.service(ScriptService.class);
		assertNotNull(scripts.getLanguageByExtension("groovy"));
		assertNotNull(scripts.getLanguageByExtension("py"));
	}

	@ParameterizedTest
	@MethodSource("scripts")
	void runs(final Path script) throws Exception {
		final Map<String, Object> inputs = new LinkedHashMap<>(SMALL);
		final File out = dir.resolve(script.getFileName().toString()).toFile();
		inputs.put("output", out);
		// a script's exception, or a command it runs failing, is only logged: the test collects the errors
		final List<String> errors = new CopyOnWriteArrayList<>();
		final LogListener listener = message -> {
			if (message.level() > LogLevel.NONE && message.level() <= LogLevel.ERROR) errors.add(message.text() + (message
				.throwable() == null ? "" : " " + message.throwable()));
		};
		final LogService log = context.service(LogService.class);
		log.addLogListener(listener);
		final ScriptModule module;
		try {
			module = context.service(ScriptService.class).run(script.toFile(), true, only(script, inputs)).get();
		}
		finally {
			log.removeLogListener(listener);
		}
		assertEquals(List.of(), errors, script + " logged errors");
		final Map<String, Object> outputs = new HashMap<>(module.getOutputs());
		final String name = script.getFileName().toString().toLowerCase();
		if (name.startsWith("simulate")) {
			assertTrue(outputs.get("raster") instanceof Img, script + ": raster " + outputs.get("raster") +
				" (null: the script failed or an input was unresolved; see the log)");
			assertTrue((Double) outputs.get("rate") > 0, script + ": rate");
			assertTrue(String.valueOf(outputs.get("device")).startsWith(expectedBackend() + ": "), script + ": " +
				outputs.get("device"));
		}
		else if (name.startsWith("tune")) {
			assertTrue(String.valueOf(outputs.get("best")).contains("exc.bias="), script + ": best " + outputs.get(
				"best"));
			assertTrue(Double.isFinite((Double) outputs.get("error")), script + ": error");
			assertEquals(800L, ((Img<?>) outputs.get("plot")).dimension(0));
		}
		else if (name.startsWith("sweep")) {
			assertTrue(outputs.get("crossoverplot") instanceof Img, script + ": crossover plot");
			assertTrue(Files.exists(out.toPath().resolve("sweep-crossover.csv")), script + " wrote its table");
			assertTrue(Files.readString(out.toPath().resolve("sweep-crossover.json")).contains("\"backend\": \"" +
				expectedBackend() + "\""), script + " recorded its backend");
		}
		else if (name.startsWith("fit_single")) {
			assertTrue(String.valueOf(outputs.get("best")).contains("*.gain="), script + ": best " + outputs.get("best"));
			assertTrue(outputs.get("gamma") instanceof Double, script + ": gamma " + outputs.get("gamma"));
		}
		else if (name.startsWith("fit_network")) {
			assertTrue(String.valueOf(outputs.get("best")).contains("ee.p="), script + ": best " + outputs.get("best"));
			assertTrue((Double) outputs.get("fitness") >= 0, script + ": fitness");
		}
		else if (name.startsWith("replay")) {
			assertTrue(outputs.get("raster") instanceof Img, script + ": raster");
			final int replayed = ((Number) outputs.get("replayed")).intValue();
			assertTrue(replayed > 100, script + ": the central pixels' events replay: " + replayed);
			assertEquals(((Number) outputs.get("expected")).intValue(), replayed, script + ": one spike per event step");
			final int responses = ((Number) outputs.get("responses")).intValue();
			assertTrue(responses > 0 && responses < replayed, script + ": cells answer bursts only: " + responses);
		}
		else if (name.startsWith("v1")) {
			final double fitness = (Double) outputs.get("fitness");
			assertTrue(fitness > 0 && fitness < 1, script + ": fitness " + fitness);
			assertTrue(String.valueOf(outputs.get("neurons")).contains("exc3: prefers"), script + ": neurons " + outputs
				.get("neurons"));
			assertEquals(4 * 17 - 1, ((Img<?>) outputs.get("fields")).dimension(0), script + ": fields");
			assertEquals(800L, ((Img<?>) outputs.get("curves")).dimension(0), script + ": curves");
			final double error = (Double) outputs.get("error");
			assertTrue(error >= 0 && error <= 90, script + ": decoding error " + error);
			assertEquals("carlson2014-v1-16-cosine-nmda-gabab", outputs.get("network"), script +
				": the tuned set turns NMDA and GABA-B on, and the gratings are the script's");
		}
		else if (name.startsWith("network_file")) {
			final double rate = (Double) outputs.get("rate");
			assertTrue(rate > 1 && rate < 200, script + ": rate " + rate);
			final org.spiketune.model.NetworkSpec written = org.spiketune.io.NetworkFile.read(Path.of(String.valueOf(
				outputs.get("network"))));
			assertEquals(List.of("input", "exc", "inh"), written.groups().stream().map(g -> g.name()).toList());
		}
		else if (name.startsWith("compare")) {
			assertEquals(0.25188056475463755, (Double) outputs.get("value"), 1e-12, script + ": PySpike's value");
			if (name.endsWith(".groovy")) {
				final ij.measure.ResultsTable validation = (ij.measure.ResultsTable) outputs.get("validation");
				assertTrue(validation != null && validation.size() > 0, script + ": the validation ran: " + validation);
			}
			else {
				final double p = (Double) outputs.get("tp");
				assertTrue(p >= 0 && p <= 1, script + ": Student's p " + p);
			}
		}
		else {
			throw new AssertionError("no check for " + script + ": add one here");
		}
	}

	@Test
	void tuningScriptsResumeFromTheirCheckpoints() throws Exception {
		final ScriptService scripts = context.service(ScriptService.class);
		final Path groovy = Path.of("scripts/Plugins/SpikeTune/Examples/Tune_Network_Example.groovy");
		final Path python = Path.of("scripts/Plugins/SpikeTune/Examples/tune_network_example.py");
		final Map<String, Object> small = new LinkedHashMap<>(SMALL);
		small.put("resume", false);
		final Map<String, Object> whole = scriptOutputs(scripts, groovy, small, "output", dir.resolve("whole").toFile());
		small.put("generations", 2);
		scriptOutputs(scripts, groovy, small, "output", dir.resolve("split").toFile());
		scriptOutputs(scripts, python, small, "checkpoint", dir.resolve("python.json").toFile());
		small.put("generations", 3);
		small.put("resume", true);
		final Map<String, Object> groovyResumed = scriptOutputs(scripts, groovy, small, "output", dir.resolve("split")
			.toFile());
		final Map<String, Object> pythonResumed = scriptOutputs(scripts, python, small, "checkpoint", dir.resolve(
			"python.json").toFile());
		assertEquals(whole.get("best"), groovyResumed.get("best"), "a resumed run ends as the run done at once");
		for (final Map<String, Object> resumed : List.of(groovyResumed, pythonResumed)) {
			assertEquals(whole.get("error"), resumed.get("error"), "the best fitness, bit for bit");
		}
		// Jython prints doubles with 12 digits
		assertEquals(Double.parseDouble(whole.get("best").toString().split("=")[1]), Double.parseDouble(pythonResumed
			.get("best").toString().split("=")[1]), 1e-10);
		assertEquals(1 + 3, Files.readAllLines(dir.resolve("split").resolve("generations.csv")).size());
	}

	private static Map<String, Object> scriptOutputs(final ScriptService scripts, final Path script,
		final Map<String, Object> candidates, final String key, final Object value) throws Exception
	{
		final Map<String, Object> inputs = new LinkedHashMap<>(candidates);
		inputs.put(key, value);
		final Map<String, Object> outputs = new HashMap<>(scripts.run(script.toFile(), true, only(script, inputs)).get()
			.getOutputs());
		assertTrue(String.valueOf(outputs.get("best")).contains("exc.bias="), script + " failed (see the log)");
		return outputs;
	}

	/** The inputs the script declares, from the candidates. */
	private static Map<String, Object> only(final Path script, final Map<String, Object> candidates)
		throws Exception
	{
		final String text = Files.readString(script);
		final Map<String, Object> inputs = new LinkedHashMap<>();
		for (final Map.Entry<String, Object> e : candidates.entrySet()) {
			if (text.matches("(?s).*#@[^\\n]*\\s" + e.getKey() + "\\s*\\n.*")) inputs.put(e.getKey(), e.getValue());
		}
		return inputs;
	}
}
