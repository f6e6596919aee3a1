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
import org.spiketune.sim.Backend;
import org.spiketune.sim.NetworkCompiler;
import org.spiketune.sim.cpu.CpuBackend;
import org.spiketune.sim.opencl.OpenClBackend;

/** Keeps the benchmark harness working; measures nothing. */
class EndToEndTest {

	/** One row per workload and backend; OpenCL, where there is one, counts the CPU backend's spikes. */
	@Test
	void harnessPrintsOneRowPerWorkloadAndBackend() throws Exception {
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
		final List<Backend> backends = EndToEnd.backends(List.of("cpu", "opencl"), out);
		try {
			final List<EndToEnd.Row> rows = new ArrayList<>();
			for (final EndToEnd.Workload w : EndToEnd.workloads(true)) {
				for (final Backend b : backends) rows.add(EndToEnd.measure(w, b, 0, 1));
			}
			EndToEnd.print(rows, backends, out);
			final String table = bytes.toString(StandardCharsets.UTF_8);
			assertTrue(table.contains("| W1 |") && table.contains("| W2 |") && table.contains("| W3 |"), table);
			assertEquals(OpenClBackend.available() ? 2 : 1, backends.size(), table);
			if (!OpenClBackend.available()) assertTrue(table.contains("(opencl left out: "), table);
			for (final EndToEnd.Row r : rows) {
				assertTrue(r.spikes() > 0 && r.synapticEvents() > r.spikes(), r.toString());
			}
			for (int i = 0; i + 1 < rows.size() && backends.size() == 2; i += 2) {
				assertEquals(rows.get(i).spikes(), rows.get(i + 1).spikes(), "same spikes on both backends");
			}
		}
		finally {
			for (final Backend b : backends) if (b instanceof AutoCloseable c) c.close();
		}
	}

	@Test
	void tuningRowRuns() {
		final EndToEnd.TuningRow r = EndToEnd.tuning(true, new CpuBackend(2));
		assertEquals(3, r.generations());
		assertTrue(r.simulateMs() > 0 && r.totalMs() >= r.simulateMs());
	}

	@Test
	void metricsRowsRun() {
		final List<MetricsBench.Row> rows = MetricsBench.run(true, 1);
		assertEquals(5, rows.size());
		for (final MetricsBench.Row r : rows) {
			assertTrue(r.parallelMs() > 0 && r.value() >= 0, r.toString());
		}
		final java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
		MetricsBench.print(rows, new java.io.PrintStream(text, true, java.nio.charset.StandardCharsets.UTF_8));
		assertTrue(text.toString(java.nio.charset.StandardCharsets.UTF_8).contains("| M1 | spike |"));
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
