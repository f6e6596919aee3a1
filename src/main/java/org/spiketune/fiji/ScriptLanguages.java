package org.spiketune.fiji;

import java.util.ArrayList;
import java.util.List;

import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;

import org.scijava.Context;
import org.scijava.script.AdaptedScriptLanguage;
import org.scijava.script.ScriptLanguage;
import org.scijava.script.ScriptService;

/**
 * Makes the JSR-223 engines on the class path (Groovy, Jython) available to SciJava's
 * {@link ScriptService}, which since 2016 only knows languages registered as plugins. Inside Fiji those
 * plugins exist (scripting-groovy, scripting-jython) and nothing is registered; outside it (headless runs,
 * plain ImageJ 1, tests) this is what lets {@code #@} scripts run.
 */
public final class ScriptLanguages {

	private ScriptLanguages() {}

	/** Registers an adapted language for each extension that has none yet; returns the names registered. */
	public static List<String> register(final Context context, final String... extensions) {
		final ScriptService scripts = context.getService(ScriptService.class);
		final List<String> added = new ArrayList<>();
		if (scripts == null) return added;
		final ScriptEngineManager manager = new ScriptEngineManager(Context.getClassLoader());
		for (final String extension : extensions) {
			if (scripts.getLanguageByExtension(extension) != null) continue;
			for (final ScriptEngineFactory factory : manager.getEngineFactories()) {
				if (!factory.getExtensions().contains(extension)) continue;
				final ScriptLanguage language = new AdaptedScriptLanguage(factory);
				language.setContext(context);
				scripts.getIndex().add(language, true);
				added.add(factory.getLanguageName());
				break;
			}
		}
		return added;
	}
}
