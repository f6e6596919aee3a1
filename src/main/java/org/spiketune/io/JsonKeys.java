package org.spiketune.io;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

import com.google.gson.stream.JsonReader;

/**
 * Finds a key that one JSON object gives twice. Gson keeps the last value without a word, which would hide
 * a mistake in a hand-edited file, so the readers of network files and checkpoints look for one first.
 */
final class JsonKeys {

	private JsonKeys() {}

	/**
	 * The first key that an object of {@code json} names twice, with its place ({@code "noise" at
	 * groups[1].noise}), or null. {@code lenient} lets NaN and Infinity through, as checkpoints write them.
	 *
	 * @throws IOException when {@code json} is not valid JSON (callers parse it first)
	 */
	static String firstDuplicate(final Reader json, final boolean lenient) throws IOException {
		final JsonReader reader = new JsonReader(json);
		reader.setLenient(lenient);
		final Deque<Set<String>> objects = new ArrayDeque<>();
		while (true) {
			switch (reader.peek()) {
				case BEGIN_OBJECT -> {
					reader.beginObject();
					objects.push(new HashSet<>());
				}
				case END_OBJECT -> {
					reader.endObject();
					objects.pop();
				}
				case BEGIN_ARRAY -> reader.beginArray();
				case END_ARRAY -> reader.endArray();
				case NAME -> {
					final String name = reader.nextName();
					if (!objects.peek().add(name)) {
						final String path = reader.getPath();
						return "\"" + name + "\" at " + (path.startsWith("$.") ? path.substring(2) : path);
					}
				}
				case END_DOCUMENT -> {
					return null;
				}
				default -> reader.skipValue();
			}
		}
	}
}
