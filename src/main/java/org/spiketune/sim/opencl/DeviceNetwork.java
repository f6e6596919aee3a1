package org.spiketune.sim.opencl;

import java.util.ArrayList;
import java.util.List;

import org.spiketune.sim.Channel;
import org.spiketune.sim.CompiledGroup;
import org.spiketune.sim.CompiledNetwork;
import org.spiketune.sim.CompiledProjection;
import org.spiketune.sim.Connectivity;
import org.spiketune.sim.NeuronState;

/**
 * A compiled network packed into the flat tables the kernels read (layouts in common.cl): everything a
 * batch's members share. Pure Java, no OpenCL.
 */
final class DeviceNetwork {

	static final int GROUP_FIELDS = 12, PROJ_FIELDS = 21;
	static final int DENSE = 0, ONE_TO_ONE = 1, SPARSE = 2;

	final CompiledNetwork network;
	final int n, ring;
	/** Per member: synapses, sources and targets of all plastic projections together. */
	final int plasticSynapses, plasticSources, plasticTargets;
	final int[] groupTable, groupChannels, groupOut, neuronGroup, stepBounds, projTable, rows, targets, delays,
			channelKind, replayFirst, replaySteps;
	final float[] groupH, stepAmps, weights, channelDecay, channelReversal;
	/** Image drives: all frames concatenated; per drive its first value and frame size; gap probabilities. */
	final float[] driveFrames, driveGap;
	final int[] driveTable;

	DeviceNetwork(final CompiledNetwork network) {
		this.network = network;
		n = network.neuronCount();
		ring = network.ringLength();
		final List<CompiledGroup> groups = network.groups();
		groupTable = new int[groups.size() * GROUP_FIELDS];
		groupH = new float[groups.size()];
		neuronGroup = new int[n];
		final IntList channels = new IntList(), out = new IntList(), bounds = new IntList();
		final List<Float> amps = new ArrayList<>();
		for (final CompiledGroup g : groups) {
			final int base = g.index() * GROUP_FIELDS;
			groupTable[base] = g.offset();
			groupTable[base + 1] = g.size();
			groupTable[base + 2] = g.kind().ordinal();
			groupTable[base + 3] = g.substeps();
			groupTable[base + 4] = amps.size();
			groupTable[base + 5] = g.stepStart().length;
			for (int k = 0; k < g.stepStart().length; k++) {
				bounds.add(g.stepStart()[k]);
				bounds.add(g.stepEnd()[k]);
				amps.add(g.stepAmplitude()[k]);
			}
			groupTable[base + 6] = channels.size();
			groupTable[base + 7] = g.inputChannels().length;
			for (final int c : g.inputChannels()) channels.add(c);
			groupTable[base + 8] = out.size();
			groupTable[base + 9] = g.outgoing().length;
			final org.spiketune.sim.CompiledDrive drive = network.driveOf(g.index());
			groupTable[base + 10] = drive == null ? -1 : drive.index();
			groupTable[base + 11] = drive == null ? 0 : drive.polarity(g.index());
			for (final int p : g.outgoing()) out.add(p);
			groupH[g.index()] = NeuronState.substep(network.dtMs(), g.substeps());
			java.util.Arrays.fill(neuronGroup, g.offset(), g.end(), g.index());
		}
		final List<org.spiketune.sim.CompiledDrive> drives = network.drives();
		driveTable = new int[2 * drives.size()];
		driveGap = new float[drives.size()];
		long frameValues = 0;
		for (final org.spiketune.sim.CompiledDrive d : drives) {
			frameValues += (long) d.frames().length * d.frames()[0].length;
		}
		if (frameValues > Integer.MAX_VALUE - 8) {
			throw new IllegalArgumentException(frameValues + " image drive values exceed what one device buffer can index");
		}
		driveFrames = new float[(int) frameValues];
		int at = 0;
		for (final org.spiketune.sim.CompiledDrive d : drives) {
			driveTable[2 * d.index()] = at;
			driveTable[2 * d.index() + 1] = d.frames()[0].length;
			driveGap[d.index()] = d.gapProbability();
			for (final float[] frame : d.frames()) {
				System.arraycopy(frame, 0, driveFrames, at, frame.length);
				at += frame.length;
			}
		}
		// replay: neuron i's steps are replaySteps[replayFirst[i] .. replayFirst[i + 1]), none for other kinds
		replayFirst = new int[n + 1];
		final IntList replayed = new IntList();
		for (final CompiledGroup g : groups) {
			for (int l = 0; l < g.size(); l++) {
				replayFirst[g.offset() + l] = replayed.size();
				if (g.replaySteps().length == 0) continue;
				for (int k = g.replayStart()[l]; k < g.replayStart()[l + 1]; k++) replayed.add(g.replaySteps()[k]);
			}
		}
		replayFirst[n] = replayed.size();
		replaySteps = replayed.toArray();
		groupChannels = channels.toArray();
		groupOut = out.toArray();
		stepBounds = bounds.toArray();
		stepAmps = new float[amps.size()];
		for (int k = 0; k < stepAmps.length; k++) stepAmps[k] = amps.get(k);
		final List<Channel> channelList = network.channels();
		channelKind = new int[channelList.size()];
		channelDecay = new float[channelList.size()];
		channelReversal = new float[channelList.size()];
		for (int c = 0; c < channelList.size(); c++) {
			channelKind[c] = channelList.get(c).kind().ordinal();
			channelDecay[c] = channelList.get(c).decay();
			channelReversal[c] = channelList.get(c).reversalMv();
		}
		final List<CompiledProjection> projections = network.projections();
		projTable = new int[projections.size() * PROJ_FIELDS];
		long weightCount = 0, rowCount = 0, targetCount = 0, delayCount = 0;
		for (final CompiledProjection p : projections) {
			weightCount += p.connectivity().synapseCount();
			if (p.connectivity() instanceof Connectivity.Sparse s) {
				rowCount += s.rowStart().length;
				targetCount += s.targets().length;
				if (s.hasDelays()) delayCount += s.delaySteps().length;
			}
		}
		if (weightCount > Integer.MAX_VALUE - 8) {
			throw new IllegalArgumentException(weightCount + " synapses exceed what one device buffer can index");
		}
		weights = new float[(int) weightCount];
		rows = new int[(int) rowCount];
		targets = new int[(int) targetCount];
		delays = new int[(int) delayCount];
		int w = 0, r = 0, t = 0, d = 0;
		long plasticW = 0;
		int plasticS = 0, plasticT = 0;
		for (final CompiledProjection p : projections) {
			final int base = p.index() * PROJ_FIELDS;
			if (p.plastic()) {
				projTable[base + 11] = 1;
				projTable[base + 12] = p.applyEverySteps();
				projTable[base + 13] = p.untilStep();
				projTable[base + 14] = p.sourceSize();
				projTable[base + 15] = (int) plasticW;
				projTable[base + 16] = plasticS;
				projTable[base + 17] = plasticT;
				plasticW += p.connectivity().synapseCount();
				plasticS += p.sourceSize();
				plasticT += p.targetSize();
			}
			projTable[base + 1] = p.sourceOffset();
			projTable[base + 2] = p.targetOffset();
			projTable[base + 3] = p.targetSize();
			projTable[base + 4] = p.channel();
			projTable[base + 5] = p.delaySteps();
			projTable[base + 6] = w;
			projTable[base + 10] = p.index();
			projTable[base + 18] = p.slowChannel();
			projTable[base + 19] = Float.floatToRawIntBits(p.fastScale());
			projTable[base + 20] = Float.floatToRawIntBits(p.slowScale());
			switch (p.connectivity()) {
				case Connectivity.Dense dense -> {
					projTable[base] = DENSE;
					for (final float[] row : dense.rows()) {
						System.arraycopy(row, 0, weights, w, row.length);
						w += row.length;
					}
				}
				case Connectivity.OneToOne diagonal -> {
					projTable[base] = ONE_TO_ONE;
					System.arraycopy(diagonal.weights(), 0, weights, w, diagonal.weights().length);
					w += diagonal.weights().length;
				}
				case Connectivity.Sparse sparse -> {
					projTable[base] = SPARSE;
					projTable[base + 7] = r;
					projTable[base + 8] = t;
					projTable[base + 9] = d;
					System.arraycopy(sparse.rowStart(), 0, rows, r, sparse.rowStart().length);
					r += sparse.rowStart().length;
					System.arraycopy(sparse.targets(), 0, targets, t, sparse.targets().length);
					t += sparse.targets().length;
					System.arraycopy(sparse.weights(), 0, weights, w, sparse.weights().length);
					w += sparse.weights().length;
					if (sparse.hasDelays()) {
						for (final short delay : sparse.delaySteps()) delays[d++] = delay;
					}
				}
			}
		}
		if (plasticW > Integer.MAX_VALUE - 8) {
			throw new IllegalArgumentException(plasticW + " plastic synapses exceed what one device buffer can index");
		}
		plasticSynapses = (int) plasticW;
		plasticSources = plasticS;
		plasticTargets = plasticT;
	}

	/** Bytes of the shared tables on the device. */
	long bytes() {
		return 4L * (groupTable.length + groupChannels.length + groupOut.length + neuronGroup.length + stepBounds
			.length + projTable.length + rows.length + targets.length + delays.length + channelKind.length + groupH
				.length + stepAmps.length + weights.length + channelDecay.length + replayFirst.length + replaySteps
					.length + channelReversal.length + driveFrames.length + driveGap.length + driveTable.length) + 8L * 257 + 8L * 256;
	}

	/** A growable int array. */
	static final class IntList {

		private int[] data = new int[16];
		private int size;

		void add(final int value) {
			if (size == data.length) data = java.util.Arrays.copyOf(data, size * 2);
			data[size++] = value;
		}

		int size() {
			return size;
		}

		int[] toArray() {
			return java.util.Arrays.copyOf(data, size);
		}
	}
}
