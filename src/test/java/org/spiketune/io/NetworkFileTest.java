package org.spiketune.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spiketune.Reliability;
import org.spiketune.model.CarlsonV1;
import org.spiketune.model.Izhikevich;
import org.spiketune.model.NetworkSpec;
import org.spiketune.model.NeuronGroup;
import org.spiketune.model.ParameterValue;
import org.spiketune.model.PoissonSource;
import org.spiketune.model.Presets;
import org.spiketune.model.Projection;
import org.spiketune.model.Synapse;
import org.spiketune.model.Topology;
import org.spiketune.model.Weights;
import org.spiketune.sim.BatchResult;
import org.spiketune.sim.ContractNetworks;
import org.spiketune.sim.SimulationRequest;
import org.spiketune.sim.Simulator;
import org.spiketune.sim.cpu.CpuBackend;

class NetworkFileTest {

	@TempDir
	Path dir;

	/** Uniform and normal distributions and explicit weights, which the contract network lacks. */
	private static NetworkSpec distributions() {
		final Izhikevich cell = new Izhikevich(ParameterValue.uniform(0.02, 0.1), ParameterValue.normal(0.2, 0.01),
			ParameterValue.of(-65), ParameterValue.of(2), ParameterValue.of(30), ParameterValue.of(-70));
		final double[] weights = new double[6];
		for (int i = 0; i < weights.length; i++) weights[i] = 0.1 * i + Math.PI / 7;
		return NetworkSpec.of("distributions", 0.25, List.of(NeuronGroup.of("in", 2, PoissonSource.of(30)),
			new NeuronGroup("cells", 3, cell, 4.5, 1.25, 2, 0.75)), List.of(Projection.of("w", "in", "cells", Topology
				.allToAll(), new Weights.Explicit(weights)).withGain(1.5).withSynapse(new Synapse.Receptors(Synapse
					.ampa(), Synapse.nmda(), 1, 0.5))));
	}

	@Test
	void everyKindOfNetworkReadsBackAsWritten() throws IOException {
		for (final NetworkSpec spec : List.of(ContractNetworks.everything(), distributions(), Presets.get(
			Presets.IZHIKEVICH_2003), Presets.get(Presets.IZHIKEVICH_2003_RANDOM), CarlsonV1.network(16)))
		{
			final Path file = dir.resolve(spec.name() + ".json");
			NetworkFile.write(spec, file);
			final NetworkSpec read = NetworkFile.read(file);
			// image frames are float arrays, which records compare by identity: compare the files instead
			assertEquals(NetworkFile.toJson(spec), NetworkFile.toJson(read), spec.name());
			if (spec.stimuli().stream().noneMatch(s -> s instanceof org.spiketune.model.Stimulus.ImageDrive)) {
				assertEquals(spec, read, spec.name());
			}
			assertEquals(spec.parameterNames(), read.parameterNames());
		}
	}

	@Test
	void aNetworkReadFromItsFileSimulatesExactlyAsTheOriginal() throws IOException {
		final NetworkSpec original = ContractNetworks.everything();
		final Path file = dir.resolve("contract.json");
		NetworkFile.write(original, file);
		final Simulator simulator = new Simulator(new CpuBackend(2));
		final BatchResult expected = simulator.run(SimulationRequest.batch(original, 300, 5, List.of(Map.of(), Map.of("izh.bias", 4.0))));
		final BatchResult actual = simulator.run(SimulationRequest.batch(NetworkFile.read(file), 300, 5, List.of(Map.of(), Map.of("izh.bias", 4.0))));
		for (int m = 0; m < 2; m++) {
			assertTrue(expected.member(m).spikes().count() > 100);
			assertTrue(expected.member(m).spikes().sameEvents(actual.member(m).spikes()), "member " + m);
		}
	}

	@Test
	void aHandWrittenFileMayLeaveOutWhatHasADefault() throws IOException {
		final NetworkSpec spec = NetworkFile.parse("""
			{"format": "spiketune-network", "version": 1, "name": "small", "dtMs": 0.5,
			 "groups": [
			   {"name": "in", "size": 10, "model": {"type": "poisson", "rate": 20}},
			   {"name": "rs", "size": 5, "model": {"type": "izhikevich", "a": 0.02, "b": 0.2, "c": -65, "d": 8,
			     "vpeak": 30, "vinit": -65}}],
			 "projections": [
			   {"name": "drive", "source": "in", "target": "rs",
			    "topology": {"type": "fixed-probability", "p": 0.5}, "weights": 2, "delay": 3}]}
			""", "small.json");
		assertEquals(0.5, spec.dtMs());
		final NeuronGroup rs = spec.group("rs");
		assertEquals(List.of(0.0, 0.0, 1, 1.0), List.of(rs.bias(), rs.noise(), rs.substeps(), rs.gain()));
		final Projection drive = spec.projection("drive");
		assertEquals(new Topology.FixedProbability(0.5, false), drive.topology());
		assertEquals(Weights.constant(2), drive.weights());
		assertEquals(3, drive.delay().minMs());
		assertEquals(Synapse.pulse(), drive.synapse());
		assertEquals(1, drive.gain());
		assertTrue(spec.stimuli().isEmpty());
		assertEquals(List.of("rs.bias", "rs.noise", "rs.gain", "rs.a", "rs.b", "rs.c", "rs.d", "rs.vpeak",
			"rs.vinit", "in.rate", "drive.gain", "drive.p").stream().sorted().toList(), spec.parameterNames().stream()
				.sorted().toList());
	}

	/** A damaged network file: what was done to it, its text, and the words its message must contain. */
	private record Damaged(String tried, String json, List<String> words) {}

	@Test
	void damagedFilesAreRefusedNamingThePlaceAndTheProblem() throws IOException {
		final String good = NetworkFile.toJson(distributions());
		final List<Damaged> cases = List.of( //
			new Damaged("its text cut in half", good.substring(0, good.length() / 2), List.of("not valid JSON")), //
			new Damaged("a misspelt key (nosie)", good.replace("\"noise\": 1.25", "\"nosie\": 1.25"), List.of(
				"groups[1]", "unknown key [nosie]")), //
			new Damaged("a key given twice (noise)", good.replace("\"noise\": 1.25", "\"noise\": 1.25, \"noise\": 2.5"),
				List.of("\"noise\" at groups[1].noise", "twice")), //
			new Damaged("a negative group size", good.replace("\"size\": 3", "\"size\": -3"), List.of(
				"groups[1].size", "from 1")), //
			new Damaged("a fractional group size", good.replace("\"size\": 3", "\"size\": 2.5"), List.of(
				"groups[1].size", "whole number")), //
			new Damaged("a group size of 3e12", good.replace("\"size\": 3", "\"size\": 3e12"), List.of(
				"groups[1].size", "2147483647")), //
			new Damaged("a bias of 1e999 (beyond double)", good.replace("\"bias\": 4.5", "\"bias\": 1e999"), List.of(
				"groups[1].bias", "out of range")), //
			new Damaged("a bias of NaN", good.replace("\"bias\": 4.5", "\"bias\": NaN"), List.of("not valid JSON",
				"groups[1].bias")), //
			new Damaged("a bias given as a string", good.replace("\"bias\": 4.5", "\"bias\": \"4.5\""), List.of(
				"groups[1].bias", "expected a number")), //
			new Damaged("a model parameter left out", good.replace("\"c\": -65.0,", ""), List.of("groups[1].model",
				"\"c\" is missing")), //
			new Damaged("an unknown model", good.replace("\"type\": \"izhikevich\"", "\"type\": \"hodgkin-huxley\""),
				List.of("groups[1].model.type", "unknown model", "adex")), //
			new Damaged("a negative standard deviation", good.replace("\"sd\": 0.01", "\"sd\": -0.01"), List.of(
				"groups[1].model.b", "sd")), //
			new Damaged("a projection to a group that does not exist", good.replace("\"target\": \"cells\"",
				"\"target\": \"nowhere\""), List.of("no target group 'nowhere'")), //
			new Damaged("a projection onto a Poisson source", good.replace("\"target\": \"cells\"",
				"\"target\": \"in\""), List.of("poisson source")), //
			new Damaged("another format name", good.replace("spiketune-network", "something-else"), List.of(
				"not a SpikeTune network")), //
			new Damaged("a newer version", good.replace("\"version\": 1", "\"version\": 7"), List.of("version 7",
				"newer")), //
			new Damaged("a second value after the network", good + "{}", List.of("text after the network")), //
			new Damaged("an array instead of an object", "[]", List.of("expected an object")), //
			new Damaged("nothing in it", "", List.of("not valid JSON")), //
			new Damaged("100 000 nested arrays", "[".repeat(100_000), List.of("more than 64 levels deep")), //
			new Damaged("a negative time step", good.replace("\"dtMs\": 0.25", "\"dtMs\": -0.25"), List.of("dtMs",
				"-0.25")), //
			new Damaged("a negative slow receptor scale", good.replace("\"slowScale\": 0.5", "\"slowScale\": -0.5"),
				List.of("projections[0].synapse", "slowScale", "-0.5")), //
			new Damaged("a pulse as a slow receptor", good.substring(0, good.lastIndexOf("\"conductance\"")) +
				"\"pulse\"" + good.substring(good.lastIndexOf("\"conductance\"") + "\"conductance\"".length()), List.of(
					"projections[0].synapse.slow", "a receptor must be a conductance, got \"pulse\"")));
		for (final Damaged c : cases) {
			final Path file = dir.resolve("damaged.json");
			Files.writeString(file, c.json());
			final IOException e = assertThrows(IOException.class, () -> NetworkFile.read(file), c.tried());
			assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
			for (final String word : c.words()) {
				assertTrue(e.getMessage().contains(word), c.tried() + ": expected '" + word + "' in: " + e.getMessage());
			}
			Reliability.record("Network files", "a network file with " + c.tried(), "IOException: " + e.getMessage()
				.replace(file.toString(), "damaged.json"));
		}
	}

	@Test
	void aFileTooLargeOrNotTextIsRefusedBeforeItIsParsed() throws IOException {
		final Path large = dir.resolve("large.json");
		try (RandomAccessFile sparse = new RandomAccessFile(large.toFile(), "rw")) {
			sparse.setLength(NetworkFile.MAX_BYTES + 1);
		}
		final IOException tooLarge = assertThrows(IOException.class, () -> NetworkFile.read(large));
		assertTrue(tooLarge.getMessage().contains("at most " + NetworkFile.MAX_BYTES), tooLarge.getMessage());
		Reliability.record("Network files", "a network file of 64 MiB + 1 byte", "IOException: " + tooLarge
			.getMessage().replace(large.toString(), "large.json"));
		final Path binary = dir.resolve("binary.json");
		Files.write(binary, new byte[] { '{', (byte) 0xC3, (byte) 0x28, '}' });
		final IOException notText = assertThrows(IOException.class, () -> NetworkFile.read(binary));
		assertTrue(notText.getMessage().contains("not UTF-8"), notText.getMessage());
	}

	@Test
	void aNetworkIsAPresetNameOrAFile() throws IOException {
		assertEquals(Presets.get(Presets.IZHIKEVICH_2003), NetworkFile.resolve(Presets.IZHIKEVICH_2003));
		final Path file = dir.resolve("mine.json");
		NetworkFile.write(distributions(), file);
		assertEquals(distributions(), NetworkFile.resolve(file.toString()));
		final IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> NetworkFile
			.resolve(dir.resolve("absent.json").toString()));
		assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
		final IllegalArgumentException neither = assertThrows(IllegalArgumentException.class, () -> NetworkFile
			.resolve("izhikevich2004"));
		assertTrue(neither.getMessage().contains("neither a preset"), neither.getMessage());
		Files.writeString(file, "{");
		final IllegalArgumentException damaged = assertThrows(IllegalArgumentException.class, () -> NetworkFile
			.resolve(file.toString()));
		assertTrue(damaged.getMessage().contains("not valid JSON"), damaged.getMessage());
	}

	@Test
	void writingReplacesAFileWholeAndLeavesNoTemporaryFile() throws IOException {
		final Path file = dir.resolve("sub").resolve("net.json");
		NetworkFile.write(distributions(), file);
		NetworkFile.write(Presets.get(Presets.IZHIKEVICH_2003), file);
		assertEquals(Presets.get(Presets.IZHIKEVICH_2003), NetworkFile.read(file));
		try (var files = Files.list(file.getParent())) {
			assertEquals(List.of(file), files.toList());
		}
		assertArrayEquals(NetworkFile.toJson(Presets.get(Presets.IZHIKEVICH_2003)).getBytes(StandardCharsets.UTF_8),
			Files.readAllBytes(file));
	}
}
