package org.spiketune.sim.cpu;

import org.spiketune.sim.Backend;
import org.spiketune.sim.BackendContract;

/** The contract on the CPU backend with several threads (the reference runs on one). */
class CpuBackendContractTest extends BackendContract {

	@Override
	protected Backend open() {
		return new CpuBackend(3);
	}

	@Override
	protected String expectedName() {
		return "cpu";
	}
}
