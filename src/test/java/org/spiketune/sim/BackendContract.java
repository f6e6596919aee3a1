package org.spiketune.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.spiketune.model.NetworkSpec;
import org.spiketune.model.Presets;
import org.spiketune.sim.cpu.CpuBackend;

/**
 * What every backend must do, run once per backend by a subclass: give each member of a batch exactly the
 * spikes and traces the reference (the CPU backend on one thread) gives it, whatever the batch size and
 * whether the members differ in seeds, biases, noise, gains or model parameters.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BackendContract {

	private Backend backend;

	/** The backend under test; may abort (skip) the class with a reason when it cannot run here. */
	protected abstract Backend open();

	/** The name it reports in {@link RunInfo}. */
	protected abstract String expectedName();

	@BeforeAll
	void openBackend() {
		backend = open();
	}

	@AfterAll
	void closeBackend() throws Exception {
		if (backend instanceof AutoCloseable closeable) closeable.close();
	}

	private static BatchResult reference(final SimulationRequest request) {
		return new Simulator(new CpuBackend(1)).run(request);
	}

	private BatchResult underTest(final SimulationRequest request) {
		return new Simulator(backend).run(request);
	}

	/** Five izhikevich2003 members, each with its own seed and a different value of every kind of parameter. */
	public static SimulationRequest izhikevich2003Batch(final double durationMs) {
		final List<Member> members = new ArrayList<>();
		for (int m = 0; m < 5; m++) {
			members.add(Member.of(1000 + 7L * m, Map.of("exc.bias", -1.0 + 0.6 * m, "inh.bias", 0.3 * m, "exc.noise",
				5.0 - 0.25 * m, "ie.gain", 1.0 + 0.1 * m, "inh.d", 2.0 - 0.05 * m)));
		}
		return new SimulationRequest(Presets.izhikevich2003(), durationMs, 11, members, Recording.spikesOnly()
			.withTraces(0, 799, 800, 999));
	}

	static void assertSameMember(final MemberResult expected, final MemberResult actual) {
		final SpikeRecord e = expected.spikes(), a = actual.spikes();
		if (!e.sameEvents(a)) {
			int first = 0;
			while (first < Math.min(e.count(), a.count()) && e.step(first) == a.step(first) && e.neuron(
				first) == a.neuron(first)) first++;
			throw new AssertionError("member " + actual.index() + ": spike events differ from event " + first + " of " +
				e.count() + " (reference) / " + a.count() + " (backend), at step " + (first < e.count() ? e.step(first)
					: -1));
		}
		assertArrayEquals(expected.traces().neurons(), actual.traces().neurons());
		for (int j = 0; j < expected.traces().neurons().length; j++) {
			assertArrayEquals(expected.traces().v(j), actual.traces().v(j), "v trace " + j + " of member " + actual
				.index());
			assertArrayEquals(expected.traces().u(j), actual.traces().u(j), "u trace " + j + " of member " + actual
				.index());
		}
		assertEquals(expected.index(), actual.index());
		assertEquals(expected.member(), actual.member());
		assertEquals(expected.learnedWeights().keySet(), actual.learnedWeights().keySet());
		for (final String projection : expected.learnedWeights().keySet()) {
			final float[][] ew = expected.learnedWeights(projection), aw = actual.learnedWeights(projection);
			assertEquals(ew.length, aw.length);
			for (int i = 0; i < ew.length; i++) {
				assertArrayEquals(ew[i], aw[i], "learned weights of " + projection + ", source " + i + ", member " + actual
					.index());
			}
		}
	}

	@Test
	void aBatchOfFiveDifferentMembersMatchesTheReferenceOver1000ms() {
		final SimulationRequest request = izhikevich2003Batch(1000);
		final BatchResult expected = reference(request), actual = underTest(request);
		assertEquals(request.size(), actual.size());
		for (int m = 0; m < request.size(); m++) {
			assertTrue(expected.member(m).spikes().count() > 1000, "member " + m + " is active enough to compare");
			assertSameMember(expected.member(m), actual.member(m));
		}
		for (int m = 1; m < request.size(); m++) {
			assertFalse(actual.member(0).spikes().sameEvents(actual.member(m).spikes()), "members 0 and " + m +
				" differ");
		}
	}

	@Test
	void aBatchOfOneMatchesTheReferenceOver1000ms() {
		final SimulationRequest request = izhikevich2003Batch(1000);
		final SimulationRequest one = request.withMembers(List.of(request.members().get(3)));
		assertSameMember(reference(one).member(0), underTest(one).member(0));
	}

	/**
	 * Every neuron model, synapse kind, topology, delays, sub-steps, refractoriness, stimuli, plasticity (STDP
	 * both ways, homeostasis, a learning phase that ends), image drives and dt = 0.5 ms.
	 */
	@Test
	void everyFeatureMatchesTheReference() {
		final NetworkSpec network = ContractNetworks.everything();
		final List<Member> members = List.of(Member.of(5), Member.of(6, Map.of("src.rate", 55.0, "lif.taum", 12.0,
			"adex.b", 60.0, "adex_izh.gain", 1.5, "izh.bias", 4.0, "adex.gain", 0.5, "src_izh.ltp", 0.0012)), Member.of(7,
				Map.of("izh.noise", 0.5, "lif.vth", -56.0, "src_izh.target", 8.0, "izh_lif.ltdtau", 40.0)));
		final SimulationRequest request = new SimulationRequest(network, 600, 3, members, Recording.spikesOnly()
			.withTraces(61, 115, 170, 199));
		final BatchResult expected = reference(request), actual = underTest(request);
		for (int m = 0; m < members.size(); m++) {
			for (final String group : List.of("src", "lif", "adex", "izh", "rep", "on", "off")) {
				assertTrue(expected.member(m).rates().meanRateHz(group) > 0, group + " fires in member " + m);
			}
			assertSameMember(expected.member(m), actual.member(m));
			assertLearned(network, request.structureSeed(), expected.member(m), "src_izh");
			assertLearned(network, request.structureSeed(), expected.member(m), "izh_lif");
		}
	}

	/** The projection's weights moved during the run (so the comparison above compared learning). */
	private static void assertLearned(final NetworkSpec network, final long structureSeed, final MemberResult result,
		final String projection)
	{
		final CompiledNetwork compiled = NetworkCompiler.compile(network, structureSeed);
		final float[][] initial = ((Connectivity.Dense) compiled.projections().get(network.projections().indexOf(
			network.projection(projection))).connectivity()).rows();
		final float[][] learned = result.learnedWeights(projection);
		int changed = 0;
		for (int i = 0; i < initial.length; i++) {
			for (int j = 0; j < initial[i].length; j++) if (initial[i][j] != learned[i][j]) changed++;
		}
		assertTrue(changed > initial.length * initial[0].length / 2, projection + ": " + changed + " of " + initial.length *
			initial[0].length + " weights changed in member " + result.index());
	}

	@Test
	void recordingSomeGroupsKeepsTheirSpikesAndEveryGroupsRates() {
		final NetworkSpec network = ContractNetworks.everything();
		final SimulationRequest all = new SimulationRequest(network, 300, 3, List.of(Member.of(5), Member.of(6)),
			Recording.spikesOnly().withRateBin(5));
		final SimulationRequest some = all.withRecording(all.recording().withSpikeGroups("izh", "on"));
		final BatchResult expected = reference(all), actual = underTest(some);
		final int izh = network.groupOffset("izh"), on = network.groupOffset("on");
		for (int m = 0; m < 2; m++) {
			final SpikeRecord e = expected.member(m).spikes(), a = actual.member(m).spikes();
			final List<Integer> kept = new ArrayList<>();
			for (int k = 0; k < e.count(); k++) {
				final int i = e.neuron(k);
				if (i >= izh && i < izh + 40 || i >= on && i < on + 12) kept.add(k);
			}
			assertEquals(kept.size(), a.count(), "member " + m + ": only izh and on spikes are kept");
			for (int k = 0; k < kept.size(); k++) {
				assertEquals(e.step(kept.get(k)), a.step(k));
				assertEquals(e.neuron(kept.get(k)), a.neuron(k));
			}
			for (final String group : List.of("src", "lif", "adex", "izh", "rep", "on", "off")) {
				assertArrayEquals(expected.member(m).rates().rateTraceHz(network.groupIndex(group)), actual.member(m)
					.rates().rateTraceHz(network.groupIndex(group)), "rates of " + group + " count every spike");
			}
		}
	}

	/**
	 * Traces from a time on are the last part of the whole run's traces, from the first step starting at or
	 * after it (here 201.3 ms at dt = 0.5 ms: step 403), and nothing else changes.
	 */
	@Test
	void tracesFromATimeAreTheTailOfTheWholeRunsTraces() {
		final NetworkSpec network = ContractNetworks.everything();
		final SimulationRequest whole = new SimulationRequest(network, 300, 3, List.of(Member.of(5), Member.of(6)),
			Recording.spikesOnly().withTraces(61, 115, 170, 199));
		final SimulationRequest tail = whole.withRecording(whole.recording().withTracesFrom(201.3));
		final BatchResult expected = reference(whole), actual = underTest(tail);
		for (int m = 0; m < 2; m++) {
			final StateTraces e = expected.member(m).traces(), a = actual.member(m).traces();
			assertEquals(403, a.firstStep());
			assertEquals(600 - 403, a.steps());
			for (int j = 0; j < 4; j++) {
				assertArrayEquals(java.util.Arrays.copyOfRange(e.v(j), 403, 600), a.v(j), "v trace " + j);
				assertArrayEquals(java.util.Arrays.copyOfRange(e.u(j), 403, 600), a.u(j), "u trace " + j);
			}
			assertTrue(expected.member(m).spikes().sameEvents(actual.member(m).spikes()), "the same spikes");
		}
		final MemberResult none = underTest(whole.withRecording(whole.recording().withTracesFrom(300))).member(0);
		assertEquals(0, none.traces().steps(), "from the end on, nothing is traced");
	}

	@Test
	void aMemberGivesTheSameResultAloneAndInABatch() {
		final SimulationRequest request = izhikevich2003Batch(300);
		final BatchResult all = underTest(request);
		final SimulationRequest swapped = request.withMembers(List.of(request.members().get(4), request.members()
			.get(1)));
		final BatchResult pair = underTest(swapped);
		assertSameMember(all.member(4), withIndex(pair.member(0), 4));
		assertSameMember(all.member(1), withIndex(pair.member(1), 1));
	}

	private static MemberResult withIndex(final MemberResult r, final int index) {
		return r.withIndex(index);
	}

	@Test
	void runInfoNamesTheBackendAndDevice() {
		final BatchResult result = underTest(izhikevich2003Batch(50).withMembers(List.of(Member.of(1))));
		assertEquals(expectedName(), result.info().backend());
		assertEquals(backend.device(), result.info().device());
		assertFalse(result.info().device().isBlank());
		assertTrue(result.info().simulateMs() >= 0);
	}
}
