package org.spiketune.spikes.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.code_intelligence.jazzer.junit.FuzzTest;

import org.spiketune.io.CheckpointFile;
import org.spiketune.io.NetworkFile;

/**
 * Coverage-guided fuzzing of every file reader with Jazzer: whatever the bytes, a reader returns or throws its
 * declared, clear exception ({@link IOException}; {@link IllegalArgumentException} for checkpoints). Any other
 * exception, a hang past the per-input timeout, or an out-of-memory error (an allocation driven by a size
 * field) is a finding and fails the test. In a normal test run each fuzz test replays its seed inputs
 * ({@code src/test/resources/org/spiketune/spikes/io/ReaderFuzzTestInputs/<test>/}); with
 * {@code JAZZER_FUZZ=1} it fuzzes for its {@code maxDuration} ({@code ReaderFuzzingIT} fuzzes each for it in
 * CI; {@code bench/fuzz N} fuzzes each N times as long, going on from the corpus in {@code .cifuzz-corpus}).
 */
class ReaderFuzzTest {

	/** A reader of one file, declared to throw only IOException. */
	private interface Reader {

		void read(Path file) throws IOException;
	}

	private static void read(final byte[] data, final String suffix, final Reader reader) throws IOException {
		final Path file = Files.createTempFile("spiketune-fuzz", suffix);
		try {
			Files.write(file, data);
			reader.read(file);
		}
		catch (final IOException e) {
			if (e.getMessage() == null || e.getMessage().isBlank()) throw new AssertionError("an error without a message", e);
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	@FuzzTest(maxDuration = "10s")
	void spikeCsv(final byte[] data) throws IOException {
		read(data, ".csv", f -> SpikeCsv.read(f, 0, 0, 1000));
	}

	@FuzzTest(maxDuration = "10s")
	void spikeText(final byte[] data) throws IOException {
		read(data, ".txt", f -> SpikeText.read(f, 1, 0, 1000));
	}

	@FuzzTest(maxDuration = "10s")
	void abf2(final byte[] data) throws IOException {
		read(data, ".abf", Abf2::read);
	}

	@FuzzTest(maxDuration = "10s")
	void aedat4(final byte[] data) throws IOException {
		read(data, ".aedat4", Aedat4::read);
	}

	@FuzzTest(maxDuration = "10s")
	void aedatLegacy(final byte[] data) throws IOException {
		read(data, ".aedat", AedatLegacy::read);
	}

	@FuzzTest(maxDuration = "10s")
	void nwbUnits(final byte[] data) throws IOException {
		read(data, ".nwb", f -> NwbUnits.read(f, 0, 0));
	}

	@FuzzTest(maxDuration = "10s")
	void traceText(final byte[] data) throws IOException {
		read(data, ".txt", TraceText::read);
	}

	@FuzzTest(maxDuration = "10s")
	void networkFile(final byte[] data) throws IOException {
		read(data, ".json", NetworkFile::read);
	}

	@FuzzTest(maxDuration = "10s")
	void checkpoint(final byte[] data) throws IOException {
		read(data, ".json", f -> {
			try {
				CheckpointFile.read(f);
			}
			catch (final IllegalArgumentException e) {
				if (e.getMessage() == null) throw new AssertionError("an error without a message", e);
			}
		});
	}
}
