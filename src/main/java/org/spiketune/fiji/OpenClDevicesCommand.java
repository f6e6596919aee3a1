package org.spiketune.fiji;

import java.util.List;

import ij.measure.ResultsTable;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.spiketune.sim.backends.Backends;
import org.spiketune.sim.opencl.DeviceInfo;

/**
 * Lists the OpenCL devices SpikeTune can use, with the index and name to give as {@code device} for backend
 * {@code opencl}; where there are none, says why (no driver, no platform, no double precision).
 */
@Plugin(type = Command.class, menuPath = "Plugins>SpikeTune>OpenCL Devices", label = "OpenCL Devices",
	headless = true)
public class OpenClDevicesCommand extends ContextCommand {

	@Parameter
	private LogService log;

	@Parameter(type = ItemIO.OUTPUT, label = "OpenCL devices")
	private ResultsTable devices;

	@Parameter(type = ItemIO.OUTPUT, label = "OpenCL")
	private String status;

	@Override
	public void run() {
		final List<DeviceInfo> found = Backends.openClDevices();
		devices = new ResultsTable();
		for (int i = 0; i < found.size(); i++) {
			final DeviceInfo d = found.get(i);
			devices.incrementCounter();
			devices.addValue("device", i);
			devices.addValue("name", d.name().trim());
			devices.addValue("platform", d.platform().trim());
			devices.addValue("type", d.gpu() ? "GPU" : "CPU/other");
			devices.addValue("compute units", d.computeUnits());
			devices.addValue("memory (MiB)", d.globalMemory() >> 20);
			devices.addValue("largest buffer (MiB)", d.maxAllocation() >> 20);
			devices.addValue("version", d.version().trim());
		}
		status = found.isEmpty() ? "OpenCL not available: " + Backends.openClUnavailableReason().orElse("no device") +
			"; backends auto and opencl simulate on the CPU" : found.size() + " OpenCL device(s); backend auto uses " +
				(found.stream().anyMatch(DeviceInfo::gpu) ? "the first GPU" : "the CPU backend (no GPU)");
		log.info("OpenCL Devices: " + status);
	}
}
