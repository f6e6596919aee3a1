package org.spiketune.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The spatial phase of the V1 study's gratings about the image centre ({@link Gratings#grating}). The 40
 * orientations cover half a turn at one phase, so the phase decides what happens where the set wraps from
 * 180° to 0°. Sine gratings are odd about the centre: the grating at θ + 180° is the one at θ negated, so
 * the 4.5° grating is nearly the 180° one with its contrast reversed, and orientation and contrast polarity
 * are confounded at the ends of the set. Cosine gratings are even: θ + 180° is the same grating, every
 * orientation has a bright bar through the centre, and the set is the same in every direction.
 */
public enum GratingPhase {

	/** cos(2πfu): the same grating at θ and θ + 180°; the V1 preset's default. */
	COSINE("cosine", Math.PI / 2),
	/** sin(2πfu): the phase of the SORF model's ANNarchy reimplementation, and of this project before cosine. */
	SINE("sine", 0);

	private final String label;
	private final double radians;

	GratingPhase(final String label, final double radians) {
		this.label = label;
		this.radians = radians;
	}

	/** The name shown in dialogs and accepted by {@link #named}. */
	public String label() {
		return label;
	}

	/** The phase added to 2πfu, in radians. */
	public double radians() {
		return radians;
	}

	/** The phase with this {@link #label} (any case); the error lists the phases there are. */
	public static GratingPhase named(final String name) {
		if (name == null) throw new IllegalArgumentException("no grating phase given; there are: " + labels());
		for (final GratingPhase phase : values()) {
			if (phase.label.equalsIgnoreCase(name.strip())) return phase;
		}
		throw new IllegalArgumentException("no grating phase named '" + name + "'; there are: " + labels());
	}

	/** The labels of all phases, for error messages. */
	public static String labels() {
		return Arrays.stream(values()).map(GratingPhase::label).collect(Collectors.joining(", "));
	}

	@Override
	public String toString() {
		return label;
	}
}
