package org.spiketune.sim;

/** A simulation that cannot run as requested (too large for memory, a backend failure), with the reason. */
public class SimulationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public SimulationException(final String message) {
		super(message);
	}

	public SimulationException(final String message, final Throwable cause) {
		super(message, cause);
	}
}
