package org.spiketune.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.spiketune.model.Checks;
import org.spiketune.model.NetworkSpec;
import org.spiketune.random.Keys;

/**
 * A batch to simulate: members of one network structure, each with its own parameters and seed, for
 * {@code durationMs}. The structure's random parts (connectivity, weights, per-neuron parameter draws)
 * come from {@code structureSeed} and are shared by all members.
 */
public record SimulationRequest(NetworkSpec network, double durationMs, long structureSeed,
	List<Member> members, Recording recording)
{

	public SimulationRequest {
		Checks.notNull("network", network);
		Checks.positive("durationMs", durationMs);
		members = List.copyOf(Checks.noNulls("members", members));
		if (members.isEmpty()) throw new IllegalArgumentException("a batch needs at least one member");
		Checks.notNull("recording", recording);
		final double steps = durationMs / network.dtMs();
		if (steps > Integer.MAX_VALUE - 1) {
			throw new IllegalArgumentException("durationMs " + durationMs + " is " + steps + " steps of " + network
				.dtMs() + " ms; at most " + (Integer.MAX_VALUE - 1) + " are supported");
		}
		if (Math.round(steps) < 1) {
			throw new IllegalArgumentException("durationMs " + durationMs + " is shorter than one " + network.dtMs() +
				" ms step");
		}
		for (final Member m : members) {
			network.withParameters(m.parameters()); // rejects unknown names early, naming them
			for (final String name : m.parameters().keySet()) {
				if (network.isStructural(name)) {
					throw new IllegalArgumentException("'" + name + "' changes the network's structure; members of " +
						"one batch share a structure, so set it on the network, not per member");
				}
			}
		}
		for (final String group : recording.spikeGroups()) {
			network.groupIndex(group); // an unknown name would silently keep no spikes; this names it and the groups
		}
		for (final int neuron : recording.tracedNeurons()) {
			if (neuron >= network.neuronCount()) {
				throw new IllegalArgumentException("traced neuron " + neuron + " does not exist; the network has " +
					network.neuronCount() + " neurons");
			}
		}
	}

	/** One member with the network's own parameters. */
	public static SimulationRequest of(final NetworkSpec network, final double durationMs, final long seed) {
		return new SimulationRequest(network, durationMs, seed, List.of(Member.of(seed)), Recording.spikesOnly());
	}

	/**
	 * One member per parameter map, seeds derived from {@code seed} ({@link Keys#memberSeed}), structure from
	 * {@code seed} too.
	 */
	public static SimulationRequest batch(final NetworkSpec network, final double durationMs, final long seed,
		final List<Map<String, Double>> parameters)
	{
		final List<Member> members = new ArrayList<>();
		for (int i = 0; i < parameters.size(); i++) {
			members.add(Member.of(Keys.memberSeed(seed, i), parameters.get(i)));
		}
		return new SimulationRequest(network, durationMs, seed, members, Recording.spikesOnly());
	}

	public SimulationRequest withRecording(final Recording value) {
		return new SimulationRequest(network, durationMs, structureSeed, members, value);
	}

	public SimulationRequest withMembers(final List<Member> value) {
		return new SimulationRequest(network, durationMs, structureSeed, value, recording);
	}

	/** Number of steps: the duration rounded to whole steps. */
	public int steps() {
		return (int) Math.round(durationMs / network.dtMs());
	}

	/** The first traced step: the first that starts at or after the recording's trace start (at most steps()). */
	public int firstTracedStep() {
		return (int) Math.min(steps(), Math.ceil(recording.traceFromMs() / network.dtMs() - 1e-9));
	}

	/** How many steps are traced, from {@link #firstTracedStep()} to the end. */
	public int tracedSteps() {
		return steps() - firstTracedStep();
	}

	public int size() {
		return members.size();
	}
}
