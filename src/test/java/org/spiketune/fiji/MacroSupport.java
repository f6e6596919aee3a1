package org.spiketune.fiji;

import java.nio.file.Path;

/** Public access to the ImageJ 1 test installation for tests outside this package. */
public final class MacroSupport {

	private MacroSupport() {}

	public static boolean hasXvfb() {
		return ImageJ1Install.hasXvfb();
	}

	/** Installs ImageJ 1 with SpikeTune into {@code folder} and runs a macro there under Xvfb. */
	public static Result runInImageJ1(final Path folder, final Path macro, final String argument) throws Exception {
		final ImageJ1Install.Result r = ImageJ1Install.create(folder).batch(macro, argument, false);
		return new Result(r.status(), r.output());
	}

	public record Result(int status, String output) {}
}
