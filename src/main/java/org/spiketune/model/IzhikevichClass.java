package org.spiketune.model;

/** The neuron classes of Izhikevich (2003), Fig. 2, with their (a, b, c, d). */
public enum IzhikevichClass {
	/** Regular spiking: tonic spiking with adaptation (excitatory cortical). */
	RS(0.02, 0.2, -65, 8),
	/** Intrinsically bursting: an initial burst, then tonic spikes. */
	IB(0.02, 0.2, -55, 4),
	/** Chattering: repetitive bursts. */
	CH(0.02, 0.2, -50, 2),
	/** Fast spiking: high rate without adaptation (inhibitory cortical). */
	FS(0.1, 0.2, -65, 2),
	/** Low-threshold spiking: high rate with adaptation, rebound spikes. */
	LTS(0.02, 0.25, -65, 2),
	/** Thalamo-cortical: tonic when depolarized, a rebound burst after hyperpolarization. */
	TC(0.02, 0.25, -65, 0.05),
	/** Resonator: subthreshold oscillations, fires to inputs at its resonant frequency. */
	RZ(0.1, 0.26, -65, 2);

	private final double a, b, c, d;

	IzhikevichClass(final double a, final double b, final double c, final double d) {
		this.a = a;
		this.b = b;
		this.c = c;
		this.d = d;
	}

	public double a() {
		return a;
	}

	public double b() {
		return b;
	}

	public double c() {
		return c;
	}

	public double d() {
		return d;
	}

	public Izhikevich model() {
		return Izhikevich.of(this);
	}
}
