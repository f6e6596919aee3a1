package org.spiketune.spikes.io;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.io.PrintWriter;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Runs one fuzz test in this JVM ({@code FuzzOne <class>#<method>(byte[])}): Jazzer fuzzes only one test per
 * run, so {@code ReaderFuzzingIT} and {@code bench/fuzz} start one JVM per test with {@code JAZZER_FUZZ=1}.
 * Exit status 0: no finding; 1: a finding (the failure is printed); 2: nothing ran.
 */
public final class FuzzOne {

	private FuzzOne() {}

	public static void main(final String[] args) {
		final Launcher launcher = LauncherFactory.create();
		final SummaryGeneratingListener summary = new SummaryGeneratingListener();
		launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectMethod(args[0])).build(), summary);
		summary.getSummary().printTo(new PrintWriter(System.out, true));
		summary.getSummary().printFailuresTo(new PrintWriter(System.out, true), 30);
		System.exit(summary.getSummary().getTotalFailureCount() > 0 ? 1 : summary.getSummary()
			.getTestsSucceededCount() > 0 ? 0 : 2);
	}
}
