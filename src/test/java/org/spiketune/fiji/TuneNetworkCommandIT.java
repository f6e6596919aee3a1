package org.spiketune.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ij.measure.ResultsTable;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.ARGBType;

import org.spiketune.Reliability;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/** Tune Network and Sweep GA Settings, headless, at reduced size. */
class TuneNetworkCommandIT {

	private Context context;
	private CommandService commands;

	@BeforeEach
	void createContext() {
		context = FreshContexts.create();
		commands = context.service(CommandService.class);
	}

	@AfterEach
	void disposeContext() {
		context.dispose();
	}

	private static Map<String, Object> tuneInputs(final Object... overrides) {
		final Map<String, Object> in = new LinkedHashMap<>();
		in.put("preset", "izhikevich2003");
		in.put("network", null);
		in.put("tune", "exc.bias=-5:5");
		in.put("target", "5");
		in.put("algorithm", "ga");
		in.put("population", 8);
		in.put("generations", 4);
		in.put("crossover", "0.95");
		in.put("mutation", "");
		in.put("steady", 0);
		in.put("stopat", "");
		in.put("minutes", 0.0);
		in.put("duration", 200.0);
		in.put("samples", 1);
		in.put("reevaluate", false);
		in.put("vary", false);
		in.put("confirm", 0);
		in.put("seed", 2L);
		in.put("backend", "cpu");
		in.put("threads", 2);
		in.put("output", null);
		in.put("resume", false);
		for (int i = 0; i < overrides.length; i += 2) in.put((String) overrides[i], overrides[i + 1]);
		return in;
	}

	@Test
	void isInThePluginIndex() {
		for (final Class<? extends org.scijava.command.Command> c : List.of(SimulateNetworkCommand.class,
			TuneNetworkCommand.class, SweepGaSettingsCommand.class, OpenSpikeTrainsCommand.class,
			ShowSpikeRasterCommand.class, OpenClDevicesCommand.class))
		{
			assertNotNull(commands.getCommand(c), c.getSimpleName() + " is in the plugin index");
			assertTrue(commands.getCommand(c).getMenuPath().getMenuString().startsWith("Plugins > SpikeTune > "));
		}
		assertEquals("Plugins > SpikeTune > Tune Network", commands.getCommand(TuneNetworkCommand.class)
			.getMenuPath().getMenuString());
	}

	@Test
	void tunesAndWritesTheRunsFiles(@TempDir final Path dir) throws Exception {
		final File out = dir.resolve("tuning").toFile();
		final CommandModule m = commands.run(TuneNetworkCommand.class, true, tuneInputs("output", out)).get();
		assertFalse(m.isCanceled(), m.getCancelReason());
		assertTrue(((String) m.getOutput("best")).startsWith("exc.bias="), (String) m.getOutput("best"));
		assertTrue(Double.isFinite((Double) m.getOutput("fitness")));
		final ResultsTable history = (ResultsTable) m.getOutput("history");
		assertEquals(4, history.size());
		@SuppressWarnings("unchecked")
		final Img<ARGBType> plot = (Img<ARGBType>) m.getOutput("plot");
		assertEquals(800, plot.dimension(0));
		final Path folder = out.toPath();
		final List<String> evaluations = Files.readAllLines(folder.resolve("history.csv"));
		assertEquals("generation,index,kind,exc.bias,fitness,rate_network_hz,error_network_hz,seeds,failure",
			evaluations.get(0));
		assertEquals(1 + 8 + 4 * 6, evaluations.size(), "header, initial 8, then 6 children x 4 generations");
		assertEquals(1 + 4, Files.readAllLines(folder.resolve("generations.csv")).size());
		final String summary = Files.readString(folder.resolve("summary.json"));
		assertTrue(summary.contains("\"exc.bias\"") && summary.contains("\"termination\": \"max_generations\""),
			summary);
		assertTrue(Files.size(folder.resolve("convergence.png")) > 1000);
		assertTrue(Files.exists(folder.resolve("convergence.tif")));
		assertEquals(org.spiketune.model.Presets.get("izhikevich2003"), org.spiketune.io.NetworkFile.read(folder
			.resolve("network.json")), "the network tuned is kept beside the results");
	}

	@Test
	void tunesANetworkFileAsThePresetItHolds(@TempDir final Path dir) throws Exception {
		final Path file = dir.resolve("net.json");
		org.spiketune.io.NetworkFile.write(org.spiketune.model.Presets.get("izhikevich2003"), file);
		final CommandModule preset = commands.run(TuneNetworkCommand.class, true, tuneInputs("generations", 2)).get();
		final CommandModule fromFile = commands.run(TuneNetworkCommand.class, true, tuneInputs("generations", 2,
			"network", file.toFile())).get();
		assertFalse(fromFile.isCanceled(), fromFile.getCancelReason());
		assertEquals((String) preset.getOutput("best"), (String) fromFile.getOutput("best"));
		assertEquals((Double) preset.getOutput("fitness"), (Double) fromFile.getOutput("fitness"));
	}

	@Test
	void aRunResumedFromItsFolderEndsAsTheRunDoneAtOnce(@TempDir final Path dir) throws Exception {
		final Path whole = dir.resolve("whole"), split = dir.resolve("split");
		final CommandModule reference = commands.run(TuneNetworkCommand.class, true, tuneInputs("generations", 6,
			"output", whole.toFile())).get();
		final CommandModule first = commands.run(TuneNetworkCommand.class, true, tuneInputs("generations", 2, "output",
			split.toFile())).get();
		assertFalse(first.isCanceled(), first.getCancelReason());
		assertTrue(Files.exists(split.resolve("checkpoint.json")));
		// the generation in flight when a run stops leaves rows behind; resuming drops them
		Files.writeString(split.resolve("history.csv"), "3,0,new,0.1,9", java.nio.file.StandardOpenOption.APPEND);
		final CommandModule resumed = commands.run(TuneNetworkCommand.class, true, tuneInputs("generations", 6,
			"output", split.toFile(), "resume", true)).get();
		assertFalse(resumed.isCanceled(), resumed.getCancelReason());
		assertEquals(reference.getOutput("best"), resumed.getOutput("best"));
		assertEquals(reference.getOutput("fitness"), resumed.getOutput("fitness"));
		assertEquals(Files.readAllLines(whole.resolve("history.csv")), Files.readAllLines(split.resolve("history.csv")),
			"every evaluation, with its seeds, as in the run done at once");
		assertEquals(6, ((ResultsTable) resumed.getOutput("history")).size());
		final CommandModule noFolder = commands.run(TuneNetworkCommand.class, true, tuneInputs("resume", true)).get();
		assertTrue(noFolder.isCanceled() && noFolder.getCancelReason().contains("output folder"), noFolder
			.getCancelReason());
		final CommandModule otherSeed = commands.run(TuneNetworkCommand.class, true, tuneInputs("generations", 6,
			"output", split.toFile(), "resume", true, "seed", 3L)).get();
		assertTrue(otherSeed.isCanceled() && otherSeed.getCancelReason().contains("seed is 2"), otherSeed
			.getCancelReason());
		Reliability.record("Command parameters", "Tune Network resume without an output folder", "cancelled: " +
			noFolder.getCancelReason());
		Reliability.record("Checkpoints", "Tune Network resume in a folder of a run with another seed", "cancelled: " +
			otherSeed.getCancelReason());
		Reliability.record("Cancel and resume", "Tune Network stopped after 2 generations with rows of generation 3 " +
			"left in history.csv, resumed to 6", "the rows in flight dropped; history.csv equal to the run done at once");
	}

	@Test
	void cancellingKeepsTheBestSoFarAndTheHistory(@TempDir final Path dir) throws Exception {
		final org.scijava.module.ModuleService modules = context.service(org.scijava.module.ModuleService.class);
		final org.scijava.module.Module module = modules.createModule(commands.getCommand(TuneNetworkCommand.class));
		final Path out = dir.resolve("cancelled");
		final java.util.concurrent.Future<org.scijava.module.Module> running = modules.run(module, true, tuneInputs(
			"generations", 10_000, "output", out.toFile()));
		final Path generations = out.resolve("generations.csv");
		final long end = System.currentTimeMillis() + 60_000;
		while (!(Files.exists(generations) && Files.readAllLines(generations).size() > 3)) {
			assertTrue(System.currentTimeMillis() < end, "the run makes progress");
			Thread.sleep(50);
		}
		((org.scijava.Cancelable) module).cancel("enough");
		running.get();
		assertTrue(((String) module.getOutput("best")).startsWith("exc.bias="), "best so far: " + module.getOutput(
			"best"));
		final ResultsTable history = (ResultsTable) module.getOutput("history");
		assertTrue(history.size() >= 3 && history.size() < 10_000, history.size() + " generations");
		assertEquals(1 + history.size(), Files.readAllLines(generations).size(), "every completed generation kept");
		assertTrue(Files.readString(out.resolve("summary.json")).contains("\"termination\": \"cancelled\""));
	}

	@Test
	void otherAlgorithmsRunToo() throws Exception {
		for (final String algorithm : List.of("es", "nsga2")) {
			final CommandModule m = commands.run(TuneNetworkCommand.class, true, tuneInputs("algorithm", algorithm,
				"crossover", "", "generations", 2, "target", "exc=5, inh=10")).get();
			assertFalse(m.isCanceled(), algorithm + ": " + m.getCancelReason());
			assertEquals(2, ((ResultsTable) m.getOutput("history")).size());
		}
	}

	@Test
	void badInputCancelsWithTheReason() throws Exception {
		final CommandModule unknown = commands.run(TuneNetworkCommand.class, true, tuneInputs("tune",
			"exc.bais=-1:1")).get();
		assertTrue(unknown.isCanceled() && unknown.getCancelReason().contains("exc.bais"), unknown
			.getCancelReason());
		final CommandModule inverted = commands.run(TuneNetworkCommand.class, true, tuneInputs("tune",
			"exc.bias=1:-1")).get();
		assertTrue(inverted.isCanceled() && inverted.getCancelReason().contains("inverted"), inverted
			.getCancelReason());
		final CommandModule crossover = commands.run(TuneNetworkCommand.class, true, tuneInputs("crossover", "lots"))
			.get();
		assertTrue(crossover.isCanceled() && crossover.getCancelReason().contains("crossover"), crossover
			.getCancelReason());
		final CommandModule target = commands.run(TuneNetworkCommand.class, true, tuneInputs("target", "fast"))
			.get();
		assertTrue(target.isCanceled() && target.getCancelReason().contains("rate target"), target
			.getCancelReason());
		for (final var e : java.util.Map.of("tune=exc.bais=-1:1 (a misspelt parameter)", unknown,
			"tune=exc.bias=1:-1 (an inverted range)", inverted, "crossover=lots", crossover, "target=fast", target)
			.entrySet())
		{
			Reliability.record("Command parameters", "Tune Network " + e.getKey(), "cancelled: " + e.getValue()
				.getCancelReason());
		}
	}

	@Test
	void sweepsWriteTablesAndPlots(@TempDir final Path dir) throws Exception {
		final Map<String, Object> in = new LinkedHashMap<>();
		in.put("preset", "izhikevich2003");
		in.put("tune", "exc.bias=-5:5");
		in.put("target", "5");
		in.put("crossovers", "0, 1");
		in.put("populations", "4");
		in.put("population", 6);
		in.put("crossover", 0.8);
		in.put("repeats", 2);
		in.put("generations", 2);
		in.put("duration", 100.0);
		in.put("validation", 2);
		in.put("seed", 1L);
		in.put("backend", "cpu");
		in.put("threads", 2);
		in.put("output", dir.toFile());
		final CommandModule m = commands.run(SweepGaSettingsCommand.class, true, in).get();
		assertFalse(m.isCanceled(), m.getCancelReason());
		assertEquals(2, ((ResultsTable) m.getOutput("crossovertable")).size());
		assertEquals(1, ((ResultsTable) m.getOutput("populationtable")).size());
		assertEquals(1 + 2 * 2, Files.readAllLines(dir.resolve("sweep-crossover.csv")).size());
		assertEquals("value,runs,final_mean,final_sd,validated_mean,validated_sd", Files.readAllLines(dir.resolve(
			"sweep-population-summary.csv")).get(0));
		assertTrue(Files.size(dir.resolve("sweep-crossover.png")) > 1000);
		assertTrue(Files.size(dir.resolve("sweep-population.png")) > 1000);
	}
}
