package org.spiketune.sim.opencl;

/**
 * Probes OpenCL, then divides by zero in compiled Java code: prints {@code opencl: true|false <reason>} and
 * {@code thrown: n of m}. Run in its own JVM by {@link PoclSignalsTest}; where PoCL has taken the JVM's SIGFPE
 * handler, some divisions return a number instead of throwing.
 */
public final class DivisionAfterProbe {

	private DivisionAfterProbe() {}

	static int divide(final int a, final int b) {
		return a / b;
	}

	public static void main(final String[] args) {
		System.out.println("opencl: " + OpenClBackend.available() + " " + OpenClPlatforms.unavailableReason().orElse(
			""));
		final int divisions = 2000;
		int thrown = 0;
		long sum = 0;
		for (int i = 0; i < divisions * 1000; i++) {
			try {
				sum += divide(i, i % 1000 == 999 ? 0 : 3);
			}
			catch (final ArithmeticException e) {
				thrown++;
			}
		}
		System.out.println("thrown: " + thrown + " of " + divisions + " (" + sum + ")");
	}
}
