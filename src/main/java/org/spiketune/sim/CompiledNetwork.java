package org.spiketune.sim;

import java.util.Arrays;
import java.util.List;

import org.spiketune.model.NetworkSpec;
import org.spiketune.model.NeuronModel;
import org.spiketune.model.ParameterValue;

/**
 * A network laid out in flat arrays for the backends: everything shared by the members of a batch
 * (connectivity, weights, delays, realized per-neuron parameters). Built by {@link NetworkCompiler}.
 *
 * @implNote Treated as immutable once built; arrays are never written by the backends.
 */
public final class CompiledNetwork {

	private final NetworkSpec spec;
	private final long structureSeed;
	private final List<CompiledGroup> groups;
	private final List<CompiledProjection> projections;
	private final List<Channel> channels;
	private final int ringLength;
	private final List<CompiledDrive> drives;
	/** Per group: the image drive of a driven Poisson group, else -1. */
	private final int[] driveOfGroup;

	CompiledNetwork(final NetworkSpec spec, final long structureSeed, final List<CompiledGroup> groups,
		final List<CompiledProjection> projections, final List<Channel> channels, final int ringLength,
		final List<CompiledDrive> drives)
	{
		this.drives = List.copyOf(drives);
		driveOfGroup = new int[groups.size()];
		Arrays.fill(driveOfGroup, -1);
		for (final CompiledDrive d : drives) {
			driveOfGroup[d.onGroup()] = d.index();
			if (d.offGroup() >= 0) driveOfGroup[d.offGroup()] = d.index();
		}
		this.spec = spec;
		this.structureSeed = structureSeed;
		this.groups = List.copyOf(groups);
		this.projections = List.copyOf(projections);
		this.channels = List.copyOf(channels);
		this.ringLength = ringLength;
	}

	public NetworkSpec spec() {
		return spec;
	}

	public long structureSeed() {
		return structureSeed;
	}

	public int neuronCount() {
		return spec.neuronCount();
	}

	public float dtMs() {
		return (float) spec.dtMs();
	}

	public List<CompiledGroup> groups() {
		return groups;
	}

	public List<CompiledProjection> projections() {
		return projections;
	}

	public List<Channel> channels() {
		return channels;
	}

	/** Slots of each channel's delay ring buffer: the longest delay in steps, plus one. */
	public int ringLength() {
		return ringLength;
	}

	/** Image drives of Poisson groups, in the spec's stimulus order. */
	public List<CompiledDrive> drives() {
		return drives;
	}

	/** The drive of a group, or null. */
	public CompiledDrive driveOf(final int group) {
		return driveOfGroup[group] < 0 ? null : drives.get(driveOfGroup[group]);
	}

	public long synapseCount() {
		long total = 0;
		for (final CompiledProjection p : projections) total += p.connectivity().synapseCount();
		return total;
	}

	/** True when some projection learns. */
	public boolean isPlastic() {
		for (final CompiledProjection p : projections) {
			if (p.plastic()) return true;
		}
		return false;
	}

	/** Index of the group that holds global neuron {@code neuron}. */
	public int groupOf(final int neuron) {
		for (final CompiledGroup g : groups) {
			if (neuron < g.end()) return g.index();
		}
		throw new IndexOutOfBoundsException("neuron " + neuron + " of " + neuronCount());
	}

	/**
	 * The member's parameters: the compiled per-neuron values where it keeps the network's own, constants
	 * where it sets a named parameter. {@code network} is the request's spec, which may differ from the
	 * compiled one in bias, noise and gains (of groups' current steps and of projections).
	 */
	public MemberParameters parametersFor(final NetworkSpec network, final Member member) {
		final NetworkSpec memberSpec = network.withParameters(member.parameters());
		final float[][][] values = new float[groups.size()][][];
		final float[] bias = new float[groups.size()];
		final float[] noise = new float[groups.size()];
		final float[] stepGain = new float[groups.size()];
		for (final CompiledGroup g : groups) {
			final NeuronModel base = g.spec().model();
			final NeuronModel own = memberSpec.groups().get(g.index()).model();
			values[g.index()] = new float[base.parameterNames().size()][];
			for (int p = 0; p < values[g.index()].length; p++) {
				final ParameterValue value = own.parameters().get(p);
				if (value.equals(base.parameters().get(p))) {
					values[g.index()][p] = g.baseValues()[p];
				}
				else {
					final float[] constant = new float[g.size()];
					Arrays.fill(constant, (float) value.constantValue());
					values[g.index()][p] = constant;
				}
			}
			bias[g.index()] = (float) memberSpec.groups().get(g.index()).bias();
			noise[g.index()] = (float) memberSpec.groups().get(g.index()).noise();
			stepGain[g.index()] = (float) memberSpec.groups().get(g.index()).gain();
		}
		final float[] gain = new float[projections.size()];
		final float[][] plasticity = new float[projections.size()][];
		for (int p = 0; p < gain.length; p++) {
			final org.spiketune.model.Projection projection = memberSpec.projections().get(p);
			gain[p] = (float) projection.gain();
			if (projection.isPlastic()) plasticity[p] = PlasticRule.constants(projection.plasticity(), spec.dtMs());
		}
		return new MemberParameters(values, bias, noise, stepGain, gain, plasticity);
	}
}
