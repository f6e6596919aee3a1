package org.spiketune.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleItem;

/**
 * Macros and menus cannot drift from the commands: every key a macro passes is an input of the command it
 * names, and plugins.config lists exactly the commands' menu paths and labels.
 */
class MacroKeysTest {

	private static final Pattern RUN = Pattern.compile(
		"(?:run\\(|call\\(\"org\\.spiketune\\.fiji\\.MacroBridge\\.run\",\\s*)\"([^\"]+)\",\\s*(.*)\\);");
	private static final Pattern LITERAL = Pattern.compile("\"([^\"]*)\"");
	private static final Pattern KEY = Pattern.compile("(?:^|\\s)([a-z]+)=");
	private static Context context;

	@BeforeAll
	static void createContext() {
		context = new Context(CommandService.class);
	}

	@AfterAll
	static void disposeContext() {
		context.dispose();
	}

	private static List<CommandInfo> ours() {
		return context.service(CommandService.class).getCommands().stream().filter(c -> c.getClassName()
			.startsWith("org.spiketune.")).toList();
	}

	private static CommandInfo byLabel(final String label) {
		return ours().stream().filter(c -> c.getTitle().equals(label)).findFirst().orElse(null);
	}

	@Test
	void everyMacroKeyIsACommandInput() throws IOException {
		final List<Path> macros;
		try (Stream<Path> files = Files.list(Path.of("macros"))) {
			macros = files.filter(f -> f.toString().endsWith(".ijm")).sorted().toList();
		}
		assertFalse(macros.isEmpty());
		int calls = 0;
		for (final Path macro : macros) {
			final Matcher run = RUN.matcher(Files.readString(macro));
			while (run.find()) {
				final String label = run.group(1);
				if (label.startsWith("ij.")) continue;
				final CommandInfo info = byLabel(label);
				assertNotNull(info, macro + " runs '" + label + "', which is not a SpikeTune command");
				final Set<String> inputs = new TreeSet<>();
				for (final ModuleItem<?> input : info.inputs()) inputs.add(input.getName());
				final Matcher literal = LITERAL.matcher(run.group(2));
				while (literal.find()) {
					final String text = literal.group(1).replaceAll("\\[[^\\]]*\\]", "[]");
					final Matcher key = KEY.matcher(text);
					while (key.find()) {
						assertEquals(true, inputs.contains(key.group(1)), macro + ": '" + label + "' has no input '" + key
							.group(1) + "'; inputs: " + inputs);
					}
				}
				calls++;
			}
		}
		assertFalse(calls == 0, "the macros call commands");
	}

	@Test
	void pluginsConfigMatchesTheCommandsMenus() throws IOException {
		final List<String> entries = new ArrayList<>();
		try (InputStream in = MacroBridge.class.getResourceAsStream("/plugins.config")) {
			assertNotNull(in, "plugins.config is in the jar");
			for (final String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (!line.isBlank() && !line.startsWith("#")) entries.add(line.trim());
			}
		}
		final List<String> expected = new ArrayList<>();
		for (final CommandInfo info : ours()) {
			final String menu = info.getMenuPath().getMenuString(false).replace(" > ", ">");
			expected.add(menu + ", \"" + info.getTitle() + "\", org.spiketune.fiji.MacroBridge(\"" + info.getTitle() +
				"\")");
		}
		assertEquals(new TreeSet<>(expected), new TreeSet<>(entries));
	}
}
