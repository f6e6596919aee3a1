package org.spiketune.spikes;

import java.util.Locale;

/**
 * A named comparison of two spike trains: a distance (0 = identical) or, for SPIKE-synchronization and Γ, a
 * similarity (1 = identical). Written as text {@code name} or {@code name:parameter}, e.g. {@code spike},
 * {@code van-rossum:10} (τ in ms), {@code victor-purpura:0.1} (q per ms), {@code spike-sync:5} (max τ in
 * ms, 0 for none), {@code gamma:2} (Δ in ms).
 */
public record Measure(Kind kind, double parameter) {

	public enum Kind {
		ISI("isi", Double.NaN, false), SPIKE("spike", Double.NaN, false), SPIKE_SYNC("spike-sync", 0, true),
		VICTOR_PURPURA("victor-purpura", 0.1, false), VAN_ROSSUM("van-rossum", 10, false), GAMMA("gamma", 2, true);

		final String id;
		final double defaultParameter;
		final boolean similarity;

		Kind(final String id, final double defaultParameter, final boolean similarity) {
			this.id = id;
			this.defaultParameter = defaultParameter;
			this.similarity = similarity;
		}
	}

	public Measure {
		if (kind.defaultParameter != kind.defaultParameter && parameter == parameter) {
			throw new IllegalArgumentException(kind.id + " takes no parameter, got " + parameter);
		}
		if (parameter == parameter && !(parameter >= 0)) {
			throw new IllegalArgumentException(kind.id + " parameter must be >= 0, got " + parameter);
		}
		if (kind == Kind.GAMMA && !(parameter > 0)) {
			throw new IllegalArgumentException("gamma needs a coincidence window > 0 ms, got " + parameter);
		}
	}

	public static Measure of(final Kind kind) {
		return new Measure(kind, kind.defaultParameter);
	}

	/** Parses {@code name} or {@code name:parameter}; the error lists the known names. */
	public static Measure parse(final String text) {
		final String[] parts = text.trim().toLowerCase(Locale.ROOT).split(":", 2);
		for (final Kind kind : Kind.values()) {
			if (!kind.id.equals(parts[0].trim())) continue;
			if (parts.length == 1) return of(kind);
			try {
				return new Measure(kind, Double.parseDouble(parts[1].trim()));
			}
			catch (final NumberFormatException e) {
				throw new IllegalArgumentException("measure '" + text + "': parameter is not a number");
			}
		}
		throw new IllegalArgumentException("unknown spike-train measure '" + text +
			"'; known: isi, spike, spike-sync[:max tau ms], victor-purpura[:q per ms], van-rossum[:tau ms], gamma[:delta ms]");
	}

	public boolean isSimilarity() {
		return kind.similarity;
	}

	/** The value for one pair of sorted trains in the window [start, stop]. */
	public double between(final double[] a, final double[] b, final double startMs, final double stopMs) {
		return switch (kind) {
			case ISI -> IsiDistance.distance(a, b, startMs, stopMs);
			case SPIKE -> SpikeDistance.distance(a, b, startMs, stopMs);
			case SPIKE_SYNC -> SpikeSynchronization.synchronization(a, b, startMs, stopMs, parameter);
			case VICTOR_PURPURA -> VictorPurpura.distance(a, b, parameter);
			case VAN_ROSSUM -> VanRossum.distance(a, b, parameter);
			case GAMMA -> CoincidenceFactor.gamma(a, b, parameter, stopMs - startMs);
		};
	}

	@Override
	public String toString() {
		return parameter == parameter ? kind.id + ":" + parameter : kind.id;
	}
}
