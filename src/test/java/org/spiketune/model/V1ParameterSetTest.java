package org.spiketune.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The V1 network's named parameter sets: their values, their receptors, and a user's changes to them. */
class V1ParameterSetTest {

	@Test
	void thePresetSetKeepsTheDefaultsAndNeedsNoSlowReceptors() {
		assertEquals(Map.of(), V1ParameterSet.PRESET.parameters(32));
		assertFalse(V1ParameterSet.PRESET.slowReceptors());
		assertEquals(Map.of("exc_inh.target", 60.0), V1ParameterSet.PRESET.parameters(16, Map.of("exc_inh.target",
			60.0)));
	}

	@Test
	void theTunedSetIsTheOneTunedWithNmdaAndGabaBAtTheNetworksSize() {
		final V1ParameterSet tuned = V1ParameterSet.TUNED_WITH_SLOW_RECEPTORS;
		assertTrue(tuned.slowReceptors(), "tuned with NMDA and GABA-B, it needs them");
		for (final int side : CarlsonV1.SIDES) {
			assertEquals(CarlsonV1.tunedWithSlowReceptors(side), tuned.parameters(side));
		}
		assertEquals(0.40917062452074626 / 4, tuned.parameters(32).get("*buf_exc.gain"), 1e-15);
	}

	@Test
	void aUsersValuesOverrideTheSetsOwnAndKeepTheRest() {
		final Map<String, Double> changed = V1ParameterSet.TUNED_WITH_SLOW_RECEPTORS.parameters(16, Map.of(
			"exc_inh.target", 60.0));
		assertEquals(60.0, changed.get("exc_inh.target"));
		assertEquals(14, changed.size());
		assertEquals(CarlsonV1.tunedWithSlowReceptors(16).get("*poiss.rate"), changed.get("*poiss.rate"));
		assertEquals(List.copyOf(CarlsonV1.tunedWithSlowReceptors(16).keySet()), List.copyOf(changed.keySet()),
			"the set's order, for files and logs");
	}

	@Test
	void setsAreFoundByLabelOrNameAndAnUnknownOneListsThem() {
		assertSame(V1ParameterSet.TUNED_WITH_SLOW_RECEPTORS, V1ParameterSet.named("tuned with NMDA and GABA-B"));
		assertSame(V1ParameterSet.TUNED_WITH_SLOW_RECEPTORS, V1ParameterSet.named(" Tuned_With_Slow_Receptors "));
		assertSame(V1ParameterSet.PRESET, V1ParameterSet.named("preset defaults"));
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> V1ParameterSet.named(
			"best"));
		assertTrue(e.getMessage().contains("'best'") && e.getMessage().contains("preset defaults") && e.getMessage()
			.contains("tuned with NMDA and GABA-B"), e.getMessage());
		final IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> V1ParameterSet.named(
			null));
		assertTrue(none.getMessage().contains("preset defaults"), none.getMessage());
	}
}
