package org.spiketune.model;

/** Which source neurons connect to which targets. Synapses are counted per (source, target) pair. */
public sealed interface Topology {

	/** Every source to every target; {@code selfConnections} keeps i -> i when source and target coincide. */
	record AllToAll(boolean selfConnections) implements Topology {}

	/** Source i to target i; the groups must have the same size. */
	record OneToOne() implements Topology {}

	/** Each (source, target) pair independently with probability {@code p}. */
	record FixedProbability(double p, boolean selfConnections) implements Topology {

		public FixedProbability {
			Checks.probability("connection probability p", p);
		}
	}

	/** Each target draws exactly {@code k} distinct sources, uniformly. */
	record FixedInDegree(int k, boolean selfConnections) implements Topology {

		public FixedInDegree {
			Checks.atLeast("in-degree k", k, 1);
		}
	}

	static Topology allToAll() {
		return new AllToAll(true);
	}

	static Topology oneToOne() {
		return new OneToOne();
	}

	static Topology fixedProbability(final double p) {
		return new FixedProbability(p, false);
	}

	static Topology fixedInDegree(final int k) {
		return new FixedInDegree(k, false);
	}
}
