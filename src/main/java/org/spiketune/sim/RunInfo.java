package org.spiketune.sim;

/** How a batch was run: backend, device, threads, and the time spent building and simulating. */
public record RunInfo(String backend, String device, int threads, double compileMs, double simulateMs) {}
