package org.spiketune.fiji;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.scijava.service.SciJavaService;
import org.spiketune.io.NetworkFile;
import org.spiketune.model.NetworkSpec;
import org.spiketune.sim.BatchResult;
import org.spiketune.sim.MemberResult;
import org.spiketune.sim.SimulationRequest;
import org.spiketune.sim.Simulator;
import org.spiketune.spikes.SpikeTrains;
import org.spiketune.tune.Sweeps;
import org.spiketune.tune.Tuner;
import org.spiketune.tune.TuningConfig;
import org.spiketune.tune.TuningListener;
import org.spiketune.tune.TuningResult;

/**
 * SpikeTune's API for commands and scripts: simulators by backend name, requests from presets, results as
 * images and files. A thin layer over the headless core ({@code org.spiketune.sim} and friends).
 */
public interface SpikeTuneService extends SciJavaService {

	/**
	 * A simulator on the named backend: {@code cpu}, {@code opencl}, {@code opencl:<device>} or {@code auto}
	 * (see {@link org.spiketune.sim.backends.Backends}); {@code threads <= 0} means all processors (CPU).
	 */
	Simulator simulator(String backend, int threads);

	/**
	 * A request for a network, a preset's name or a network file ({@code .json}, see
	 * {@link org.spiketune.io.NetworkFile}): {@code members} networks with seeds derived from {@code seed}, all
	 * setting the named {@code parameters} ("name=value, ...").
	 */
	default SimulationRequest request(final String network, final double durationMs, final long seed,
		final int members, final String parameters)
	{
		return request(network(network), durationMs, seed, members, parameters);
	}

	/** A request for {@code network}, as {@link #request(String, double, long, int, String)}. */
	SimulationRequest request(NetworkSpec network, double durationMs, long seed, int members, String parameters);

	/**
	 * A network by preset name ({@link org.spiketune.model.Presets#names()}) or network file path.
	 *
	 * @throws IllegalArgumentException naming the problem when it is neither, or the file is damaged
	 */
	default NetworkSpec network(final String presetOrFile) {
		return NetworkFile.resolve(presetOrFile);
	}

	/** The network of a command: the file when one is given, else the preset. */
	default NetworkSpec network(final String preset, final java.io.File file) {
		return network(file == null || file.getPath().isBlank() ? preset : file.getPath());
	}

	BatchResult simulate(SimulationRequest request, String backend, int threads);

	/** The member's spike raster: x time in bins of {@code binMs}, y neuron; 255 marks a spike. */
	Img<UnsignedByteType> raster(MemberResult member, double binMs);

	/**
	 * A member's raster in colour: excitatory spikes red, inhibitory blue, sources green (see
	 * {@link org.spiketune.img.Rasters#neuronColors}).
	 */
	Img<ARGBType> colorRaster(BatchResult result, int member, double binMs);

	/** A member's population rate per group over time. */
	Img<ARGBType> rateTrace(MemberResult member);

	/** The best individual's parameter values per generation. */
	Img<ARGBType> trajectories(TuningResult result);

	/**
	 * Writes spikes, rates, run.json, the 8-bit raster TIFF (members as slices) and, for the first member,
	 * the colour raster and rate trace as PNG into {@code folder}.
	 */
	List<Path> save(BatchResult result, Path folder, double rasterBinMs) throws IOException;

	/** A tuner on the named backend (sharing the backend's simulator and its compiled networks). */
	Tuner tuner(String backend, int threads);

	/**
	 * Runs a tuning run; with a folder, streams its history there and writes the summary, the generations
	 * and the convergence plot (PNG and TIFF) at the end.
	 */
	default TuningResult tune(TuningConfig config, TuningListener listener, String backend, int threads,
		Path folder) throws IOException
	{
		return tune(config, listener, backend, threads, folder, false);
	}

	/**
	 * Like {@link #tune(TuningConfig, TuningListener, String, int, Path)}; with a folder, the run also keeps
	 * its checkpoint there ({@code checkpoint.json}, replaced after every generation; not for CMA-ES) and, with
	 * {@code resume}, goes on from it, keeping the history of the generations it had completed.
	 *
	 * @throws IllegalArgumentException with {@code resume} but no folder, or a checkpoint of another run
	 */
	TuningResult tune(TuningConfig config, TuningListener listener, String backend, int threads, Path folder,
		boolean resume) throws IOException;

	/** The GA study's Fig. 4 for a run: best and mean fitness, and diversity, per generation. */
	Img<ARGBType> convergencePlot(TuningResult result);

	/**
	 * Repeated GA runs over one setting (the GA study's Figs. 5 and 6); with a folder, writes the tables and
	 * the plot there.
	 */
	Sweeps.Result sweep(TuningConfig base, Sweeps.Setting setting, double[] values, int repeats, int validation,
		Sweeps.Progress progress, String backend, int threads, Path folder) throws IOException;

	/** A sweep's final errors, as the GA saw them and validated, mean +- sd per value. */
	Img<ARGBType> sweepPlot(Sweeps.Result result, String title);

	/**
	 * Spike trains from a file (CSV, SPIKY text, NWB units, AEDAT 2.0/3.1/4 events, ABF 2 sweeps; see {@code
	 * SpikeFiles}) over [start, stop]; {@code neurons <= 0} takes the count from the file, {@code stop <= start}
	 * ends just after the last spike.
	 */
	SpikeTrains openSpikeTrains(Path file, int neurons, double start, double stop) throws IOException;

	/**
	 * A raster of spike trains with named groups of consecutive neurons ({@code sizes}): groups named exc...
	 * red, inh... blue, others grey.
	 */
	Img<ARGBType> raster(SpikeTrains trains, List<String> groups, int[] sizes, double binMs);

	/** The population rate of each group of spike trains over time. */
	Img<ARGBType> rateTrace(SpikeTrains trains, List<String> groups, int[] sizes, double binMs);
}
