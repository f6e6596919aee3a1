package org.spiketune.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Patterns ({@code *.a}), the current-step gain of groups and connection probabilities as parameters. */
class NamedParameterPatternsTest {

	private static NetworkSpec sweeps() {
		return new NetworkSpec("cells", 0.1, List.of(NeuronGroup.of("sweep0", 1, Izhikevich.of(0.02, 0.2, -65, 8)),
			NeuronGroup.of("sweep1", 1, Izhikevich.of(0.02, 0.2, -65, 8)), NeuronGroup.of("other", 1, Izhikevich.of(
				0.1, 0.2, -65, 2))), List.of(), List.of());
	}

	@Test
	void aPatternSetsEveryMatchingGroup() {
		final NetworkSpec spec = sweeps().withParameter("sweep*.a", 0.05);
		assertEquals(0.05, spec.parameter("sweep0.a"));
		assertEquals(0.05, spec.parameter("sweep1.a"));
		assertEquals(0.1, spec.parameter("other.a"), "not matched");
		assertEquals(0.05, spec.parameter("sweep*.a"));
		assertTrue(Double.isNaN(spec.parameter("*.a")), "matches differ");
		assertEquals(0.3, spec.withParameter("*.a", 0.3).parameter("*.a"));
		assertTrue(spec.hasParameter("*.gain"));
		assertFalse(spec.hasParameter("nothing*.a"));
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> spec.withParameter(
			"x*.a", 1));
		assertTrue(e.getMessage().contains("no parameter 'x*.a'"), e.getMessage());
	}

	@Test
	void groupsHaveAStepGainThatDefaultsToOne() {
		final NetworkSpec spec = sweeps();
		assertEquals(1.0, spec.parameter("sweep0.gain"));
		assertEquals(2.5, spec.withParameter("sweep0.gain", 2.5).group("sweep0").gain());
		assertTrue(spec.parameterNames().contains("sweep1.gain"));
		assertThrows(IllegalArgumentException.class, () -> spec.withParameter("sweep0.gain", Double.NaN));
	}

	@Test
	void fixedProbabilityProjectionsExposeTheirProbabilityAsAStructuralParameter() {
		final NetworkSpec spec = Presets.izhikevich2003Random(40, 10, 0.1);
		assertTrue(spec.parameterNames().contains("ee.p"));
		assertEquals(0.1, spec.parameter("ee.p"));
		final NetworkSpec changed = spec.withParameter("ee.p", 0.3);
		assertEquals(new Topology.FixedProbability(0.3, false), changed.projection("ee").topology());
		assertTrue(spec.isStructural("ee.p"));
		assertTrue(spec.isStructural("*.p"));
		assertFalse(spec.isStructural("ee.gain"));
		assertFalse(Presets.izhikevich2003().parameterNames().contains("ee.p"), "all-to-all has no probability");
		assertThrows(IllegalArgumentException.class, () -> spec.withParameter("ee.p", 1.5));
	}
}
