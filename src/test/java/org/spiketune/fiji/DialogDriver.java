package org.spiketune.fiji;

import java.awt.Button;
import java.awt.Checkbox;
import java.awt.Choice;
import java.awt.Component;
import java.awt.Container;
import java.awt.Label;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.TextField;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import ij.IJ;
import ij.ImageJ;
import ij.WindowManager;
import ij.gui.GenericDialog;

/**
 * Drives ImageJ 1 like a user, on a (virtual) display: starts ImageJ with SpikeTune installed as a plug-in,
 * opens Plugins > SpikeTune > Tune Network from its menu entry, records the dialog's fields, screenshots
 * it, fills in small sizes, presses OK, waits for the result windows and screenshots them. Writes
 * report.txt, dialog.png and results.png into the folder given as argument; exits 1 on any failure.
 * Run by {@code DialogIT} under xvfb-run; also useful by hand.
 */
public final class DialogDriver {

	private DialogDriver() {}

	public static void main(final String[] args) throws Exception {
		final Path out = Path.of(args[0]);
		Files.createDirectories(out);
		final List<String> report = new ArrayList<>();
		try {
			drive(out, report);
			report.add("status: ok");
		}
		catch (final Throwable t) {
			report.add("log: " + String.valueOf(IJ.getLog()).replace('\n', '|'));
			report.add("status: failed: " + t);
			for (final StackTraceElement e : t.getStackTrace()) report.add("  at " + e);
		}
		Files.write(out.resolve("report.txt"), report);
		System.exit(report.get(report.size() - 1).equals("status: ok") ? 0 : 1);
	}

	private static void drive(final Path out, final List<String> report) throws Exception {
		final ImageJ imagej = new ImageJ();
		waitFor("the ImageJ window", () -> imagej.isShowing());
		final boolean inMenu = ij.Menus.getCommands().containsKey("Tune Network");
		report.add("menu entry 'Tune Network': " + inMenu);
		if (!inMenu) throw new IllegalStateException("Plugins > SpikeTune > Tune Network is not in the menus");
		final Thread command = new Thread(() -> IJ.run("Tune Network"), "tune-network");
		command.start();
		final GenericDialog dialog = (GenericDialog) waitForWindow("the Tune Network dialog", w -> w instanceof
			GenericDialog g && "Tune Network".equals(g.getTitle()));
		Thread.sleep(1000); // let it paint
		final Map<String, Component> fields = new LinkedHashMap<>();
		collectFields(dialog, fields, new String[1]);
		report.add("dialog fields: " + String.join(", ", fields.keySet()));
		java.awt.EventQueue.invokeAndWait(() -> {
			set(fields, "generations", "5");
			set(fields, "population", "10");
			set(fields, "duration", "200");
			set(fields, "confirm", "2");
			set(fields, "output", out.resolve("tuning").toString());
		});
		Thread.sleep(300);
		final List<String> values = new ArrayList<>();
		for (final Map.Entry<String, Component> f : fields.entrySet()) {
			final Component c = f.getValue();
			values.add(f.getKey() + "=" + (c instanceof TextField t ? t.getText() : c instanceof Choice ch ? ch
				.getSelectedItem() : c instanceof Checkbox b ? b.getState() : "?"));
		}
		report.add("values before OK: " + String.join(", ", values));
		// the whole screen: without a window manager the dialog may still move after it is first shown
		screenshot(new Rectangle(java.awt.Toolkit.getDefaultToolkit().getScreenSize()), out.resolve("dialog.png"));
		for (final Component c : all(dialog)) {
			if (c instanceof Button b && "OK".equals(b.getLabel().trim())) { // ImageJ pads it: "  OK  "
				b.dispatchEvent(new ActionEvent(b, ActionEvent.ACTION_PERFORMED, "OK"));
			}
		}
		command.join(180_000);
		if (command.isAlive()) throw new IllegalStateException("Tune Network did not finish in 180 s");
		waitFor("the result images", () -> WindowManager.getImageCount() >= 2);
		final List<String> titles = new ArrayList<>();
		for (final int id : WindowManager.getIDList()) titles.add(WindowManager.getImage(id).getTitle());
		for (final Window w : Window.getWindows()) {
			if (w.isShowing() && w instanceof ij.text.TextWindow t) titles.add("table: " + t.getTitle());
		}
		report.add("result windows: " + String.join(", ", titles));
		IJ.log("screenshot of the results");
		IJ.run("Tile");
		int y = 640;
		for (final Window w : Window.getWindows()) { // tables below the tiled images
			if (w.isShowing() && w instanceof ij.text.TextWindow t) {
				t.setBounds(t.getTitle().equals("Log") ? 820 : 0, y, 800, 500);
			}
		}
		Thread.sleep(1500);
		screenshot(new Rectangle(java.awt.Toolkit.getDefaultToolkit().getScreenSize()), out.resolve("results.png"));
		report.add("log: " + IJ.getLog().replace('\n', '|'));
	}

	/** Field components by the label before them (the parameter names). */
	private static void collectFields(final Container container, final Map<String, Component> fields,
		final String[] lastLabel)
	{
		for (final Component c : container.getComponents()) {
			if (c instanceof Label l) lastLabel[0] = l.getText().trim();
			else if (c instanceof TextField || c instanceof Choice) {
				if (lastLabel[0] != null && !fields.containsKey(lastLabel[0])) fields.put(lastLabel[0], c);
			}
			else if (c instanceof Checkbox box) fields.put(box.getLabel(), c);
			if (c instanceof Container inner && !(c instanceof TextField)) collectFields(inner, fields, lastLabel);
		}
	}

	private static void set(final Map<String, Component> fields, final String name, final String value) {
		if (!(fields.get(name) instanceof TextField field)) {
			throw new IllegalStateException("no text field '" + name + "' in the dialog; fields: " + fields.keySet());
		}
		field.setText(value);
	}

	private static List<Component> all(final Container container) {
		final List<Component> list = new ArrayList<>();
		for (final Component c : container.getComponents()) {
			list.add(c);
			if (c instanceof Container inner) list.addAll(all(inner));
		}
		return list;
	}

	private static void screenshot(final Rectangle area, final Path file) throws Exception {
		final BufferedImage image = new Robot().createScreenCapture(area);
		ImageIO.write(image, "png", file.toFile());
	}

	private static Window waitForWindow(final String what, final java.util.function.Predicate<Window> match)
		throws Exception
	{
		final Window[] found = new Window[1];
		waitFor(what, () -> {
			for (final Window w : Window.getWindows()) {
				if (w.isShowing() && match.test(w)) {
					found[0] = w;
					return true;
				}
			}
			return false;
		});
		return found[0];
	}

	private static void waitFor(final String what, final java.util.function.BooleanSupplier condition)
		throws Exception
	{
		final long end = System.currentTimeMillis() + 60_000;
		while (!condition.getAsBoolean()) {
			if (System.currentTimeMillis() > end) throw new IllegalStateException("timed out waiting for " + what);
			Thread.sleep(100);
		}
	}

}
