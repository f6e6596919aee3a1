package org.spiketune.bench;

import java.util.Locale;

import org.spiketune.model.CarlsonV1;
import org.spiketune.model.NetworkSpec;
import org.spiketune.model.Protocol;
import org.spiketune.objective.V1Tuning;
import org.spiketune.sim.Simulator;
import org.spiketune.sim.cpu.CpuBackend;
import org.spiketune.tune.GenerationStats;
import org.spiketune.tune.Tuner;
import org.spiketune.tune.TuningConfig;
import org.spiketune.tune.TuningListener;
import org.spiketune.tune.TuningResult;
import org.spiketune.tune.V1Study;

/**
 * The V1 study tuned by the study's evolution strategy at a chosen scale:
 * {@code V1Report side repeats timeScale generations seed}; prints one line per generation and the best.
 */
public final class V1Report {

	public static void main(final String[] args) {
		final int side = Integer.parseInt(args[0]), repeats = Integer.parseInt(args[1]);
		final double scale = Double.parseDouble(args[2]);
		final int generations = Integer.parseInt(args[3]);
		final long seed = Long.parseLong(args[4]);
		final V1Study.Settings settings = new V1Study.Settings(side, repeats, scale, CarlsonV1.TEST_ORIENTATIONS);
		final Protocol protocol = settings.protocol();
		final NetworkSpec network = settings.network();
		final TuningConfig config = V1Study.tuning(settings, generations, seed);
		final V1Tuning objective = (V1Tuning) config.objective();
		final long start = System.nanoTime();
		System.out.printf(Locale.ROOT, "V1 %dx%d, %d neurons, protocol %.0f s (training %d x 40), ES 10+10, %d " +
			"generations, seed %d%n", side, side, network.neuronCount(), protocol.durationMs() / 1000, repeats,
			generations, seed);
		final TuningResult result = new Tuner(new Simulator(new CpuBackend())).run(config, new TuningListener() {

			@Override
			public void generation(final GenerationStats stats) {
				System.out.printf(Locale.ROOT, "generation %3d  best %.6f  mean %.6f  (%.0f s)%n", stats.generation(), stats
					.best(), stats.mean(), (System.nanoTime() - start) / 1e9);
			}
		});
		System.out.println("best fitness " + result.bestFitness());
		System.out.println("best components " + objective.components() + " = " + java.util.Arrays.toString(result
			.bestScore().components()));
		System.out.println("best parameters " + result.best());
	}
}
