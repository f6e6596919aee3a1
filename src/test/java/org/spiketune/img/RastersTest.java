package org.spiketune.img;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.imglib2.RandomAccess;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.junit.jupiter.api.Test;
import org.spiketune.sim.SpikeRecord;

class RastersTest {

	@Test
	void marksEachSpikeInItsBin() {
		// dt 0.5 ms, 10 steps; neuron 1 at steps 0 and 3, neuron 2 at step 9
		final SpikeRecord spikes = new SpikeRecord(3, 0.5, 10, new int[] { 0, 3, 9 }, new int[] { 1, 1, 2 });
		final CalibratedImg<UnsignedByteType> fine = Rasters.raster(spikes, 0.5);
		assertEquals(0.5, fine.spacing(0));
		assertEquals("ms", fine.unit(0));
		assertEquals(10, fine.dimension(0));
		assertEquals(3, fine.dimension(1));
		final RandomAccess<UnsignedByteType> a = fine.randomAccess();
		assertEquals(255, a.setPositionAndGet(0, 1).get());
		assertEquals(255, a.setPositionAndGet(3, 1).get());
		assertEquals(0, a.setPositionAndGet(1, 1).get());
		assertEquals(255, a.setPositionAndGet(9, 2).get());
		final CalibratedImg<UnsignedByteType> coarse = Rasters.raster(spikes, 2); // 4 steps per bin
		assertEquals(2.0, coarse.spacing(0));
		assertEquals(3, coarse.dimension(0));
		assertEquals(255, coarse.randomAccess().setPositionAndGet(0, 1).get());
		assertEquals(255, coarse.randomAccess().setPositionAndGet(2, 2).get());
		int marked = 0;
		for (final UnsignedByteType p : coarse) if (p.get() != 0) marked++;
		assertEquals(2, marked, "neuron 1's two spikes share bin 0");
		assertThrows(IllegalArgumentException.class, () -> Rasters.raster(spikes, 0));
	}
}
