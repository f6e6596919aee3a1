package org.spiketune.io;

import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import org.spiketune.model.Checks;
import org.spiketune.model.NetworkSpec;
import org.spiketune.model.Presets;

/**
 * Network files: a whole {@link NetworkSpec} (groups, models with their distributions, projections,
 * plasticity, stimuli) as JSON, so that a network can be written once, edited by hand, kept beside its
 * results and simulated or tuned by name from every command, macro, script and the command line. The
 * layout is described in {@link NetworkJson} and {@code docs/NETWORK-FILES.md}; {@link #write} writes a
 * preset to start from.
 */
public final class NetworkFile {

	/**
	 * Largest file read, so that a file cannot make the reader hold more than a few hundred MiB (the parsed
	 * tree takes several times the text). Explicit weights of 4 million synapses fit.
	 */
	public static final long MAX_BYTES = 64L << 20;

	/** Deepest nesting of arrays and objects read; a network file needs about 6 levels. */
	static final int MAX_DEPTH = 64;

	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();
	private static final TypeAdapter<JsonElement> TREE = GSON.getAdapter(JsonElement.class);

	private NetworkFile() {}

	/**
	 * Reads a network file.
	 *
	 * @throws IOException when the file cannot be read, is larger than {@link #MAX_BYTES}, is not strict JSON,
	 *           or does not describe a valid network; the message names the file, the place in it
	 *           ({@code groups[1].model.a}) and the problem
	 */
	public static NetworkSpec read(final Path file) throws IOException {
		Checks.notNull("network file", file);
		final long size = Files.size(file);
		if (size > MAX_BYTES) {
			throw new IOException("network file " + file + " has " + size + " bytes; at most " + MAX_BYTES +
				" are read (weights that large belong in the code that builds the network)");
		}
		final String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
				.toString();
		}
		catch (final java.nio.charset.CharacterCodingException e) {
			throw new IOException("network file " + file + " is not UTF-8 text", e);
		}
		return parse(text, file.toString());
	}

	/** Reads a network from JSON text; {@code source} names it in messages. */
	public static NetworkSpec parse(final String json, final String source) throws IOException {
		Checks.notNull("network JSON", json);
		checkNesting(json, source);
		final JsonReader reader = new JsonReader(new StringReader(json));
		reader.setLenient(false);
		final JsonElement tree;
		try {
			tree = TREE.read(reader);
		}
		catch (final IOException | JsonParseException | IllegalStateException | NumberFormatException e) {
			throw new IOException("network file " + source + " is not valid JSON: " + gsonMessage(e), e);
		}
		final boolean more;
		try {
			more = reader.peek() != JsonToken.END_DOCUMENT;
		}
		catch (final IOException | IllegalStateException e) {
			throw new IOException("network file " + source + " has text after the network: " + gsonMessage(e), e);
		}
		if (more) throw new IOException("network file " + source + " has text after the network, at " + reader.getPath());
		final String duplicate = JsonKeys.firstDuplicate(new StringReader(json), false);
		if (duplicate != null) {
			throw new IOException("network file " + source + " gives the key " + duplicate + " twice; which value is " +
				"meant?");
		}
		try {
			return NetworkJson.fromJson(JsonValue.root(tree));
		}
		catch (final IllegalArgumentException e) {
			throw new IOException("network file " + source + ": " + e.getMessage(), e);
		}
	}

	/** Gson's message without its advice to programmers, and without a path of thousands of levels. */
	private static String gsonMessage(final Exception e) {
		final String message = String.valueOf(e.getMessage()).replace(
			"Use JsonReader.setLenient(true) to accept malformed JSON", "malformed JSON");
		return message.length() > 300 ? message.substring(0, 300) + "..." : message;
	}

	/**
	 * Refuses arrays and objects nested deeper than {@link #MAX_DEPTH} before parsing: the parser keeps a
	 * frame per level, so a file of brackets would otherwise cost far more memory than its size.
	 */
	private static void checkNesting(final String json, final String source) throws IOException {
		int depth = 0;
		boolean inString = false;
		for (int i = 0; i < json.length(); i++) {
			final char c = json.charAt(i);
			if (inString) {
				if (c == '\\') i++;
				else if (c == '"') inString = false;
			}
			else if (c == '"') inString = true;
			else if (c == '[' || c == '{') {
				if (++depth > MAX_DEPTH) {
					throw new IOException("network file " + source + " nests arrays or objects more than " + MAX_DEPTH +
						" levels deep (at character " + i + "); a network needs about 6");
				}
			}
			else if (c == ']' || c == '}') depth--;
		}
	}

	/** The network as JSON text, pretty-printed; doubles read back bit for bit. */
	public static String toJson(final NetworkSpec spec) {
		return GSON.toJson(NetworkJson.toJson(Checks.notNull("network", spec))) + "\n";
	}

	/** Writes a network file (to a temporary file beside it, then renamed, so a crash leaves no half file). */
	public static void write(final NetworkSpec spec, final Path file) throws IOException {
		final String json = toJson(spec);
		final Path parent = file.toAbsolutePath().getParent();
		if (parent != null) Files.createDirectories(parent);
		final Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".part");
		try {
			try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
				out.write(json);
			}
			Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	/**
	 * A preset by name, or the network in a file: what every command's "network" field accepts.
	 *
	 * @throws IllegalArgumentException when {@code presetOrFile} is neither a preset nor a readable network
	 *           file, with the reason
	 */
	public static NetworkSpec resolve(final String presetOrFile) {
		Checks.notNull("network", presetOrFile);
		final String name = presetOrFile.trim();
		if (Presets.names().contains(name)) return Presets.get(name);
		final Path file = Path.of(name);
		if (!name.toLowerCase(java.util.Locale.ROOT).endsWith(".json") && !Files.isRegularFile(file)) {
			throw new IllegalArgumentException("'" + name + "' is neither a preset (" + String.join(", ", Presets
				.names()) + ") nor a network file (.json)");
		}
		if (!Files.isRegularFile(file)) throw new IllegalArgumentException("network file " + file + " does not exist");
		try {
			return read(file);
		}
		catch (final IOException e) {
			throw new IllegalArgumentException(e.getMessage(), e);
		}
	}
}
