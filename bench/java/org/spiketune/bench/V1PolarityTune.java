package org.spiketune.bench;

import java.util.List;
import java.util.Locale;

import org.spiketune.model.NetworkSpec;
import org.spiketune.model.Protocol;
import org.spiketune.objective.Objective;
import org.spiketune.objective.Score;
import org.spiketune.objective.V1Tuning;
import org.spiketune.sim.MemberResult;
import org.spiketune.sim.Simulator;
import org.spiketune.sim.cpu.CpuBackend;
import org.spiketune.tune.Algorithm;
import org.spiketune.tune.GenerationStats;
import org.spiketune.tune.ParameterSpace;
import org.spiketune.tune.StudySpaces;
import org.spiketune.tune.Termination;
import org.spiketune.tune.Tuner;
import org.spiketune.tune.TuningConfig;
import org.spiketune.tune.TuningListener;
import org.spiketune.tune.TuningResult;

/**
 * The study's evolution strategy (its 14 ranges, 10 + 10, the v1-tuning fitness) on {@link V1Polarity}'s
 * protocol, still gratings in both polarities: {@code V1PolarityTune side repeats generations seed}. A
 * neuron's rate at an orientation is the larger of its two polarities', so a network scores well only if it
 * is tuned to orientation whatever the contrast's sign, which the one-polarity set cannot ask (bench/README.md,
 * "Why the evolution strategy's networks all prefer 180°"). Prints each generation and the best network.
 */
public final class V1PolarityTune {

	public static void main(final String[] args) {
		final int side = Integer.parseInt(args[0]), repeats = Integer.parseInt(args[1]);
		final int generations = Integer.parseInt(args[2]);
		final long seed = Long.parseLong(args[3]);
		final Protocol protocol = V1Polarity.protocol(repeats, 1000, 250);
		final NetworkSpec network = V1Polarity.network(side, protocol, 0);
		final ParameterSpace space = StudySpaces.carlsonV1(side);
		final TuningConfig config = TuningConfig.of(network, space, new StrongerPolarity(network), Algorithm.Es
			.defaults(), Termination.generations(generations), protocol.durationMs(), seed);
		final TuningResult result = new Tuner(new Simulator(new CpuBackend())).run(config, new TuningListener() {

			@Override
			public void generation(final GenerationStats stats) {
				System.out.printf(Locale.ROOT, "generation %d: best %.6f mean %.6f sd %.6f (%.0f s)%n", stats
					.generation(), stats.best(), stats.mean(), stats.sd(), stats.elapsedMs() / 1000);
			}
		});
		final V1Tuning.Fitness best = V1Polarity.bothPolarityTests(network).fitness(result.bestScore());
		System.out.printf(Locale.ROOT, "best %.6f: decorr %.2f gauss %.0f max %.0f; preferred", best.value(), best
			.decorrelation(), best.gaussian(), best.maxRate());
		for (final double p : best.preferred()) System.out.printf(Locale.ROOT, " %.1f", Math.toDegrees(p));
		System.out.print("; peaks");
		for (final double r : best.maxRates()) System.out.printf(Locale.ROOT, " %.1f", r);
		System.out.println();
		final StringBuilder values = new StringBuilder();
		result.best().forEach((k, v) -> values.append(values.isEmpty() ? "" : ",").append(k).append('=').append(v));
		System.out.println("best parameters: " + values);
	}

	/** v1-tuning where each neuron's rate at an orientation is the larger of its two polarities'. */
	private static final class StrongerPolarity implements Objective {

		private final V1Tuning tests;
		private final double[] angles = V1Polarity.testAngles();

		StrongerPolarity(final NetworkSpec network) {
			tests = V1Polarity.bothPolarityTests(network);
		}

		@Override
		public String name() {
			return "v1-tuning (stronger polarity)";
		}

		@Override
		public boolean minimize() {
			return false;
		}

		@Override
		public List<String> components() {
			return tests.components();
		}

		@Override
		public List<String> objectives() {
			return tests.objectives();
		}

		@Override
		public List<String> spikeGroups() {
			return tests.spikeGroups();
		}

		@Override
		public double worst() {
			return tests.worst();
		}

		@Override
		public Score score(final MemberResult result) {
			return tests.score(V1Tuning.fitness(V1Polarity.strongerPolarity(tests.rates(result.spikes())), angles));
		}
	}
}
