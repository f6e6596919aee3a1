package org.spiketune.sim;

import java.util.List;

/** The results of a batch, one per member in request order, and how they were computed. */
public record BatchResult(SimulationRequest request, List<MemberResult> members, RunInfo info) {

	public BatchResult {
		members = List.copyOf(members);
	}

	public MemberResult member(final int index) {
		return members.get(index);
	}

	public int size() {
		return members.size();
	}
}
