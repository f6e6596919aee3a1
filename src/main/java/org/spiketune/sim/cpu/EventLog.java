package org.spiketune.sim.cpu;

import java.util.Arrays;

/** Spike events (step, neuron) appended in time order, in growable int arrays. */
final class EventLog {

	private int[] steps;
	private int[] neurons;
	private int size;

	EventLog(final int capacity) {
		steps = new int[Math.max(16, capacity)];
		neurons = new int[steps.length];
	}

	void add(final int step, final int[] fired, final int count) {
		if (size + count > steps.length) {
			final int capacity = Math.max(size + count, (int) Math.min(Integer.MAX_VALUE - 8, steps.length * 2L));
			steps = Arrays.copyOf(steps, capacity);
			neurons = Arrays.copyOf(neurons, capacity);
		}
		Arrays.fill(steps, size, size + count, step);
		System.arraycopy(fired, 0, neurons, size, count);
		size += count;
	}

	int size() {
		return size;
	}

	int step(final int k) {
		return steps[k];
	}

	int neuron(final int k) {
		return neurons[k];
	}

	int[] steps() {
		return Arrays.copyOf(steps, size);
	}

	int[] neurons() {
		return Arrays.copyOf(neurons, size);
	}

	/** Merges per-partition logs (each sorted by step, partitions in neuron order) into one sorted log. */
	static EventLog merge(final EventLog[] logs) {
		if (logs.length == 1) return logs[0];
		int total = 0;
		for (final EventLog log : logs) total += log.size;
		final EventLog merged = new EventLog(total);
		final int[] position = new int[logs.length];
		while (merged.size < total) {
			int step = Integer.MAX_VALUE;
			for (int q = 0; q < logs.length; q++) {
				if (position[q] < logs[q].size) step = Math.min(step, logs[q].steps[position[q]]);
			}
			for (int q = 0; q < logs.length; q++) {
				final EventLog log = logs[q];
				while (position[q] < log.size && log.steps[position[q]] == step) {
					merged.steps[merged.size] = step;
					merged.neurons[merged.size++] = log.neurons[position[q]++];
				}
			}
		}
		return merged;
	}
}
