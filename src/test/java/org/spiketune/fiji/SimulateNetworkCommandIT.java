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

import ij.IJ;
import ij.ImagePlus;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.ARGBType;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleItem;

/** The Simulate Network command, run headless through SciJava's CommandService. */
class SimulateNetworkCommandIT {

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

	/** Every input, so no preprocessor asks a UI for a missing one. */
	private static Map<String, Object> inputs(final Object... overrides) {
		final Map<String, Object> in = new LinkedHashMap<>();
		in.put("preset", "izhikevich2003");
		in.put("network", null);
		in.put("duration", 300.0);
		in.put("parameters", "");
		in.put("members", 1);
		in.put("seed", 3L);
		in.put("backend", "cpu");
		in.put("threads", 2);
		in.put("bin", 1.0);
		in.put("output", null);
		for (int i = 0; i < overrides.length; i += 2) in.put((String) overrides[i], overrides[i + 1]);
		return in;
	}

	private CommandModule run(final Map<String, Object> inputs) throws Exception {
		return commands.run(SimulateNetworkCommand.class, true, inputs).get();
	}

	@Test
	void isInThePluginIndexUnderItsMenuPath() {
		final CommandInfo info = commands.getCommand(SimulateNetworkCommand.class);
		assertNotNull(info, "the annotation index must list the command (needs <proc>full</proc>)");
		assertEquals("Plugins > SpikeTune > Simulate Network", info.getMenuPath().getMenuString());
		assertEquals("Simulate Network", info.getTitle());
	}

	@Test
	void simulatesAndReturnsTheRasterAndRate() throws Exception {
		final CommandModule module = run(inputs());
		assertFalse(module.isCanceled(), module.getCancelReason());
		@SuppressWarnings("unchecked")
		final Img<ARGBType> raster = (Img<ARGBType>) module.getOutput("raster");
		assertEquals(300, raster.dimension(0));
		assertEquals(1000, raster.dimension(1));
		final double rate = (Double) module.getOutput("rate");
		final long spikes = (Long) module.getOutput("spikes");
		assertEquals(spikes * 1000.0 / (300 * 1000), rate, 1e-9);
		assertTrue(rate > 3 && rate < 15, "rate " + rate);
		long excitatory = 0, inhibitory = 0;
		final net.imglib2.RandomAccess<ARGBType> access = raster.randomAccess();
		for (int neuron = 0; neuron < 1000; neuron++) {
			for (int t = 0; t < 300; t++) {
				final int argb = access.setPositionAndGet(t, neuron).get();
				if (argb == org.spiketune.img.Rasters.EXCITATORY) {
					assertTrue(neuron < 800, "red only for excitatory neurons");
					excitatory++;
				}
				else if (argb == org.spiketune.img.Rasters.INHIBITORY) {
					assertTrue(neuron >= 800, "blue only for inhibitory neurons");
					inhibitory++;
				}
			}
		}
		assertEquals(spikes, excitatory + inhibitory, "one mark per spike at 1 ms bins and dt = 1 ms");
		assertTrue(excitatory > 0 && inhibitory > 0);
		assertEquals(800, ((Img<?>) module.getOutput("ratetrace")).dimension(0));
	}

	@Test
	void parametersChangeTheResult() throws Exception {
		final double base = (Double) run(inputs()).getOutput("rate");
		final double inhibited = (Double) run(inputs("parameters", "exc.bias=-2; inh.bias=0")).getOutput("rate");
		assertTrue(inhibited < base, inhibited + " Hz with I_E = -2 vs " + base + " Hz");
	}

	@Test
	void writesResultFiles(@TempDir final Path dir) throws Exception {
		final File out = dir.resolve("run").toFile();
		final CommandModule module = run(inputs("output", out, "members", 2));
		assertFalse(module.isCanceled(), module.getCancelReason());
		for (final String name : List.of("spikes-member-0.csv", "spikes-member-1.csv", "rates.csv", "run.json",
			"network.json", "raster.tif", "raster.png", "rates.png"))
		{
			assertTrue(Files.size(out.toPath().resolve(name)) > 0, name);
		}
		final ImagePlus raster = IJ.openImage(out.toPath().resolve("raster.tif").toString());
		assertEquals(300, raster.getWidth());
		assertEquals(1000, raster.getHeight());
		assertEquals(2, raster.getStackSize(), "one slice per member");
		assertEquals("ms", raster.getCalibration().getXUnit());
		final List<String> rates = Files.readAllLines(out.toPath().resolve("rates.csv"));
		assertEquals("member,seed,group,neurons,spikes,rate_hz", rates.get(0));
		assertEquals(1 + 2 * 3, rates.size(), "exc, inh and all for each member");
	}

	private CommandModule export(final Object... overrides) throws Exception {
		final Map<String, Object> in = new LinkedHashMap<>();
		in.put("preset", "izhikevich2003");
		in.put("network", null);
		in.put("parameters", "");
		in.put("name", "");
		for (int i = 0; i < overrides.length; i += 2) in.put((String) overrides[i], overrides[i + 1]);
		return commands.run(ExportNetworkCommand.class, true, in).get();
	}

	/**
	 * Export Network writes a preset with a parameter changed; Simulate Network runs that file exactly as the
	 * preset with the parameter set, and keeps the network it ran beside its results.
	 */
	@Test
	void simulatesANetworkFileExportedFromAPreset(@TempDir final Path dir) throws Exception {
		final File file = dir.resolve("mine.json").toFile();
		final CommandModule exported = export("parameters", "exc.bias=-2", "name", "mine", "output", file);
		assertFalse(exported.isCanceled(), exported.getCancelReason());
		assertEquals(1000, exported.getOutput("neurons"));
		final File out = dir.resolve("run").toFile();
		final CommandModule fromFile = run(inputs("network", file, "output", out));
		assertFalse(fromFile.isCanceled(), fromFile.getCancelReason());
		final CommandModule fromPreset = run(inputs("parameters", "exc.bias=-2"));
		assertEquals((Long) fromPreset.getOutput("spikes"), (Long) fromFile.getOutput("spikes"));
		assertEquals((Double) fromPreset.getOutput("rate"), (Double) fromFile.getOutput("rate"));
		assertTrue(Files.readString(out.toPath().resolve("run.json")).contains("\"mine\""));
		final org.spiketune.model.NetworkSpec kept = org.spiketune.io.NetworkFile.read(out.toPath().resolve(
			"network.json"));
		assertEquals(org.spiketune.io.NetworkFile.read(file.toPath()), kept);
		assertEquals(-2, kept.parameter("exc.bias"));
	}

	@Test
	void aDamagedNetworkFileCancelsNamingTheFileAndThePlace(@TempDir final Path dir) throws Exception {
		final Path file = dir.resolve("damaged.json");
		assertFalse(export("output", file.toFile()).isCanceled());
		Files.writeString(file, Files.readString(file).replace("\"noise\": 5.0", "\"noise\": -5.0"));
		final CommandModule module = run(inputs("network", file.toFile()));
		assertTrue(module.isCanceled());
		assertTrue(module.getCancelReason().contains(file.toString()) && module.getCancelReason().contains(
			"groups[0]") && module.getCancelReason().contains("noise"), module.getCancelReason());
		org.spiketune.Reliability.record("Network files", "Simulate Network given a network file with a negative " +
			"noise amplitude", "cancelled: " + module.getCancelReason().replace(file.toString(), "damaged.json"));
		final CommandModule missing = run(inputs("network", dir.resolve("absent.json").toFile()));
		assertTrue(missing.isCanceled());
		assertTrue(missing.getCancelReason().contains("does not exist"), missing.getCancelReason());
		final CommandModule noOutput = export("output", null);
		assertTrue(noOutput.isCanceled());
		assertTrue(noOutput.getCancelReason().contains("output"), noOutput.getCancelReason());
	}

	@Test
	void badInputCancelsWithAClearReason() throws Exception {
		final CommandModule negative = run(inputs("duration", -5.0));
		assertTrue(negative.isCanceled());
		assertTrue(negative.getCancelReason().contains("durationMs") && negative.getCancelReason().contains("-5"),
			negative.getCancelReason());
		final CommandModule unknown = run(inputs("parameters", "exc.bais=1"));
		assertTrue(unknown.isCanceled());
		assertTrue(unknown.getCancelReason().contains("'exc.bais'"), unknown.getCancelReason());
		final CommandModule preset = run(inputs("preset", "nonsense"));
		assertTrue(preset.isCanceled());
		assertTrue(preset.getCancelReason().contains("izhikevich2003"), preset.getCancelReason());
		final CommandModule backend = run(inputs("backend", "quantum"));
		assertTrue(backend.isCanceled());
		assertTrue(backend.getCancelReason().contains("unknown backend 'quantum'"), backend.getCancelReason());
	}

	/** OpenCL Devices lists what opencl:&lt;index&gt; selects, or says why there is nothing. */
	@Test
	void listsTheOpenClDevicesOrSaysWhyThereAreNone() throws Exception {
		final CommandModule m = commands.run(OpenClDevicesCommand.class, true).get();
		final ij.measure.ResultsTable table = (ij.measure.ResultsTable) m.getOutput("devices");
		final String status = (String) m.getOutput("status");
		final List<org.spiketune.sim.opencl.DeviceInfo> devices = org.spiketune.sim.opencl.OpenClPlatforms.devices();
		assertEquals(devices.size(), table.size());
		if (devices.isEmpty()) {
			assertTrue(status.startsWith("OpenCL not available: "), status);
		}
		else {
			assertTrue(status.startsWith(devices.size() + " OpenCL device(s)"), status);
			assertEquals(devices.get(0).name().trim(), table.getStringValue("name", 0));
			assertEquals(devices.get(0).globalMemory() >> 20, (long) table.getValue("memory (MiB)", 0));
		}
	}

	@Test
	void parameterNamesAreSingleLowerCaseWords() {
		for (final CommandInfo info : commands.getCommands()) {
			if (!info.getClassName().startsWith("org.spiketune.")) continue;
			for (final ModuleItem<?> item : info.inputs()) {
				if (org.scijava.service.Service.class.isAssignableFrom(item.getType())) continue;
				assertTrue(item.getName().matches("[a-z]+"), info.getTitle() + ": input '" + item.getName() +
					"' must be one lower-case word (macro keys are lower-cased)");
			}
			for (final ModuleItem<?> item : info.outputs()) {
				assertTrue(item.getName().matches("[a-z]+"), info.getTitle() + ": output '" + item.getName() + "'");
			}
		}
	}
}
