package org.spiketune.fiji;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.view.Views;

import org.scijava.plugin.Plugin;
import org.scijava.script.ScriptService;
import org.scijava.service.AbstractService;
import org.scijava.service.Service;
import org.spiketune.img.Plots;
import org.spiketune.img.Rasters;
import org.spiketune.io.CheckpointFile;
import org.spiketune.io.ResultFiles;
import org.spiketune.io.SweepFiles;
import org.spiketune.io.TuningFiles;
import org.spiketune.spikes.SpikeTrains;
import org.spiketune.spikes.io.SpikeFiles;
import org.spiketune.tune.Algorithm;
import org.spiketune.tune.Checkpoint;
import org.spiketune.tune.CheckpointStore;
import org.spiketune.tune.Sweeps;
import org.spiketune.model.NamedValues;
import org.spiketune.model.NetworkSpec;
import org.spiketune.sim.BatchResult;
import org.spiketune.sim.MemberResult;
import org.spiketune.sim.SimulationRequest;
import org.spiketune.sim.Simulator;
import org.spiketune.sim.backends.Backends;
import org.spiketune.tune.Tuner;
import org.spiketune.tune.TuningConfig;
import org.spiketune.tune.TuningListener;
import org.spiketune.tune.TuningResult;

/** The default {@link SpikeTuneService}: keeps one simulator per backend so compiled networks are reused. */
@Plugin(type = Service.class)
public class DefaultSpikeTuneService extends AbstractService implements SpikeTuneService {

	private final Map<String, Simulator> simulators = new HashMap<>();

	@Override
	public void initialize() {
		// Groovy and Jython scripts work wherever this service does (Fiji has its own languages: no-op there),
		// and #@ SpikeTuneService resolves by its short name.
		ScriptLanguages.register(getContext(), "groovy", "py");
		final ScriptService scripts = getContext().getService(ScriptService.class);
		if (scripts != null) scripts.addAlias(SpikeTuneService.class);
	}

	@Override
	public synchronized Simulator simulator(final String backend, final int threads) {
		final String key = (backend == null ? "" : backend.trim().toLowerCase(java.util.Locale.ROOT)) + "/" + threads;
		return simulators.computeIfAbsent(key, k -> Backends.simulator(backend, threads));
	}

	/** Releases OpenCL devices when the context goes. */
	@Override
	public synchronized void dispose() {
		for (final Simulator s : simulators.values()) {
			if (s.backend() instanceof AutoCloseable device) {
				try {
					device.close();
				}
				catch (final Exception e) {
					java.util.logging.Logger.getLogger(getClass().getName()).warning("could not release " + s.backend()
						.device() + ": " + e);
				}
			}
		}
		simulators.clear();
	}

	@Override
	public SimulationRequest request(final NetworkSpec network, final double durationMs, final long seed,
		final int members, final String parameters)
	{
		if (members < 1) throw new IllegalArgumentException("members must be >= 1, got " + members);
		final Map<String, Double> values = NamedValues.parse(parameters);
		final List<Map<String, Double>> perMember = new ArrayList<>();
		for (int m = 0; m < members; m++) perMember.add(values);
		return SimulationRequest.batch(network, durationMs, seed, perMember);
	}

	@Override
	public BatchResult simulate(final SimulationRequest request, final String backend, final int threads) {
		return simulator(backend, threads).run(request);
	}

	@Override
	public Img<UnsignedByteType> raster(final MemberResult member, final double binMs) {
		return Rasters.raster(member.spikes(), binMs);
	}

	@Override
	public Tuner tuner(final String backend, final int threads) {
		return new Tuner(simulator(backend, threads));
	}

	@Override
	public TuningResult tune(final TuningConfig config, final TuningListener listener, final String backend,
		final int threads, final Path folder, final boolean resume) throws IOException
	{
		final Tuner tuner = tuner(backend, threads);
		if (folder == null) {
			if (resume) throw new IllegalArgumentException("resume needs the output folder of the run to go on with");
			return tuner.run(config, listener);
		}
		final CheckpointFile checkpoints = CheckpointFile.of(folder.resolve(CheckpointFile.NAME), resume);
		final CheckpointStore store = config.algorithm() instanceof Algorithm.CmaEs && !resume ? CheckpointStore.NONE
			: checkpoints;
		final Checkpoint resumed = store.load().orElse(null);
		if (resumed != null) resumed.checkContinues(config);
		try (TuningFiles files = TuningFiles.open(folder, config, resumed)) {
			final TuningResult result = tuner.run(config, TuningListener.all(files, listener), store);
			files.finish(result);
			final Img<ARGBType> plot = convergencePlot(result);
			TiffFiles.save(ImagePlusConverter.toImagePlus(plot, "convergence", null), folder.resolve(
				"convergence.tif"));
			PngFiles.save(plot, folder.resolve("convergence.png"));
			PngFiles.save(trajectories(result), folder.resolve("trajectories.png"));
			return result;
		}
	}

	@Override
	public Img<ARGBType> colorRaster(final BatchResult result, final int member, final double binMs) {
		return Rasters.colored(result.member(member).spikes(), binMs, Rasters.neuronColors(result.request()
			.network()));
	}

	@Override
	public Img<ARGBType> rateTrace(final MemberResult member) {
		return Plots.rateTrace(member.rates());
	}

	@Override
	public Img<ARGBType> trajectories(final TuningResult result) {
		return Plots.trajectories(result.generations(), result.config().space().names());
	}

	@Override
	public Img<ARGBType> convergencePlot(final TuningResult result) {
		return Plots.convergence(result.generations(), result.config().objective().fitnessLabel());
	}

	@Override
	public Sweeps.Result sweep(final TuningConfig base, final Sweeps.Setting setting, final double[] values,
		final int repeats, final int validation, final Sweeps.Progress progress, final String backend,
		final int threads, final Path folder) throws IOException
	{
		final Sweeps.Result result = Sweeps.run(tuner(backend, threads), base, setting, values, repeats, validation,
			progress);
		if (folder != null && !result.points().isEmpty()) {
			SweepFiles.write(result, folder);
			PngFiles.save(sweepPlot(result, setting.label()), folder.resolve("sweep-" + setting.name().toLowerCase() +
				".png"));
		}
		return result;
	}

	@Override
	public Img<ARGBType> sweepPlot(final Sweeps.Result r, final String title) {
		final List<Sweeps.Point> p = r.points();
		return Plots.errorBars(title, r.setting().label(), "error, mean +- sd over runs", r.values(), List.of(
			new Plots.Series("final best fitness (as the GA saw it)", p.stream().mapToDouble(Sweeps.Point::finalMean)
				.toArray(), p.stream().mapToDouble(Sweeps.Point::finalSd).toArray()), new Plots.Series(
					"best parameters on fresh networks", p.stream().mapToDouble(Sweeps.Point::validatedMean).toArray(), p
						.stream().mapToDouble(Sweeps.Point::validatedSd).toArray())));
	}

	@Override
	public SpikeTrains openSpikeTrains(final Path file, final int neurons, final double start, final double stop)
		throws IOException
	{
		return SpikeFiles.read(file, neurons, start, stop);
	}

	@Override
	public Img<ARGBType> raster(final SpikeTrains trains, final List<String> groups, final int[] sizes,
		final double binMs)
	{
		final int[] colors = new int[trains.size()];
		int offset = 0;
		for (int g = 0; g < groups.size(); g++) {
			final String name = groups.get(g);
			final int color = name.startsWith("exc") ? Rasters.EXCITATORY : name.startsWith("inh") ? Rasters.INHIBITORY
				: Rasters.OTHER;
			java.util.Arrays.fill(colors, offset, offset + sizes[g], color);
			offset += sizes[g];
		}
		return Rasters.colored(trains, binMs, colors);
	}

	@Override
	public Img<ARGBType> rateTrace(final SpikeTrains trains, final List<String> groups, final int[] sizes,
		final double binMs)
	{
		return Plots.rateTrace(org.spiketune.sim.PopulationRates.of(trains, groups, sizes, binMs));
	}

	@Override
	public List<Path> save(final BatchResult result, final Path folder, final double rasterBinMs)
		throws IOException
	{
		final List<Path> written = new ArrayList<>(ResultFiles.write(result, folder));
		final List<RandomAccessibleInterval<UnsignedByteType>> slices = new ArrayList<>();
		for (final MemberResult m : result.members()) slices.add(raster(m, rasterBinMs));
		final RandomAccessibleInterval<UnsignedByteType> stack = slices.size() == 1 ? slices.get(0) : Views.stack(
			slices);
		final double binMs = Rasters.binSteps(result.member(0).spikes(), rasterBinMs) * result.request().network()
			.dtMs();
		written.add(TiffFiles.save(ImagePlusConverter.toImagePlus(stack, "raster", ImagePlusConverter.calibration(
			binMs, "ms", "neuron")), folder.resolve("raster.tif")));
		written.add(PngFiles.save(colorRaster(result, 0, rasterBinMs), folder.resolve("raster.png")));
		written.add(PngFiles.save(rateTrace(result.member(0)), folder.resolve("rates.png")));
		return written;
	}
}
