package org.spiketune.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.spiketune.model.Presets;
import org.spiketune.sim.NetworkCompiler;

/** Keeps the benchmark harness working; measures nothing. */
class EndToEndTest {

	@Test
	void harnessPrintsOneRowPerWorkload() {
		final List<EndToEnd.Row> rows = new ArrayList<>();
		for (final EndToEnd.Workload w : EndToEnd.workloads(true)) rows.add(EndToEnd.measure(w, 0, 1));
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		EndToEnd.print(rows, new PrintStream(bytes, true, StandardCharsets.UTF_8));
		final String table = bytes.toString(StandardCharsets.UTF_8);
		assertTrue(table.contains("| W1 |") && table.contains("| W2 |") && table.contains("| W3 |"), table);
		for (final EndToEnd.Row r : rows) assertTrue(r.spikes() > 0 && r.synapticEvents() > r.spikes(), r.toString());
	}

	@Test
	void tuningRowRuns() {
		final EndToEnd.TuningRow r = EndToEnd.tuning(true);
		assertEquals(3, r.generations());
		assertTrue(r.simulateMs() > 0 && r.totalMs() >= r.simulateMs());
	}

	@Test
	void outDegreesCountEverySynapse() {
		final int[] degree = EndToEnd.outDegrees(NetworkCompiler.compile(Presets.izhikevich2003Sparse(2000, 100),
			1));
		long total = 0;
		for (final int d : degree) total += d;
		assertEquals(2000L * 100, total);
	}
}
