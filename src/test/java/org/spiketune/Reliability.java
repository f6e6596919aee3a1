package org.spiketune;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * The reliability table: tests that try bad input or inject a fault call {@link #record} with what they
 * tried and what happened, as they saw it; when a test JVM finishes, this listener (registered in
 * {@code META-INF/services}) writes every row recorded so far, unit tests' and integration tests', to
 * {@code target/reliability.md}. Copied to {@code docs/RELIABILITY.md}, it is the project's table.
 */
public final class Reliability implements TestExecutionListener {

	private static final Path ROWS = Path.of("target", "reliability", "rows.tsv");
	private static final Path TABLE = Path.of("target", "reliability.md");

	/** Records one row: the area, what was tried, and the outcome (an error's message, what the run did). */
	public static synchronized void record(final String area, final String tried, final String outcome) {
		final String row = String.join("\t", clean(area), clean(tried), clean(outcome, 300), caller()) + "\n";
		try {
			Files.createDirectories(ROWS.getParent());
			Files.writeString(ROWS, row, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The test class and method that recorded a row. */
	private static String caller() {
		for (final StackTraceElement e : Thread.currentThread().getStackTrace()) {
			if (e.getClassName().startsWith("org.spiketune") && !e.getClassName().equals(Reliability.class.getName()) &&
				(e.getClassName().endsWith("Test") || e.getClassName().endsWith("IT")))
			{
				return e.getClassName().substring(e.getClassName().lastIndexOf('.') + 1) + "." + e.getMethodName().replaceAll(
					"lambda\\$(\\w+)\\$\\d+", "$1");
			}
		}
		return "";
	}

	private static String clean(final String text) {
		return clean(text, 160);
	}

	/** One line, no table breakers, temporary paths left out, at most {@code max} characters. */
	private static String clean(final String text, final int max) {
		String s = String.valueOf(text).replaceAll("\\s+", " ").replace("|", "/").replace("\t", " ");
		s = s.replaceAll("/tmp/[^\\s:,;)]*/", "…/").replaceAll("/work/[^\\s:,;)]*/", "…/");
		return s.length() > max ? s.substring(0, max - 1) + "…" : s;
	}

	@Override
	public void testPlanExecutionFinished(final TestPlan plan) {
		if (!Files.exists(ROWS)) return;
		try {
			final Map<String, TreeSet<String>> byArea = new TreeMap<>();
			for (final String line : Files.readAllLines(ROWS, StandardCharsets.UTF_8)) {
				final String[] f = line.split("\t", -1);
				if (f.length < 4) continue;
				byArea.computeIfAbsent(f[0], k -> new TreeSet<>()).add("| " + f[1] + " | " + f[2] + " | `" + f[3] + "` |");
			}
			final List<String> out = new ArrayList<>(List.of("# Reliability", "",
				"Written by the tests (`org.spiketune.Reliability`) at the end of `mvn verify`: each row is an input a " +
					"test tried or a fault it injected, and what SpikeTune did, as the test saw it and asserted. " +
					"Regenerate with `mvn -B clean verify`, then copy `target/reliability.md` here.", ""));
			for (final Map.Entry<String, TreeSet<String>> e : byArea.entrySet()) {
				out.add("## " + e.getKey());
				out.add("");
				out.add("| tried | outcome | test |");
				out.add("|---|---|---|");
				out.addAll(e.getValue());
				out.add("");
			}
			Files.write(TABLE, out, StandardCharsets.UTF_8);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
