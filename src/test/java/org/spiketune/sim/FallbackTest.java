package org.spiketune.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.spiketune.sim.cpu.CpuBackend;

/**
 * The switch to the fallback backend, with a backend whose device fails on demand: the batch is simulated
 * again on the fallback, and a failed backend the simulator owns is closed once no batch runs on it.
 */
class FallbackTest {

	/** Simulates on the CPU until told to fail; can hold a batch until released; records its closing. */
	private static final class FailingBackend implements Backend, AutoCloseable {

		final CpuBackend cpu = new CpuBackend(1);
		final AtomicBoolean fail = new AtomicBoolean(), closed = new AtomicBoolean();
		final AtomicInteger running = new AtomicInteger(), runningWhenClosed = new AtomicInteger(-1);
		volatile CountDownLatch entered = new CountDownLatch(0), hold = new CountDownLatch(0);

		@Override
		public String name() {
			return "failing";
		}

		@Override
		public String device() {
			return "a device that fails on demand";
		}

		@Override
		public int threads() {
			return 1;
		}

		@Override
		public int concurrentMembers(final SimulationRequest request) {
			return request.size();
		}

		@Override
		public BatchResult simulate(final CompiledNetwork network, final SimulationRequest request) {
			running.incrementAndGet();
			try {
				if (closed.get()) throw new IllegalStateException("simulating on a closed backend");
				if (fail.get()) throw new DeviceFailure("CL_OUT_OF_RESOURCES (injected)", null);
				entered.countDown(); // past the failure check: this batch will finish
				hold.await(1, TimeUnit.MINUTES);
				return cpu.simulate(network, request);
			}
			catch (final InterruptedException e) {
				throw new IllegalStateException(e);
			}
			finally {
				running.decrementAndGet();
			}
		}

		@Override
		public void close() {
			runningWhenClosed.set(running.get());
			closed.set(true);
		}
	}

	private static SimulationRequest request() {
		return SimulationRequest.batch(ContractNetworks.everything(), 100, 3, List.of(Map.of("izh.bias", 2.0), Map.of(
			"izh.bias", 4.0)));
	}

	@Test
	void aFailedBatchRunsAgainOnTheFallbackWithTheSameSpikes() {
		final FailingBackend failing = new FailingBackend();
		final Simulator simulator = Simulator.owning(failing, new CpuBackend(2));
		final BatchResult before = simulator.run(request());
		failing.fail.set(true);
		final BatchResult after = simulator.run(request());
		assertEquals("cpu", after.info().backend());
		for (int m = 0; m < 2; m++) assertTrue(before.member(m).spikes().sameEvents(after.member(m).spikes()));
		assertEquals(1, simulator.switches().size());
		assertTrue(simulator.switches().get(0).contains("CL_OUT_OF_RESOURCES"), simulator.switches().get(0));
	}

	@Test
	void anOwnedFailedBackendIsClosedAndAnotherIsNot() {
		final FailingBackend owned = new FailingBackend(), lent = new FailingBackend();
		owned.fail.set(true);
		lent.fail.set(true);
		Simulator.owning(owned, new CpuBackend(1)).run(request());
		new Simulator(lent, new CpuBackend(1)).run(request());
		assertTrue(owned.closed.get(), "the simulator's own failed backend is closed");
		assertFalse(lent.closed.get(), "a backend the caller passed in stays the caller's to close");
	}

	@Test
	void aFailedBackendIsClosedOnlyAfterTheBatchesStillOnItEnd() throws Exception {
		final FailingBackend failing = new FailingBackend();
		final Simulator simulator = Simulator.owning(failing, new CpuBackend(1));
		failing.entered = new CountDownLatch(1);
		failing.hold = new CountDownLatch(1);
		final Thread slow = Thread.ofPlatform().start(() -> simulator.run(request())); // held inside simulate
		assertTrue(failing.entered.await(1, TimeUnit.MINUTES));
		failing.fail.set(true);
		simulator.run(request()); // fails, switches to the CPU while the slow batch still runs on the device
		assertFalse(failing.closed.get(), "not closed under a running batch");
		failing.hold.countDown();
		slow.join();
		assertTrue(failing.closed.get(), "closed when the last batch left it");
		assertEquals(0, failing.runningWhenClosed.get());
		org.spiketune.Reliability.record("Device faults", "a device fails while another run's batch is still on " +
			"it (two runs sharing one simulator made by name)", "the failed batch re-ran on the CPU; the device's " +
				"backend was closed only when the other batch had finished on it, not under it");
	}
}
