package org.spiketune.fiji;

import java.io.File;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.gui.GenericDialog;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;
import ij.plugin.frame.Recorder;
import ij.util.Tools;

import net.imglib2.RandomAccessibleInterval;

import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.convert.ConvertService;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.ModuleService;
import org.scijava.plugin.DefaultPluginFinder;
import org.scijava.plugin.PluginIndex;
import org.scijava.service.Service;
import org.scijava.widget.FileWidget;

/**
 * Runs SpikeTune's SciJava commands from plain ImageJ 1, where no imagej-legacy connects the two. The jar's
 * {@code plugins.config} lists every command under its own menu path and label, with the label as this
 * plug-in's argument, so {@code run("Tune Network", "generations=50 ...")} works the same in ImageJ 1 and
 * in Fiji (where imagej-legacy runs the SciJava command directly and this class is never used).
 * <ul>
 * <li>With macro options: the inputs are read from them by parameter name (booleans: present = true) and
 * missing ones take the command's defaults.</li>
 * <li>Without (from the menu): a dialog built from the command's parameters; its field labels are the
 * parameter names, so the macro recorder writes the same keys.</li>
 * <li>Truly headless ImageJ 1 ({@code -Djava.awt.headless=true}), where {@code run()} cannot work:
 * {@code call("org.spiketune.fiji.MacroBridge.run", "Tune Network", "generations=50 ...")}.</li>
 * </ul>
 * Image outputs are shown as images (batch-mode images inside macros), tables as tables; other outputs go
 * to the Log and to {@link #lastOutput}.
 */
public class MacroBridge implements PlugIn {

	private static Context context;
	private static final Map<String, String> LAST_OUTPUTS = new ConcurrentHashMap<>();

	@Override
	public void run(final String label) {
		final String options = Macro.getOptions();
		String failure;
		try {
			final String result = execute(label, options, options == null && !java.awt.GraphicsEnvironment
				.isHeadless());
			failure = result != null && result.startsWith("error:") ? result.substring(6).trim() : null;
		}
		catch (final RuntimeException e) {
			failure = "failed: " + e;
		}
		if (failure == null) return;
		IJ.log(label + ": " + failure);
		// In a macro, stop it here, as a failed built-in command would, rather than let its next step fail on
		// a missing result (which, with a display, opens a dialog that no one answers in a batch job).
		if (options != null) ij.macro.Interpreter.abort();
	}

	/**
	 * Runs the command labelled {@code label} with macro-style {@code options} ("key=value key2=[a b]");
	 * returns its non-image outputs as "name=value" lines, or "error: ..." when it was cancelled.
	 */
	public static String run(final String label, final String options) {
		return execute(label, options == null ? "" : options, false);
	}

	/** An output of the last command run through the bridge, as text (empty if there is none). */
	public static String lastOutput(final String name) {
		return LAST_OUTPUTS.getOrDefault(name, "");
	}

	private static String execute(final String label, final String options, final boolean dialog) {
		final Context ctx = context();
		final CommandInfo info = find(ctx, label);
		final Map<String, Object> inputs = dialog ? fromDialog(ctx, info) : fromOptions(ctx, info, options);
		if (inputs == null) return null; // dialog cancelled
		final ModuleService modules = ctx.service(ModuleService.class);
		final Module module = modules.createModule(info);
		for (final ModuleItem<?> output : info.outputs()) module.resolveOutput(output.getName());
		final Module done;
		try {
			done = modules.run(module, true, inputs).get();
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			return "error: interrupted";
		}
		catch (final java.util.concurrent.ExecutionException e) {
			throw new RuntimeException(label + " failed: " + e.getCause(), e.getCause());
		}
		if (done.getDelegateObject() instanceof org.scijava.Cancelable c && c.isCanceled()) {
			final String reason = c.getCancelReason();
			LAST_OUTPUTS.clear();
			LAST_OUTPUTS.put("error", reason == null ? "" : reason);
			return "error: " + reason;
		}
		return publish(info, done);
	}

	/** Shows images and tables; logs and remembers the rest. */
	private static String publish(final CommandInfo info, final Module done) {
		LAST_OUTPUTS.clear();
		final StringBuilder text = new StringBuilder();
		for (final ModuleItem<?> output : info.outputs()) {
			final Object value = done.getOutput(output.getName());
			if (value == null) continue;
			if (value instanceof RandomAccessibleInterval<?> image) {
				final ImagePlus imp = ImagePlusConverter.toImagePlus(image, output.getLabel(), null);
				imp.show();
			}
			else if (value instanceof ResultsTable table) {
				table.show(output.getLabel());
			}
			else {
				LAST_OUTPUTS.put(output.getName(), String.valueOf(value));
				text.append(output.getName()).append('=').append(value).append('\n');
				IJ.log(output.getLabel() + " = " + value);
			}
		}
		return text.toString();
	}

	/** The inputs named in {@code options}, converted to their types; the defaults for the rest. */
	private static Map<String, Object> fromOptions(final Context ctx, final CommandInfo info, final String options) {
		final ConvertService convert = ctx.service(ConvertService.class);
		final Map<String, Object> inputs = new LinkedHashMap<>();
		for (final ModuleItem<?> input : userInputs(info)) {
			final Class<?> type = input.getType();
			final String name = input.getName();
			if (type == boolean.class || type == Boolean.class) {
				inputs.put(name, isFlagSet(options, name));
				continue;
			}
			final String value = Macro.getValue(options, name, null);
			if (value == null) {
				inputs.put(name, input.getDefaultValue());
			}
			else if (File.class.equals(type)) {
				inputs.put(name, value.isEmpty() ? null : new File(value));
			}
			else {
				final Object converted = convert.convert(value, type);
				if (converted == null) {
					throw new IllegalArgumentException("option " + name + "=" + value + " is not a " + type.getSimpleName());
				}
				inputs.put(name, converted);
			}
		}
		return inputs;
	}

	/** ImageJ 1's convention: a checkbox is on when its key stands alone (or is given =true). */
	private static boolean isFlagSet(final String options, final String name) {
		final String value = Macro.getValue(options, name, null);
		if (value != null) return !value.equalsIgnoreCase("false");
		return (" " + options + " ").matches("(?s).*\\s" + java.util.regex.Pattern.quote(name) + "\\s.*");
	}

	/** A dialog with one field per input, labelled by the parameter name (the macro key). */
	private static Map<String, Object> fromDialog(final Context ctx, final CommandInfo info) {
		final GenericDialog gd = new GenericDialog(info.getTitle());
		final List<ModuleItem<?>> items = userInputs(info);
		for (final ModuleItem<?> input : items) {
			final Class<?> type = input.getType();
			final Object value = input.getDefaultValue();
			final String name = input.getName();
			if (input.getChoices() != null && !input.getChoices().isEmpty()) {
				final List<String> choices = new ArrayList<>();
				for (final Object c : input.getChoices()) choices.add(String.valueOf(c));
				gd.addChoice(name, choices.toArray(String[]::new), value == null ? choices.get(0) : value.toString());
			}
			else if (type == boolean.class || type == Boolean.class) {
				gd.addCheckbox(name, Boolean.TRUE.equals(value));
			}
			else if (Number.class.isAssignableFrom(box(type))) {
				final boolean whole = type == int.class || type == long.class || type == Integer.class || type == Long.class;
				gd.addNumericField(name, value == null ? 0 : ((Number) value).doubleValue(), whole ? 0 : 3, 10, null);
			}
			else if (File.class.equals(type)) {
				final String path = value == null ? "" : value.toString();
				if (FileWidget.DIRECTORY_STYLE.equals(input.getWidgetStyle())) gd.addDirectoryField(name, path, 20);
				else gd.addFileField(name, path, 20);
			}
			else {
				gd.addStringField(name, value == null ? "" : value.toString(), 20);
			}
			if (isText(input)) {
				// a text field spans two grid columns: a message in the same row would fall off the dialog
				gd.addMessage(input.getLabel(), SMALL);
			}
			else {
				gd.addToSameRow();
				gd.addMessage(input.getLabel());
			}
		}
		gd.showDialog();
		if (gd.wasCanceled()) return null;
		// Read the components themselves, not getNext*(): ImageJ 1's dispose() resets the getNext* counters
		// 25 ms after the dialog closes, and a read still going on then (the first conversion can take that
		// long) would shift every later value to another field.
		final Iterator<?> strings = gd.getStringFields().iterator(), numbers = gd.getNumericFields().iterator(),
			choices = gd.getChoices().iterator(), boxes = gd.getCheckboxes().iterator();
		final Map<String, Object> inputs = new LinkedHashMap<>();
		final ConvertService convert = ctx.service(ConvertService.class);
		for (final ModuleItem<?> input : items) {
			final Class<?> type = input.getType();
			final String name = input.getName();
			if (input.getChoices() != null && !input.getChoices().isEmpty()) {
				inputs.put(name, record(name, ((java.awt.Choice) choices.next()).getSelectedItem()));
			}
			else if (type == boolean.class || type == Boolean.class) {
				final boolean on = ((java.awt.Checkbox) boxes.next()).getState();
				if (on && Recorder.record) Recorder.recordOption(name);
				inputs.put(name, on);
			}
			else if (Number.class.isAssignableFrom(box(type))) {
				final String text = ((java.awt.TextField) numbers.next()).getText().trim();
				final double value = Tools.parseDouble(text);
				if (Double.isNaN(value)) throw new IllegalArgumentException(name + ": '" + text + "' is not a number");
				inputs.put(name, convert.convert(record(name, value), type));
			}
			else if (File.class.equals(type)) {
				final String path = ((java.awt.TextField) strings.next()).getText().trim();
				if (!path.isEmpty() && Recorder.record) Recorder.recordPath(name, path);
				inputs.put(name, path.isEmpty() ? null : new File(path));
			}
			else inputs.put(name, record(name, ((java.awt.TextField) strings.next()).getText()));
		}
		return inputs;
	}

	/** Adds a value to the macro the recorder writes, as ImageJ 1's own dialogs do. */
	private static <T> T record(final String name, final T value) {
		if (Recorder.record) {
			final String text = value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d
				.longValue()) : String.valueOf(value);
			Recorder.recordOption(name, text);
		}
		return value;
	}

	private static final java.awt.Font SMALL = new java.awt.Font("SansSerif", java.awt.Font.PLAIN, 11);

	/** Inputs shown as a text field (not a number, choice or checkbox). */
	private static boolean isText(final ModuleItem<?> input) {
		final Class<?> type = input.getType();
		return (input.getChoices() == null || input.getChoices().isEmpty()) && type != boolean.class &&
			type != Boolean.class && !Number.class.isAssignableFrom(box(type));
	}

	private static Class<?> box(final Class<?> type) {
		if (!type.isPrimitive()) return type;
		return switch (type.getName()) {
			case "int" -> Integer.class;
			case "long" -> Long.class;
			case "double" -> Double.class;
			case "float" -> Float.class;
			case "short" -> Short.class;
			case "byte" -> Byte.class;
			default -> type;
		};
	}

	private static List<ModuleItem<?>> userInputs(final CommandInfo info) {
		final List<ModuleItem<?>> items = new ArrayList<>();
		for (final ModuleItem<?> input : info.inputs()) {
			if (Service.class.isAssignableFrom(input.getType()) || Context.class.isAssignableFrom(input.getType())) {
				continue;
			}
			items.add(input);
		}
		return items;
	}

	private static CommandInfo find(final Context ctx, final String label) {
		for (final CommandInfo info : ctx.service(CommandService.class).getCommands()) {
			if (label.equals(info.getTitle()) && info.getClassName().startsWith("org.spiketune.")) return info;
		}
		throw new IllegalArgumentException("no SpikeTune command '" + label + "'");
	}

	/**
	 * Fiji's context when imagej-legacy is there, else one of our own, built from this plug-in's class loader
	 * (ImageJ 1 loads plug-ins through its own loader, which SciJava must search).
	 */
	static synchronized Context context() {
		if (context != null) return context;
		if (classExists("net.imagej.legacy.LegacyService")) {
			final Object legacy = IJ.runPlugIn("org.scijava.Context", "");
			if (legacy instanceof Context c) return context = c;
		}
		final ClassLoader loader = MacroBridge.class.getClassLoader();
		final Thread thread = Thread.currentThread();
		final ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(loader);
		try {
			context = new Context(new PluginIndex(new DefaultPluginFinder(loader)));
		}
		finally {
			thread.setContextClassLoader(previous);
		}
		return context;
	}

	private static boolean classExists(final String name) {
		try {
			Class.forName(name, false, MacroBridge.class.getClassLoader());
			return true;
		}
		catch (final ClassNotFoundException | LinkageError e) {
			return false;
		}
	}
}
