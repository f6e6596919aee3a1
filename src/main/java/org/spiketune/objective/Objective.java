package org.spiketune.objective;

import java.util.List;

import org.spiketune.sim.MemberResult;
import org.spiketune.sim.Recording;

/**
 * Scores a simulated member. The tuner sends a generation to the simulator as one batch, then asks the
 * objective for each member's {@link Score}; samples of one individual (several seeds) are averaged.
 */
public interface Objective {

	/** Short name, e.g. {@code rate-target}. */
	String name();

	/** What the fitness value is, with its unit, for plot axes and tables. */
	default String fitnessLabel() {
		return name() + " fitness";
	}

	/** True when smaller values are better (an error); false for a fitness to maximize. */
	boolean minimize();

	/** Names of the score's components, in order. */
	List<String> components();

	/** Names of the objectives of the score's vector, in order (one for single-objective use). */
	List<String> objectives();

	Score score(MemberResult result);

	/**
	 * The groups whose spikes {@link #score} reads; the tuner records only these (empty, the default: all). A
	 * long training run of a large network keeps far fewer spikes when the objective needs only its outputs.
	 */
	default List<String> spikeGroups() {
		return List.of();
	}

	/**
	 * What the tuner records of each member of a {@code durationMs} run: the population rate as one bin, the
	 * spikes of {@link #spikeGroups}, and no traces unless the objective scores them.
	 */
	default Recording recording(final double durationMs) {
		return Recording.spikesOnly().withRateBin(durationMs).withSpikeGroups(spikeGroups().toArray(String[]::new));
	}

	/**
	 * The member's score, or the worst one with the reason when its simulation was stopped for a numerical
	 * fault (a NaN state, a runaway rate): what the tuners rank by, so such a member loses and the run goes on.
	 */
	default Score evaluate(final MemberResult result) {
		if (result.faulted()) {
			return Score.failed("simulation stopped: " + result.fault(), worst(), components().size(), objectives()
				.size());
		}
		return score(result);
	}

	/** The worst possible value, given to members that fail. */
	default double worst() {
		return minimize() ? Double.MAX_VALUE : -Double.MAX_VALUE;
	}
}
