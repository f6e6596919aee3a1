package org.spiketune.sim;

/**
 * A device failed while simulating (out of resources, lost, a driver error): the batch did not finish there,
 * but the request itself was fine, so it can run elsewhere (see {@link Simulator#Simulator(Backend, Backend)}).
 */
public final class DeviceFailure extends SimulationException {

	private static final long serialVersionUID = 1L;

	public DeviceFailure(final String message, final Throwable cause) {
		super(message, cause);
	}
}
