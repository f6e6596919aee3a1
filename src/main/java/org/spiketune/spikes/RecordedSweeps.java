package org.spiketune.spikes;

/**
 * Current-clamp sweeps: per sweep the membrane potential and the injected (command) current, sampled every
 * {@code dtMs} from the sweep's start. Units as recorded (usually mV and pA).
 *
 * @implNote Arrays are shared, not copied: sweeps of a long recording are large.
 */
public record RecordedSweeps(double dtMs, double[][] voltage, double[][] current, String voltageUnit,
	String currentUnit)
{

	public RecordedSweeps {
		if (!(dtMs > 0) || !Double.isFinite(dtMs)) throw new IllegalArgumentException("sample interval must be > 0 ms, got " +
			dtMs);
		if (voltage.length != current.length) throw new IllegalArgumentException(voltage.length +
			" voltage sweeps but " + current.length + " current sweeps");
		for (int s = 0; s < voltage.length; s++) {
			if (voltage[s].length != current[s].length) throw new IllegalArgumentException("sweep " + s + " has " +
				voltage[s].length + " voltage and " + current[s].length + " current samples");
		}
	}

	public int count() {
		return voltage.length;
	}

	public int samples(final int sweep) {
		return voltage[sweep].length;
	}

	public double durationMs(final int sweep) {
		return voltage[sweep].length * dtMs;
	}
}
