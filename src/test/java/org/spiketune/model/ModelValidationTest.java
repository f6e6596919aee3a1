package org.spiketune.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Invalid values are rejected with a message that names the field and the value. */
class ModelValidationTest {

	private static void rejects(final Executable make, final String... fragments) {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, make);
		for (final String f : fragments) {
			assertTrue(e.getMessage().contains(f), "message '" + e.getMessage() + "' should mention '" + f + "'");
		}
	}

	private static NeuronGroup group(final String name, final int size) {
		return NeuronGroup.of(name, size, Izhikevich.of(IzhikevichClass.RS));
	}

	@Test
	void timeStepMustBePositive() {
		rejects(() -> NetworkSpec.of("n", 0, List.of(group("a", 1)), List.of()), "dtMs", "0.0");
		rejects(() -> NetworkSpec.of("n", -0.5, List.of(group("a", 1)), List.of()), "dtMs", "-0.5");
		rejects(() -> NetworkSpec.of("n", Double.NaN, List.of(group("a", 1)), List.of()), "dtMs", "NaN");
	}

	@Test
	void sizesMustBePositive() {
		rejects(() -> group("exc", -5), "group 'exc' size", "-5");
		rejects(() -> group("exc", 0), "group 'exc' size", "0");
	}

	@Test
	void parametersMustBeFinite() {
		rejects(() -> Izhikevich.of(Double.NaN, 0.2, -65, 8), "izhikevich parameter a", "NaN");
		rejects(() -> Lif.of(-1, -70, -70, -50, 100, 2), "lif parameter taum", "-1.0");
		rejects(() -> group("g", 3).withNoise(-1), "group 'g' noise", "-1.0");
		rejects(() -> group("g", 3).withBias(Double.POSITIVE_INFINITY), "group 'g' bias", "Infinity");
		rejects(() -> PoissonSource.of(-3), "poisson parameter rate", "-3.0");
	}

	@Test
	void probabilityMustLieInUnitInterval() {
		rejects(() -> Topology.fixedProbability(1.5), "probability p", "1.5");
		rejects(() -> Topology.fixedProbability(-0.1), "probability p", "-0.1");
		rejects(() -> Topology.fixedProbability(Double.NaN), "probability p", "NaN");
	}

	@Test
	void delaysAreWholeMillisecondsFromOne() {
		rejects(() -> Delay.of(0), "delay minMs", "0");
		rejects(() -> Delay.uniform(3, 2), "delay maxMs", "2");
		final NeuronGroup a = group("a", 4);
		final Projection p = Projection.of("p", "a", "a", Topology.allToAll(), Weights.constant(1)).withDelay(
			Delay.of(1));
		rejects(() -> NetworkSpec.of("n", 0.3, List.of(a), List.of(p)), "projection 'p'", "delay 1 ms",
			"0.3 ms steps");
	}

	@Test
	void projectionsMustReferToGroupsThatCanTakeThem() {
		final NeuronGroup a = group("a", 4);
		final NeuronGroup src = NeuronGroup.of("src", 4, PoissonSource.of(10));
		rejects(() -> NetworkSpec.of("n", 1, List.of(a), List.of(Projection.of("p", "a", "b", Topology.allToAll(),
			Weights.constant(1)))), "projection 'p'", "no target group 'b'");
		rejects(() -> NetworkSpec.of("n", 1, List.of(a, src), List.of(Projection.of("p", "a", "src", Topology
			.allToAll(), Weights.constant(1)))), "projection 'p'", "'src' is a poisson source");
		rejects(() -> NetworkSpec.of("n", 1, List.of(a, group("b", 5)), List.of(Projection.of("p", "a", "b",
			Topology.oneToOne(), Weights.constant(1)))), "one-to-one", "4 and 5");
		rejects(() -> NetworkSpec.of("n", 1, List.of(a), List.of(Projection.of("p", "a", "a", Topology
			.fixedInDegree(4), Weights.constant(1)))), "in-degree 4", "3 available");
		rejects(() -> NetworkSpec.of("n", 1, List.of(a), List.of(Projection.of("p", "a", "a", Topology.allToAll(),
			new Weights.Explicit(new double[3])))), "3 explicit weights for 16 synapses");
	}

	@Test
	void namesAreUniqueIdentifiers() {
		rejects(() -> group("2exc", 3), "group name", "'2exc'");
		rejects(() -> NetworkSpec.of("n", 1, List.of(group("a", 1), group("a", 2)), List.of()), "two groups",
			"'a'");
	}

	@Test
	void sourcesTakeNoCurrent() {
		rejects(() -> new NeuronGroup("src", 3, PoissonSource.of(5), 1, 0, 1), "group 'src'", "no bias or noise");
	}

	@Test
	void stimuliMustBeWellFormed() {
		rejects(() -> Stimulus.step("a", 10, 5, 1), "endMs must be > startMs");
		rejects(() -> NetworkSpec.of("n", 1, List.of(group("a", 2)), List.of()).withStimuli(List.of(Stimulus.step(
			"b", 0, 5, 1))), "no group 'b'");
	}

	@Test
	void explicitWeightsAreCopied() {
		final double[] w = { 1, 2 };
		final Weights.Explicit e = new Weights.Explicit(w);
		w[0] = 99;
		assertEquals(1, e.get(0));
		e.values()[1] = 99;
		assertEquals(2, e.get(1));
	}
}
