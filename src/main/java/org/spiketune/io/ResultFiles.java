package org.spiketune.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.GsonBuilder;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.spiketune.sim.BatchResult;
import org.spiketune.sim.MemberResult;
import org.spiketune.sim.PopulationRates;
import org.spiketune.sim.SpikeRecord;
import org.spiketune.spikes.io.SpikeCsv;

/**
 * Writes a batch's results into a folder: spike events per member ({@code spikes.csv}, or
 * {@code spikes-member-<i>.csv} for several members), rates per member and group ({@code rates.csv}) and
 * the run's description and metadata ({@code run.json}) and the network simulated ({@code network.json}, a
 * {@link NetworkFile} that simulates the same network again). Every file is written to a temporary name and
 * then moved into place, so a reader never sees half a file.
 */
public final class ResultFiles {

	/** The name of the simulated or tuned network's file in a results folder. */
	public static final String NETWORK = "network.json";

	private ResultFiles() {}

	/** Writes all files and returns their paths. */
	public static List<Path> write(final BatchResult result, final Path folder) throws IOException {
		Files.createDirectories(folder);
		final List<Path> written = new ArrayList<>();
		for (final MemberResult m : result.members()) {
			final String name = result.size() == 1 ? "spikes.csv" : "spikes-member-" + m.index() + ".csv";
			final SpikeRecord spikes = m.spikes();
			final double[] times = new double[spikes.count()];
			for (int k = 0; k < times.length; k++) times[k] = spikes.timeMs(k);
			written.add(atomically(folder.resolve(name), tmp -> SpikeCsv.write(tmp, spikes.neurons(), times)));
		}
		written.add(atomically(folder.resolve("rates.csv"), tmp -> writeRates(result, tmp)));
		written.add(atomically(folder.resolve("run.json"), tmp -> writeRun(result, tmp)));
		NetworkFile.write(result.request().network(), folder.resolve(NETWORK));
		written.add(folder.resolve(NETWORK));
		return written;
	}

	/** Writes {@code target} through a temporary file in the same folder and an atomic move. */
	public static Path atomically(final Path target, final FileWriter writer) throws IOException {
		final Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
		try {
			writer.write(tmp);
			Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
				java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(tmp);
		}
		return target;
	}

	/** Writes one file. */
	@FunctionalInterface
	public interface FileWriter {

		void write(Path file) throws IOException;
	}

	private static void writeRates(final BatchResult result, final Path file) throws IOException {
		try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8); CSVPrinter csv = CSVFormat.DEFAULT
			.builder().setHeader("member", "seed", "group", "neurons", "spikes", "rate_hz").setRecordSeparator('\n')
			.get().print(out))
		{
			for (final MemberResult m : result.members()) {
				final PopulationRates rates = m.rates();
				for (int g = 0; g < rates.groups().size(); g++) {
					final int size = result.request().network().groups().get(g).size();
					csv.printRecord(m.index(), m.member().seed(), rates.groups().get(g), size, rates.totalCount(g), rates
						.meanRateHz(g));
				}
				csv.printRecord(m.index(), m.member().seed(), "all", networkSize(result), m.spikes().count(), rates
					.meanRateHz());
			}
		}
	}

	/** Neurons that are not spike sources. */
	private static int networkSize(final BatchResult result) {
		return result.request().network().groups().stream().filter(g -> !g.model().isSource()).mapToInt(g -> g
			.size()).sum();
	}

	private static void writeRun(final BatchResult result, final Path file) throws IOException {
		final Map<String, Object> run = new LinkedHashMap<>();
		run.put("network", result.request().network().name());
		run.put("neurons", result.request().network().neuronCount());
		run.put("dt_ms", result.request().network().dtMs());
		run.put("duration_ms", result.request().durationMs());
		run.put("structure_seed", Long.toString(result.request().structureSeed()));
		run.put("backend", result.info().backend());
		run.put("device", result.info().device());
		run.put("threads", result.info().threads());
		run.put("build_ms", result.info().compileMs());
		run.put("simulate_ms", result.info().simulateMs());
		final List<Map<String, Object>> members = new ArrayList<>();
		for (final MemberResult m : result.members()) {
			final Map<String, Object> member = new LinkedHashMap<>();
			member.put("index", m.index());
			member.put("seed", Long.toString(m.member().seed()));
			member.put("parameters", m.member().parameters());
			member.put("spikes", m.spikes().count());
			member.put("rate_hz", m.rates().meanRateHz());
			final Map<String, Double> groups = new LinkedHashMap<>();
			for (int g = 0; g < m.rates().groups().size(); g++) {
				groups.put(m.rates().groups().get(g), m.rates().meanRateHz(g));
			}
			member.put("group_rates_hz", groups);
			if (m.faulted()) member.put("stopped", m.fault());
			members.add(member);
		}
		run.put("members", members);
		writeJson(run, file);
	}

	/** Maps, lists, strings and numbers as pretty-printed JSON (NaN and infinities kept as such). */
	static void writeJson(final Object value, final Path file) throws IOException {
		try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(value, out);
		}
	}
}
