package org.spiketune.fiji;

import java.awt.EventQueue;
import java.awt.event.KeyEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ij.IJ;
import ij.ImageJ;

/**
 * Cancels a macro's tuning run the way a user does: starts ImageJ 1 with SpikeTune installed, runs
 * {@code macros/tune_network.ijm} for many generations, and once two generations are on disk hands ImageJ's
 * window the Esc key. Writes report.txt (the log, how many generations were written, whether the macro's
 * thread ended) into the folder given as the first argument; the macro file is the second. Run by
 * {@code DialogIT} under xvfb-run.
 */
public final class MacroCancelDriver {

	private MacroCancelDriver() {}

	public static void main(final String[] args) throws Exception {
		final Path out = Path.of(args[0]);
		final Path tuning = out.resolve("tuning");
		Files.createDirectories(out);
		final List<String> report = new ArrayList<>();
		try {
			final ImageJ imagej = new ImageJ();
			waitFor(() -> imagej.isShowing(), "the ImageJ window");
			final Thread macro = new Thread(() -> IJ.runMacroFile(args[1], "out=[" + tuning +
				"] generations=1000 duration=200"), "macro");
			macro.start();
			final Path generations = tuning.resolve("generations.csv");
			waitFor(() -> lines(generations) >= 3, "two generations written");
			final int before = lines(generations) - 1;
			EventQueue.invokeAndWait(() -> imagej.keyPressed(new KeyEvent(imagej, KeyEvent.KEY_PRESSED, System
				.currentTimeMillis(), 0, KeyEvent.VK_ESCAPE, KeyEvent.CHAR_UNDEFINED)));
			report.add("generations when Esc was pressed: " + before);
			macro.join(120_000);
			report.add("macro ended: " + !macro.isAlive());
			report.add("generations written: " + (lines(generations) - 1));
			report.add("log: " + String.valueOf(IJ.getLog()).replace('\n', '|'));
			report.add("status: ok");
		}
		catch (final Throwable t) {
			report.add("log: " + String.valueOf(IJ.getLog()).replace('\n', '|'));
			report.add("status: failed: " + t);
		}
		Files.write(out.resolve("report.txt"), report);
		System.exit(report.get(report.size() - 1).equals("status: ok") ? 0 : 1);
	}

	private static int lines(final Path file) {
		try {
			return Files.exists(file) ? Files.readAllLines(file).size() : 0;
		}
		catch (final Exception e) {
			return 0; // being replaced or written: look again
		}
	}

	private static void waitFor(final java.util.function.BooleanSupplier condition, final String what)
		throws Exception
	{
		final long end = System.currentTimeMillis() + 120_000;
		while (!condition.getAsBoolean()) {
			if (System.currentTimeMillis() > end) throw new IllegalStateException("timed out waiting for " + what);
			Thread.sleep(50);
		}
	}
}
