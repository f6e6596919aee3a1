package org.spiketune.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import net.imglib2.Dimensions;

import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.ModuleService;
import org.scijava.parse.Items;
import org.scijava.parse.ParseService;
import org.scijava.service.Service;

/**
 * The headless entry point, following Fiji's launcher convention:
 *
 * <pre>
 * spiketune --headless --run "Simulate Network" "preset='izhikevich2003',duration=1000,output='results'"
 * spiketune --list
 * </pre>
 *
 * The command is found by label, menu leaf or class name; options are SciJava's {@code key=value} syntax
 * (text in single quotes). Inputs not given take the command's defaults, never remembered dialog values, so
 * a batch job does what its command line says. Exit status: 0 done, 1 failed, 2 bad usage or input.
 */
public final class Main {

	private static final String USAGE = String.join("\n", //
		"usage: spiketune [--headless] --run <command> [\"key=value,key='text',...\"]", //
		"       spiketune --list        commands and their parameters", //
		"       spiketune --help");

	private Main() {}

	public static void main(final String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	/** Runs the command line and returns the exit status. */
	public static int run(final String[] args, final PrintStream out, final PrintStream err) {
		String command = null, options = "";
		boolean list = false;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--headless" -> System.setProperty("java.awt.headless", "true");
				case "--run" -> {
					if (i + 1 >= args.length) return usage(err, "--run needs a command");
					command = args[++i];
					if (i + 1 < args.length && !args[i + 1].startsWith("--")) options = args[++i];
				}
				case "--list" -> list = true;
				case "--help", "-h" -> {
					out.println(USAGE);
					return 0;
				}
				default -> {
					return usage(err, "unknown argument '" + args[i] + "'");
				}
			}
		}
		if (command == null && !list) return usage(err, "nothing to do");
		final Context context = new Context();
		try {
			if (list) {
				list(context, out);
				return 0;
			}
			return runCommand(context, command, options, out, err);
		}
		finally {
			context.dispose();
		}
	}

	private static int usage(final PrintStream err, final String problem) {
		err.println("spiketune: " + problem);
		err.println(USAGE);
		return 2;
	}

	private static int runCommand(final Context context, final String name, final String options,
		final PrintStream out, final PrintStream err)
	{
		final CommandInfo info = find(context, name);
		if (info == null) {
			err.println("spiketune: no command '" + name + "'; SpikeTune commands: " + String.join(", ", ours(context)
				.stream().map(CommandInfo::getTitle).toList()));
			return 2;
		}
		final Map<String, Object> inputs;
		try {
			inputs = inputs(context, info, options);
		}
		catch (final IllegalArgumentException e) {
			err.println("spiketune: " + info.getTitle() + ": " + e.getMessage());
			return 2;
		}
		final ModuleService modules = context.service(ModuleService.class);
		try {
			final Module module = modules.createModule(info);
			for (final ModuleItem<?> output : info.outputs()) module.resolveOutput(output.getName());
			final Module done = modules.run(module, true, inputs).get();
			if (isCanceled(done)) {
				err.println("spiketune: " + info.getTitle() + " was canceled: " + cancelReason(done));
				return 2;
			}
			for (final ModuleItem<?> output : info.outputs()) {
				out.println(output.getName() + " = " + describe(done.getOutput(output.getName())));
			}
			return 0;
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			err.println("spiketune: interrupted");
			return 1;
		}
		catch (final Exception e) {
			final Throwable cause = e.getCause() != null ? e.getCause() : e;
			err.println("spiketune: " + info.getTitle() + " failed: " + cause);
			return 1;
		}
	}

	private static boolean isCanceled(final Module module) {
		return module.getDelegateObject() instanceof org.scijava.Cancelable c && c.isCanceled();
	}

	private static String cancelReason(final Module module) {
		return module.getDelegateObject() instanceof org.scijava.Cancelable c ? c.getCancelReason() : "";
	}

	/** Parses the options and completes them with the command's defaults for every input not given. */
	static Map<String, Object> inputs(final Context context, final CommandInfo info, final String options) {
		final Map<String, Object> given = new LinkedHashMap<>();
		if (!options.isBlank()) {
			final Items items;
			try {
				items = context.service(ParseService.class).parse(options);
			}
			catch (final RuntimeException e) {
				throw new IllegalArgumentException("cannot read options \"" + options + "\": " + e.getMessage());
			}
			if (!items.isMap()) {
				throw new IllegalArgumentException("options must be key=value pairs separated by commas, e.g. " +
					"\"duration=1000,output='results'\"; got \"" + options + "\"");
			}
			given.putAll(items.asMap());
		}
		final Map<String, Object> inputs = new LinkedHashMap<>();
		final List<String> names = new ArrayList<>();
		for (final ModuleItem<?> input : info.inputs()) {
			if (!settable(input)) continue;
			names.add(input.getName());
			inputs.put(input.getName(), given.containsKey(input.getName()) ? given.remove(input.getName()) : input
				.getDefaultValue());
		}
		if (!given.isEmpty()) {
			throw new IllegalArgumentException("unknown option(s) " + given.keySet() + "; options: " + String.join(
				", ", names));
		}
		return inputs;
	}

	/** An input a user sets: not a service or the context, which SciJava fills in. */
	private static boolean settable(final ModuleItem<?> input) {
		return !Service.class.isAssignableFrom(input.getType()) && !Context.class.isAssignableFrom(input.getType());
	}

	private static CommandInfo find(final Context context, final String name) {
		final CommandService commands = context.service(CommandService.class);
		final CommandInfo byClass = commands.getCommand(name);
		if (byClass != null) return byClass;
		final String label = name.replace('_', ' ').trim();
		for (final CommandInfo info : commands.getCommands()) {
			if (label.equalsIgnoreCase(info.getTitle()) || info.getMenuPath() != null && info.getMenuPath()
				.getLeaf() != null && label.equalsIgnoreCase(info.getMenuPath().getLeaf().getName())) return info;
		}
		return null;
	}

	private static List<CommandInfo> ours(final Context context) {
		return context.service(CommandService.class).getCommands().stream().filter(c -> c.getClassName()
			.startsWith("org.spiketune.")).toList();
	}

	private static void list(final Context context, final PrintStream out) {
		for (final CommandInfo info : ours(context)) {
			out.println(info.getTitle() + "  (" + info.getMenuPath() + ")");
			for (final ModuleItem<?> input : info.inputs()) {
				if (!settable(input)) continue;
				out.printf(Locale.ROOT, "    %-12s %-10s %s (default: %s)%n", input.getName(), input.getType()
					.getSimpleName(), input.getLabel(), input.getDefaultValue());
			}
		}
	}

	private static String describe(final Object value) {
		if (value instanceof Dimensions d && value instanceof net.imglib2.RandomAccessibleInterval<?>) {
			final long[] dims = new long[d.numDimensions()];
			d.dimensions(dims);
			return "image " + java.util.Arrays.toString(dims);
		}
		final String table = org.spiketune.fiji.ResultsTables.text(value);
		if (table != null) return table;
		return String.valueOf(value);
	}
}
