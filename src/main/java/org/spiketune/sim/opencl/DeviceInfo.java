package org.spiketune.sim.opencl;

import java.util.Locale;

/** An OpenCL device as probed: where it is, what it is, how much memory it offers. */
public record DeviceInfo(int platformIndex, String platform, int deviceIndex, String name, boolean gpu,
	long globalMemory, long maxAllocation, int maxWorkGroupSize, int computeUnits, String version)
{

	/** The device in words, for results' metadata. */
	public String describe() {
		return String.format(Locale.ROOT, "%s (%s, %s, %d compute units, %d MiB)", name.trim(), platform.trim(), gpu
			? "GPU" : "CPU/other", computeUnits, globalMemory >> 20);
	}
}
