package org.spiketune.io;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import org.spiketune.model.Checks;
import org.spiketune.tune.Checkpoint;
import org.spiketune.tune.CheckpointStore;

/**
 * Keeps a tuning run's checkpoint in one JSON file, replaced after every generation by writing a temporary
 * file beside it, forcing it to disk and renaming it over the old one: a crash at any moment leaves the last
 * whole checkpoint. Doubles are written so that they read back bit for bit.
 */
public final class CheckpointFile implements CheckpointStore {

	/** The checkpoint's name in a run's output folder. */
	public static final String NAME = "checkpoint.json";

	static final String FORMAT = "spiketune-checkpoint";
	static final int VERSION = 1;

	private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().create();

	/** The file's content: what it is, then the checkpoint. */
	private record Content(String format, int version, Checkpoint checkpoint) {}

	private final Path file;
	private final boolean resume;

	private CheckpointFile(final Path file, final boolean resume) {
		this.file = Checks.notNull("checkpoint file", file);
		this.resume = resume;
	}

	/**
	 * Checkpoints in {@code file}; with {@code resume} the run goes on from the file when it exists, else it
	 * starts fresh and replaces whatever the file held at its first completed generation.
	 */
	public static CheckpointFile of(final Path file, final boolean resume) {
		return new CheckpointFile(file, resume);
	}

	public Path file() {
		return file;
	}

	@Override
	public Optional<Checkpoint> load() {
		if (!resume || !Files.exists(file)) return Optional.empty();
		return Optional.of(read(file));
	}

	/**
	 * Reads a checkpoint file.
	 *
	 * @throws IllegalArgumentException naming the file, when it is not a whole checkpoint
	 * @throws UncheckedIOException when it cannot be read
	 */
	public static Checkpoint read(final Path file) {
		final Content content;
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			content = GSON.fromJson(in, Content.class);
		}
		catch (final IOException e) {
			throw new UncheckedIOException("could not read the checkpoint " + file + ": " + e.getMessage(), e);
		}
		catch (final RuntimeException e) { // Gson's parse errors, or the records refusing what was read
			Throwable reason = e;
			while (reason.getCause() != null && reason.getCause() != reason) reason = reason.getCause();
			throw new IllegalArgumentException("not a readable checkpoint: " + file + ": " + reason.getMessage(), e);
		}
		if (content == null || !FORMAT.equals(content.format())) {
			throw new IllegalArgumentException("not a SpikeTune checkpoint: " + file);
		}
		final String duplicate;
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			duplicate = JsonKeys.firstDuplicate(in, true);
		}
		catch (final IOException | IllegalStateException e) {
			throw new IllegalArgumentException("not a readable checkpoint: " + file + ": " + e.getMessage(), e);
		}
		if (duplicate != null) { // Gson kept the last value; a damaged or hand-edited file, not ours
			throw new IllegalArgumentException("checkpoint " + file + " gives the key " + duplicate + " twice");
		}
		if (content.version() != VERSION) {
			throw new IllegalArgumentException("checkpoint " + file + " has format version " + content.version() +
				"; this SpikeTune reads version " + VERSION);
		}
		if (content.checkpoint() == null) throw new IllegalArgumentException("checkpoint " + file + " holds no state");
		return content.checkpoint();
	}

	@Override
	public void save(final Checkpoint checkpoint) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			ResultFiles.atomically(file, tmp -> {
				try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
					GSON.toJson(new Content(FORMAT, VERSION, checkpoint), out);
				}
				try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
					channel.force(true);
				}
			});
		}
		catch (final IOException e) {
			throw new UncheckedIOException("could not write the checkpoint " + file + ": " + e.getMessage(), e);
		}
	}
}
