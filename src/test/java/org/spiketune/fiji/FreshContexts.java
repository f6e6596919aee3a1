package org.spiketune.fiji;

import org.scijava.Context;
import org.scijava.prefs.PrefService;

/** Contexts for command tests that remember nothing of earlier tests. */
final class FreshContexts {

	private FreshContexts() {}

	/**
	 * A new SciJava context with no remembered inputs: SciJava stores every run's inputs (under target/java-prefs
	 * in tests) and uses them where a later run passes none, which would make tests depend on their order.
	 */
	static Context create() {
		final Context context = new Context();
		context.service(PrefService.class).clearAll();
		return context;
	}
}
