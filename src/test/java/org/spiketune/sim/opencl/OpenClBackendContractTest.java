package org.spiketune.sim.opencl;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Tag;
import org.spiketune.sim.Backend;
import org.spiketune.sim.BackendContract;

/**
 * The contract on the default OpenCL device (PoCL on CI, a GPU where there is one); skipped, with the reason,
 * where this machine has no OpenCL.
 */
@Tag("opencl")
class OpenClBackendContractTest extends BackendContract {

	@Override
	protected Backend open() {
		assumeTrue(OpenClBackend.available(), () -> "no OpenCL here: " + OpenClPlatforms.unavailableReason().orElse(
			"?"));
		return OpenClBackend.open("");
	}

	@Override
	protected String expectedName() {
		return "opencl";
	}
}
