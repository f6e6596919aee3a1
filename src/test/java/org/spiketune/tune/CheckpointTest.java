package org.spiketune.tune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.spiketune.Reliability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spiketune.io.CheckpointFile;
import org.spiketune.objective.RateTarget;

class CheckpointTest {

	@TempDir
	Path dir;

	/** A run stopped after {@code split} generations and resumed from its checkpoint ends as the whole run. */
	private void resumedEqualsWhole(final TuningConfig whole, final int split) {
		final TuningResult reference = TuningFixtures.tuner(2).run(whole);
		final Path file = dir.resolve("run-" + split + ".json");
		final TuningResult first = TuningFixtures.tuner(2).run(whole.withTermination(Termination.generations(split)),
			TuningListener.NONE, CheckpointFile.of(file, true));
		assertEquals(split, first.generations().size());
		assertEquals(split, CheckpointFile.read(file).generation());
		final TuningResult resumed = TuningFixtures.tuner(1).run(whole, TuningListener.NONE, CheckpointFile.of(file,
			true));
		assertSameRun(reference, resumed);
	}

	static void assertSameRun(final TuningResult expected, final TuningResult actual) {
		assertEquals(expected.best(), actual.best());
		assertEquals(expected.bestFitness(), actual.bestFitness());
		assertEquals(expected.evaluations(), actual.evaluations());
		assertEquals(expected.reason(), actual.reason());
		assertEquals(expected.generations().size(), actual.generations().size());
		for (int g = 0; g < expected.generations().size(); g++) {
			final GenerationStats a = expected.generations().get(g), b = actual.generations().get(g);
			assertEquals(a.generation(), b.generation());
			assertEquals(a.best(), b.best(), "best of generation " + a.generation());
			assertEquals(a.mean(), b.mean(), "mean of generation " + a.generation());
			assertEquals(a.sd(), b.sd());
			assertEquals(a.diversity(), b.diversity());
			assertArrayEquals(a.bestValues(), b.bestValues());
			assertEquals(a.totalEvaluations(), b.totalEvaluations());
		}
		assertEquals(expected.pareto().size(), actual.pareto().size());
		for (int i = 0; i < expected.pareto().size(); i++) {
			assertEquals(expected.pareto().get(i).values(), actual.pareto().get(i).values());
			assertArrayEquals(expected.pareto().get(i).objectives(), actual.pareto().get(i).objectives());
		}
	}

	@Test
	void aResumedGaEndsExactlyAsTheWholeRun() {
		resumedEqualsWhole(TuningFixtures.rateProblem(new Algorithm.Ga(8, 1, 0.9, 1, 0.1), 7, 21), 3);
	}

	@Test
	void aResumedEsEndsExactlyAsTheWholeRunWithSeveralSamplesAndConfirmation() {
		resumedEqualsWhole(TuningFixtures.rateProblem(new Algorithm.Es(3, 6, 2, 0.5, 0.4, 0.2), 6, 22).withNoise(
			NoiseHandling.none().withSamples(2).withReevaluation(true).withConfirmation(2)), 2);
	}

	@Test
	void aResumedNsga2EndsWithTheSameFront() {
		final TuningConfig config = new TuningConfig(TuningFixtures.NETWORK, ParameterSpace.parse(
			"exc.bias=-5:5, inh.bias=-5:5"), RateTarget.perGroup(Map.of("exc", 5.0, "inh", 20.0)), new Algorithm.Nsga2(8,
				0.9, 0.5, 0.1), Termination.generations(5), 200, 23, NoiseHandling.none());
		resumedEqualsWhole(config, 2);
	}

	/** A kill just after the listener hears of generation g must find g's checkpoint (CheckpointKillIT relies on it). */
	@Test
	void aGenerationIsCheckpointedBeforeListenersHearOfIt() {
		final TuningConfig config = TuningFixtures.rateProblem(new Algorithm.Ga(6, 1, 0.9, 1, 0.1), 4, 25);
		final Path file = dir.resolve("heard.json");
		final List<String> heard = new java.util.ArrayList<>();
		TuningFixtures.tuner(2).run(config, new TuningListener() {

			@Override
			public void generation(final GenerationStats stats) {
				heard.add(stats.generation() + ":" + (Files.exists(file) ? CheckpointFile.read(file).generation() : -1));
			}
		}, CheckpointFile.of(file, true));
		assertEquals(List.of("1:1", "2:2", "3:3", "4:4"), heard);
	}

	@Test
	void aCancelledRunResumesWhereItStopped() {
		final TuningConfig config = TuningFixtures.rateProblem(new Algorithm.Ga(8, 1, 0.9, 1, 0.1), 6, 24);
		final TuningResult reference = TuningFixtures.tuner(2).run(config);
		final Path file = dir.resolve("cancelled.json");
		final TuningListener cancelAfterTwo = new TuningListener() {

			private int generations;

			@Override
			public void generation(final GenerationStats stats) {
				generations++;
			}

			@Override
			public boolean cancelled() {
				return generations >= 2;
			}
		};
		final TuningResult cancelled = TuningFixtures.tuner(2).run(config, cancelAfterTwo, CheckpointFile.of(file,
			true));
		assertEquals(Termination.Reason.CANCELLED, cancelled.reason());
		Reliability.record("Cancel and resume", "a run cancelled after generation 2, then resumed",
			"best so far and 2 generations of history kept; the resumed run equals the run never cancelled");
		assertEquals(2, cancelled.generations().size(), "best-so-far and history kept");
		assertSameRun(reference, TuningFixtures.tuner(2).run(config, TuningListener.NONE, CheckpointFile.of(file, true)));
	}

	@Test
	void aFinishedRunResumedGivesItsResultWithoutSimulating() {
		final TuningConfig config = TuningFixtures.rateProblem(new Algorithm.Ga(6, 1, 0.9, 1, 0.1), 3, 25);
		final Path file = dir.resolve("done.json");
		final TuningResult done = TuningFixtures.tuner(2).run(config, TuningListener.NONE, CheckpointFile.of(file, true));
		final TuningFixtures.Recorder recorder = new TuningFixtures.Recorder();
		final TuningResult again = TuningFixtures.tuner(2).run(config, recorder, CheckpointFile.of(file, true));
		assertSameRun(done, again);
		assertTrue(recorder.evaluations.isEmpty(), "nothing simulated again");
	}

	@Test
	void withoutResumeAnExistingCheckpointIsReplaced() throws Exception {
		final TuningConfig config = TuningFixtures.rateProblem(new Algorithm.Ga(6, 1, 0.9, 1, 0.1), 2, 26);
		final Path file = dir.resolve("replaced.json");
		TuningFixtures.tuner(2).run(config.withSeed(99), TuningListener.NONE, CheckpointFile.of(file, false));
		final TuningResult fresh = TuningFixtures.tuner(2).run(config, TuningListener.NONE, CheckpointFile.of(file,
			false));
		assertSameRun(TuningFixtures.tuner(2).run(config), fresh);
		assertEquals("26", CheckpointFile.read(file).run().get("seed"));
	}

	@Test
	void theFileReadsBackBitForBit() throws Exception {
		final Path file = dir.resolve("exact.json");
		TuningFixtures.tuner(2).run(TuningFixtures.rateProblem(new Algorithm.Ga(6, 1, 0.9, 1, 0.1), 2, 27),
			TuningListener.NONE, CheckpointFile.of(file, true));
		final Checkpoint read = CheckpointFile.read(file);
		final Path copy = dir.resolve("copy.json");
		CheckpointFile.of(copy, true).save(read);
		assertEquals(Files.readString(file), Files.readString(copy));
		assertEquals(2, read.history().size());
		assertEquals(6, read.population().size());
		assertFalse(Files.exists(dir.resolve("exact.json.tmp")), "no temporary file left");
	}

	@Test
	void anotherRunsCheckpointIsRefusedNamingTheDifference() {
		final TuningConfig config = TuningFixtures.rateProblem(new Algorithm.Ga(6, 1, 0.9, 1, 0.1), 2, 28);
		final Path file = dir.resolve("other.json");
		TuningFixtures.tuner(2).run(config, TuningListener.NONE, CheckpointFile.of(file, true));
		final IllegalArgumentException seed = assertThrows(IllegalArgumentException.class, () -> TuningFixtures.tuner(2)
			.run(config.withSeed(29), TuningListener.NONE, CheckpointFile.of(file, true)));
		assertTrue(seed.getMessage().contains("seed is 28, this run's is 29"), seed.getMessage());
		Reliability.record("Checkpoints", "resume from another run's checkpoint (another seed)",
			"IllegalArgumentException: " + seed.getMessage());
		final TuningConfig twoParameters = new TuningConfig(config.network(), ParameterSpace.parse(
			"exc.bias=-5:5, inh.bias=-5:5"), config.objective(), config.algorithm(), config.termination(), config
				.durationMs(), config.seed(), config.noise());
		final IllegalArgumentException space = assertThrows(IllegalArgumentException.class, () -> TuningFixtures.tuner(
			2).run(twoParameters, TuningListener.NONE, CheckpointFile.of(file, true)));
		assertTrue(space.getMessage().contains("parameters"), space.getMessage());
	}

	@Test
	void damagedFilesAreClearErrorsNamingTheFile() throws Exception {
		final TuningConfig config = TuningFixtures.rateProblem(new Algorithm.Ga(6, 1, 0.9, 1, 0.1), 2, 30);
		final Path good = dir.resolve("good.json");
		TuningFixtures.tuner(2).run(config, TuningListener.NONE, CheckpointFile.of(good, true));
		final String json = Files.readString(good);
		final Map<String, String> damaged = Map.of( //
			"truncated", json.substring(0, json.length() / 2), //
			"empty", "", //
			"not json", "GIF89a\u0000\u0001", //
			"another format", json.replace("spiketune-checkpoint", "something-else"), //
			"a later version", json.replace("\"version\":1", "\"version\":7"), //
			"a key given twice", json.replaceFirst("\"version\":1", "\"version\":1,\"version\":1"), //
			"no population", json.replaceAll("\"population\":\\[[^\\]]*\\](,\\{[^}]*\\})*\\]?", "\"population\":null"));
		for (final Map.Entry<String, String> e : damaged.entrySet()) {
			final Path file = dir.resolve(e.getKey().replace(' ', '-') + ".json");
			Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
			final IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> TuningFixtures
				.tuner(2).run(config, TuningListener.NONE, CheckpointFile.of(file, true)), e.getKey());
			assertTrue(error.getMessage().contains(file.toString()) || error.getMessage().contains("checkpoint"), e
				.getKey() + ": " + error.getMessage());
			if (e.getKey().endsWith("twice")) assertTrue(error.getMessage().contains("\"version\" at version twice"),
				error.getMessage());
			Reliability.record("Checkpoints", "resume from a checkpoint file: " + e.getKey(), "IllegalArgumentException: " +
				error.getMessage());
		}
		final Checkpoint read = CheckpointFile.read(good);
		final Checkpoint.Individual outside = new Checkpoint.Individual(new double[] { 1.5 }, new double[] { 1 }, 1);
		final Checkpoint bad = new Checkpoint(read.run(), read.generation(), read.startGeneration(), read.startDirty(), read
			.evaluatorCalls(), List.of(outside), read.history(), read.evaluated(), read.evaluations(), read.simulateMs(),
			read.elapsedMs(), read.bestEver(), read.steady());
		final IllegalArgumentException gene = assertThrows(IllegalArgumentException.class, () -> bad.checkContinues(
			config));
		assertTrue(gene.getMessage().contains("outside [0, 1]"), gene.getMessage());
		Reliability.record("Checkpoints", "resume from a checkpoint with a gene outside [0, 1]",
			"IllegalArgumentException: " + gene.getMessage());
	}

	@Test
	void cmaEsRefusesCheckpointsSayingWhy() {
		final TuningConfig config = TuningFixtures.rateProblem(new Algorithm.CmaEs(6, 1, 0.3), 2, 31);
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TuningFixtures.tuner(2)
			.run(config, TuningListener.NONE, CheckpointFile.of(dir.resolve("cma.json"), true)));
		assertTrue(e.getMessage().contains("cma-es"), e.getMessage());
		Reliability.record("Checkpoints", "checkpoints asked of a cma-es run", "IllegalArgumentException: " + e
			.getMessage());
	}
}
