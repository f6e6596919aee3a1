package org.spiketune.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class NetworkSpecTest {

	@Test
	void izhikevich2003HasTheStudysStructure() {
		final NetworkSpec spec = Presets.get("izhikevich2003");
		assertEquals(1000, spec.neuronCount());
		assertEquals(800, spec.group("exc").size());
		assertEquals(200, spec.group("inh").size());
		assertEquals(800, spec.groupOffset("inh"));
		assertEquals(5, spec.parameter("exc.noise"));
		assertEquals(2, spec.parameter("inh.noise"));
		assertEquals(0, spec.parameter("exc.bias"));
		assertEquals(2, spec.group("exc").substeps());
		assertEquals(1.0, spec.dtMs());
		assertTrue(Double.isNaN(spec.parameter("exc.c")), "c = -65 + 15 r^2 is not one number");
		assertEquals(ParameterValue.sharedRandom(-65, 15, 2), spec.group("exc").model().parameter("c"));
		assertTrue(spec.parameterNames().containsAll(java.util.List.of("exc.bias", "inh.bias", "exc.noise",
			"inh.noise", "ee.gain", "exc.a", "inh.d")));
	}

	@Test
	void namedParametersRoundTrip() {
		final NetworkSpec spec = Presets.izhikevich2003().withParameters(Map.of("exc.bias", -1.5, "inh.bias", 0.5,
			"ie.gain", 2.0, "inh.d", 3.0));
		assertEquals(-1.5, spec.parameter("exc.bias"));
		assertEquals(0.5, spec.parameter("inh.bias"));
		assertEquals(2.0, spec.parameter("ie.gain"));
		assertEquals(3.0, spec.parameter("inh.d"));
		assertEquals(0, Presets.izhikevich2003().parameter("exc.bias"), "the original is unchanged");
	}

	@Test
	void unknownParametersAreNamed() {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Presets
			.izhikevich2003().withParameter("exc.bais", 1));
		assertTrue(e.getMessage().contains("'exc.bais'") && e.getMessage().contains("exc.bias"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> Presets.izhikevich2003().withParameter("nodot", 1));
		assertThrows(IllegalArgumentException.class, () -> Presets.izhikevich2003().withParameter("ee.weight", 1));
	}

	@Test
	void unknownPresetIsNamed() {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Presets.get(
			"izhikevich2004"));
		assertTrue(e.getMessage().contains("izhikevich2003"), e.getMessage());
	}

	@Test
	void sparseVariantKeepsTheInputStatistics() {
		final NetworkSpec spec = Presets.izhikevich2003Sparse(16000, 1000);
		assertEquals(16000, spec.neuronCount());
		assertEquals(new Topology.FixedInDegree(800, true), spec.projection("ee").topology());
		assertEquals(new Topology.FixedInDegree(200, true), spec.projection("ie").topology());
	}

	@Test
	void classesHaveThePublishedParameters() {
		assertEquals(Izhikevich.of(0.02, 0.2, -65, 8), IzhikevichClass.RS.model());
		assertEquals(Izhikevich.of(0.02, 0.2, -55, 4), IzhikevichClass.IB.model());
		assertEquals(Izhikevich.of(0.02, 0.2, -50, 2), IzhikevichClass.CH.model());
		assertEquals(Izhikevich.of(0.1, 0.2, -65, 2), IzhikevichClass.FS.model());
		assertEquals(Izhikevich.of(0.02, 0.25, -65, 2), IzhikevichClass.LTS.model());
		assertEquals(Izhikevich.of(0.02, 0.25, -65, 0.05), IzhikevichClass.TC.model());
		assertEquals(Izhikevich.of(0.1, 0.26, -65, 2), IzhikevichClass.RZ.model());
	}
}
