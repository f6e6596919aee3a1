package org.spiketune.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ij.measure.ResultsTable;

import net.imglib2.RandomAccess;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.ARGBType;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.spiketune.img.Rasters;
import org.spiketune.spikes.SpikeTrains;

/** Open Spike Trains and Show Spike Raster, headless, on a small hand-written file. */
class SpikeFileCommandsIT {

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

	/** 4 neurons over 10 ms: neuron 0 at 1 and 5 ms, neuron 2 at 2.5 ms, neuron 3 at 9.9 ms. */
	private static Path spikes(final Path dir) throws Exception {
		final Path file = dir.resolve("spikes.csv");
		Files.write(file, List.of("neuron,time_ms", "0,1", "2,2.5", "0,5", "3,9.9"));
		return file;
	}

	@Test
	void opensASpikeFile(@TempDir final Path dir) throws Exception {
		final Map<String, Object> in = new LinkedHashMap<>();
		in.put("file", spikes(dir).toFile());
		in.put("neurons", 0);
		in.put("start", 0.0);
		in.put("stop", 0.0);
		in.put("bin", 1.0);
		final CommandModule m = commands.run(OpenSpikeTrainsCommand.class, true, in).get();
		assertFalse(m.isCanceled(), m.getCancelReason());
		final SpikeTrains trains = (SpikeTrains) m.getOutput("trains");
		assertEquals(4, trains.size());
		assertEquals(10, trains.stopMs(), "just after the last spike");
		assertEquals(4 * 1000.0 / (4 * 10), (Double) m.getOutput("rate"), 1e-12);
		final ResultsTable table = (ResultsTable) m.getOutput("table");
		assertEquals(2, table.getValue("spikes", 0));
		assertEquals(200, table.getValue("rate_hz", 0), 1e-9);
		@SuppressWarnings("unchecked")
		final Img<ARGBType> raster = (Img<ARGBType>) m.getOutput("raster");
		assertEquals(10, raster.dimension(0));
		final RandomAccess<ARGBType> a = raster.randomAccess();
		assertEquals(Rasters.OTHER, a.setPositionAndGet(5, 0).get());
		assertEquals(Rasters.OTHER, a.setPositionAndGet(9, 3).get());

		in.put("file", dir.resolve("missing.csv").toFile());
		final CommandModule missing = commands.run(OpenSpikeTrainsCommand.class, true, in).get();
		assertTrue(missing.isCanceled() && missing.getCancelReason().contains("missing.csv"), missing
			.getCancelReason());
	}

	@Test
	void drawsGroupsInTheirColours(@TempDir final Path dir) throws Exception {
		final Map<String, Object> in = new LinkedHashMap<>();
		in.put("file", spikes(dir).toFile());
		in.put("groups", "exc=0-1, inh=2-3");
		in.put("start", 0.0);
		in.put("stop", 0.0);
		in.put("bin", 1.0);
		in.put("ratebin", 5.0);
		final CommandModule m = commands.run(ShowSpikeRasterCommand.class, true, in).get();
		assertFalse(m.isCanceled(), m.getCancelReason());
		@SuppressWarnings("unchecked")
		final Img<ARGBType> raster = (Img<ARGBType>) m.getOutput("raster");
		final RandomAccess<ARGBType> a = raster.randomAccess();
		assertEquals(Rasters.EXCITATORY, a.setPositionAndGet(1, 0).get());
		assertEquals(Rasters.INHIBITORY, a.setPositionAndGet(2, 2).get());
		assertEquals(0xFF000000, a.setPositionAndGet(2, 0).get());
		assertEquals(800, ((Img<?>) m.getOutput("ratetrace")).dimension(0));

		in.put("groups", "exc=0-1, inh=3-3");
		final CommandModule gap = commands.run(ShowSpikeRasterCommand.class, true, in).get();
		assertTrue(gap.isCanceled() && gap.getCancelReason().contains("start at neuron 2"), gap.getCancelReason());
	}
}
