package org.spiketune.tune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.spiketune.objective.Score;

class ScoreBookTest {

	private static Score score(final double value) {
		return Score.of(value, new double[] { value * 10 }, new double[] { value });
	}

	@Test
	void findsTheScoreThatGaveTheFitnessNotTheLatest() {
		final ScoreBook book = new ScoreBook();
		book.record(new double[] { 0.25, 0.5 }, score(3));
		book.record(new double[] { 0.25, 0.5 }, score(1));
		book.record(new double[] { 0.75, 0.5 }, score(2));
		assertEquals(3, book.of(new double[] { 0.25, 0.5 }, s -> s.value() == 3).value());
		assertEquals(30, book.of(new double[] { 0.25, 0.5 }, s -> s.value() == 3).component(0));
		assertEquals(1, book.of(new double[] { 0.25, 0.5 }, s -> s.value() == 1).value());
		assertEquals(2, book.of(new double[] { 0.75, 0.5 }, s -> true).value());
	}

	@Test
	void theLatestWhenNoneMatchesAndNullWhenNeverScored() {
		final ScoreBook book = new ScoreBook();
		book.record(new double[] { 0.1 }, score(3));
		book.record(new double[] { 0.1 }, score(4));
		assertEquals(4, book.of(new double[] { 0.1 }, s -> false).value(), "an older checkpoint kept one score");
		assertNull(book.of(new double[] { 0.2 }, s -> true));
	}

	@Test
	void aCheckpointKeepsEveryScoreInTheOrderRecorded() {
		final ScoreBook book = new ScoreBook();
		book.record(new double[] { 0.1 }, score(3));
		book.record(new double[] { 0.2 }, score(5));
		book.record(new double[] { 0.1 }, score(4));
		final List<Checkpoint.Evaluated> all = book.evaluated();
		assertEquals(3, all.size());
		assertArrayEquals(new double[] { 0.1 }, all.get(0).genes());
		assertEquals(3, all.get(0).value());
		assertEquals(4, all.get(1).value());
		assertArrayEquals(new double[] { 0.2 }, all.get(2).genes());
		final ScoreBook resumed = new ScoreBook();
		for (final Checkpoint.Evaluated e : all) resumed.record(e.genes(), e.score());
		assertEquals(3, resumed.of(new double[] { 0.1 }, s -> s.value() == 3).value());
		assertEquals(4, resumed.of(new double[] { 0.1 }, s -> false).value());
	}
}
