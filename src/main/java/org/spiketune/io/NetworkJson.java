package org.spiketune.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.spiketune.model.AdEx;
import org.spiketune.model.Delay;
import org.spiketune.model.Izhikevich;
import org.spiketune.model.Lif;
import org.spiketune.model.NetworkSpec;
import org.spiketune.model.NeuronGroup;
import org.spiketune.model.NeuronModel;
import org.spiketune.model.ParameterValue;
import org.spiketune.model.Plasticity;
import org.spiketune.model.PoissonSource;
import org.spiketune.model.Projection;
import org.spiketune.model.Protocol;
import org.spiketune.model.SpikeReplay;
import org.spiketune.model.Stimulus;
import org.spiketune.model.Synapse;
import org.spiketune.model.Topology;
import org.spiketune.model.Weights;

/**
 * A {@link NetworkSpec} as a JSON tree and back; {@link NetworkFile} reads and writes the files. Keys are the
 * names of the Java records' components, models' parameters are their tunable names ({@code a},
 * {@code vpeak}...), and every variant (model, topology, synapse, distribution, stimulus) is an object
 * with a {@code "type"}. A hand-written file may leave out what has a default: a group's bias and noise (0),
 * substeps and gain (1); a projection's delay (1 ms), synapse (pulse), gain (1) and plasticity (none);
 * the lists of projections and stimuli. A plain number stands for a constant parameter, weight or delay.
 * Unknown keys are refused, so a misspelt one is never ignored.
 */
final class NetworkJson {

	static final String FORMAT = "spiketune-network";
	static final int VERSION = 1;

	/** A model of each kind with default values, from which a file's values build the model. */
	private static final Map<String, Supplier<NeuronModel>> MODELS = Map.of("izhikevich", () -> Izhikevich.of(0.02,
		0.2, -65, 8), "adex", AdEx::bretteGerstner2005, "lif", Lif::standard, "poisson", () -> PoissonSource.of(1));

	private static final String REPLAY = "replay";

	private NetworkJson() {}

	// -- Writing --

	static JsonObject toJson(final NetworkSpec spec) {
		final JsonObject root = new JsonObject();
		root.addProperty("format", FORMAT);
		root.addProperty("version", VERSION);
		root.addProperty("name", spec.name());
		root.addProperty("dtMs", spec.dtMs());
		final JsonArray groups = new JsonArray();
		for (final NeuronGroup g : spec.groups()) groups.add(group(g));
		root.add("groups", groups);
		final JsonArray projections = new JsonArray();
		for (final Projection p : spec.projections()) projections.add(projection(p));
		root.add("projections", projections);
		final JsonArray stimuli = new JsonArray();
		for (final Stimulus s : spec.stimuli()) stimuli.add(stimulus(s));
		root.add("stimuli", stimuli);
		return root;
	}

	private static JsonObject group(final NeuronGroup g) {
		final JsonObject o = new JsonObject();
		o.addProperty("name", g.name());
		o.addProperty("size", g.size());
		o.add("model", model(g.model()));
		o.addProperty("bias", g.bias());
		o.addProperty("noise", g.noise());
		o.addProperty("substeps", g.substeps());
		o.addProperty("gain", g.gain());
		return o;
	}

	private static JsonObject model(final NeuronModel model) {
		final JsonObject o = typed(model instanceof SpikeReplay ? REPLAY : model.kind());
		if (model instanceof SpikeReplay replay) {
			final JsonArray trains = new JsonArray();
			for (int i = 0; i < replay.size(); i++) trains.add(numbers(replay.times(i)));
			o.add("timesMs", trains);
			return o;
		}
		for (int i = 0; i < model.parameterNames().size(); i++) {
			final String name = model.parameterNames().get(i);
			switch (model.parameters().get(i)) {
				case ParameterValue.Constant c -> o.addProperty(name, c.value());
				case ParameterValue.SharedRandom s -> {
					final JsonObject v = typed("shared-random");
					v.addProperty("base", s.base());
					v.addProperty("scale", s.scale());
					v.addProperty("power", s.power());
					o.add(name, v);
				}
				case ParameterValue.Uniform u -> {
					final JsonObject v = typed("uniform");
					v.addProperty("low", u.low());
					v.addProperty("high", u.high());
					o.add(name, v);
				}
				case ParameterValue.Normal n -> {
					final JsonObject v = typed("normal");
					v.addProperty("mean", n.mean());
					v.addProperty("sd", n.sd());
					o.add(name, v);
				}
			}
		}
		return o;
	}

	private static JsonObject projection(final Projection p) {
		final JsonObject o = new JsonObject();
		o.addProperty("name", p.name());
		o.addProperty("source", p.source());
		o.addProperty("target", p.target());
		o.add("topology", switch (p.topology()) {
			case Topology.AllToAll a -> withSelf(typed("all-to-all"), a.selfConnections());
			case Topology.OneToOne x -> typed("one-to-one");
			case Topology.FixedProbability f -> {
				final JsonObject t = typed("fixed-probability");
				t.addProperty("p", f.p());
				yield withSelf(t, f.selfConnections());
			}
			case Topology.FixedInDegree f -> {
				final JsonObject t = typed("fixed-in-degree");
				t.addProperty("k", f.k());
				yield withSelf(t, f.selfConnections());
			}
		});
		o.add("weights", switch (p.weights()) {
			case Weights.Constant c -> new com.google.gson.JsonPrimitive(c.value());
			case Weights.UniformRange u -> {
				final JsonObject w = typed("uniform");
				w.addProperty("low", u.low());
				w.addProperty("high", u.high());
				yield w;
			}
			case Weights.Explicit e -> {
				final JsonObject w = typed("explicit");
				w.add("values", numbers(e.values()));
				yield w;
			}
		});
		final JsonObject delay = new JsonObject();
		delay.addProperty("minMs", p.delay().minMs());
		delay.addProperty("maxMs", p.delay().maxMs());
		o.add("delay", delay);
		o.add("synapse", synapse(p.synapse()));
		o.addProperty("gain", p.gain());
		if (p.isPlastic()) o.add("plasticity", plasticity(p.plasticity()));
		return o;
	}

	private static JsonObject synapse(final Synapse synapse) {
		return switch (synapse) {
			case Synapse.CurrentPulse x -> typed("pulse");
			case Synapse.ExponentialCurrent e -> {
				final JsonObject s = typed("exponential");
				s.addProperty("tauMs", e.tauMs());
				yield s;
			}
			case Synapse.Conductance c -> {
				final JsonObject s = typed("conductance");
				s.addProperty("receptor", c.receptor());
				s.addProperty("tauMs", c.tauMs());
				s.addProperty("reversalMv", c.reversalMv());
				s.addProperty("voltageGated", c.voltageGated());
				yield s;
			}
			case Synapse.Receptors r -> {
				final JsonObject s = typed("receptors");
				s.add("fast", synapse(r.fast()));
				s.add("slow", synapse(r.slow()));
				s.addProperty("fastScale", r.fastScale());
				s.addProperty("slowScale", r.slowScale());
				yield s;
			}
		};
	}

	private static JsonObject plasticity(final Plasticity rule) {
		final JsonObject o = new JsonObject();
		final JsonObject stdp = new JsonObject();
		stdp.addProperty("ltpAmplitude", rule.stdp().ltpAmplitude());
		stdp.addProperty("ltpTauMs", rule.stdp().ltpTauMs());
		stdp.addProperty("ltdAmplitude", rule.stdp().ltdAmplitude());
		stdp.addProperty("ltdTauMs", rule.stdp().ltdTauMs());
		stdp.addProperty("inverted", rule.stdp().inverted());
		o.add("stdp", stdp);
		if (rule.hasHomeostasis()) {
			final JsonObject h = new JsonObject();
			h.addProperty("targetRateHz", rule.homeostasis().targetRateHz());
			h.addProperty("alpha", rule.homeostasis().alpha());
			h.addProperty("gamma", rule.homeostasis().gamma());
			h.addProperty("averagingMs", rule.homeostasis().averagingMs());
			o.add("homeostasis", h);
		}
		o.addProperty("minWeight", rule.minWeight());
		o.addProperty("maxWeight", rule.maxWeight());
		o.addProperty("learningRate", rule.learningRate());
		o.addProperty("driftPerS", rule.driftPerS());
		o.addProperty("applyEveryMs", rule.applyEveryMs());
		// JSON has no infinity: learning that never stops has no untilMs
		if (Double.isFinite(rule.untilMs())) o.addProperty("untilMs", rule.untilMs());
		return o;
	}

	private static JsonObject stimulus(final Stimulus stimulus) {
		return switch (stimulus) {
			case Stimulus.CurrentStep s -> {
				final JsonObject o = typed("current-step");
				o.addProperty("group", s.group());
				o.addProperty("startMs", s.startMs());
				o.addProperty("endMs", s.endMs());
				o.addProperty("amplitude", s.amplitude());
				yield o;
			}
			case Stimulus.ImageDrive d -> {
				final JsonObject o = typed("image-drive");
				o.addProperty("group", d.group());
				if (d.offGroup() != null) o.addProperty("offGroup", d.offGroup());
				o.addProperty("gapRateHz", d.gapRateHz());
				final JsonArray frames = new JsonArray();
				for (final float[] frame : d.frames()) {
					final JsonArray values = new JsonArray(frame.length);
					for (final float v : frame) values.add(v);
					frames.add(values);
				}
				o.add("frames", frames);
				o.add("protocol", protocol(d.protocol()));
				yield o;
			}
		};
	}

	private static JsonArray protocol(final Protocol protocol) {
		final JsonArray phases = new JsonArray();
		for (final Protocol.Phase phase : protocol.phases()) {
			final JsonObject o = new JsonObject();
			o.addProperty("name", phase.name());
			o.addProperty("repeats", phase.repeats());
			o.addProperty("shuffled", phase.shuffled());
			o.addProperty("gapMs", phase.gapMs());
			final JsonArray presentations = new JsonArray();
			for (final Protocol.Presentation p : phase.presentations()) {
				final JsonObject shown = new JsonObject();
				shown.addProperty("frame", p.frame());
				shown.addProperty("durationMs", p.durationMs());
				shown.addProperty("temporalHz", p.temporalHz());
				presentations.add(shown);
			}
			o.add("presentations", presentations);
			phases.add(o);
		}
		return phases;
	}

	private static JsonObject typed(final String type) {
		final JsonObject o = new JsonObject();
		o.addProperty("type", type);
		return o;
	}

	private static JsonObject withSelf(final JsonObject topology, final boolean selfConnections) {
		topology.addProperty("selfConnections", selfConnections);
		return topology;
	}

	private static JsonArray numbers(final double[] values) {
		final JsonArray array = new JsonArray(values.length);
		for (final double v : values) array.add(v);
		return array;
	}

	// -- Reading --

	/**
	 * The network a JSON tree describes.
	 *
	 * @throws IllegalArgumentException naming the place in the tree (e.g. {@code groups[1].model.a}) and the
	 *           problem, when the tree is not a valid network
	 */
	static NetworkSpec fromJson(final JsonValue root) {
		root.onlyKeys(Set.of("format", "version", "name", "dtMs", "groups", "projections", "stimuli"));
		if (!root.has("format") || !FORMAT.equals(root.get("format").string())) {
			throw root.problem("not a SpikeTune network: \"format\" must be \"" + FORMAT + "\"");
		}
		final int version = root.get("version").integer(1);
		if (version > VERSION) {
			throw root.problem("network file version " + version + " is newer than this SpikeTune reads (" + VERSION +
				"); update SpikeTune");
		}
		final List<NeuronGroup> groups = new ArrayList<>();
		for (final JsonValue g : root.get("groups").elements()) groups.add(checked(g, () -> readGroup(g)));
		final List<Projection> projections = new ArrayList<>();
		if (root.has("projections")) {
			for (final JsonValue p : root.get("projections").elements()) projections.add(checked(p, () -> readProjection(
				p)));
		}
		final List<Stimulus> stimuli = new ArrayList<>();
		if (root.has("stimuli")) {
			for (final JsonValue s : root.get("stimuli").elements()) stimuli.add(checked(s, () -> readStimulus(s)));
		}
		final String name = root.get("name").string();
		final double dt = root.get("dtMs").number();
		return checked(root, () -> new NetworkSpec(name, dt, groups, projections, stimuli));
	}

	/** Runs a constructor, turning its refusal into a problem at {@code where} in the file. */
	private static <T> T checked(final JsonValue where, final Supplier<T> build) {
		try {
			return build.get();
		}
		catch (final JsonValue.Problem e) {
			throw e;
		}
		catch (final IllegalArgumentException e) {
			throw where.problem(e.getMessage());
		}
	}

	private static NeuronGroup readGroup(final JsonValue g) {
		g.onlyKeys(Set.of("name", "size", "model", "bias", "noise", "substeps", "gain"));
		final int size = g.get("size").integer(1);
		final NeuronModel model = checked(g.get("model"), () -> readModel(g.get("model")));
		final int substeps = g.has("substeps") ? g.get("substeps").integer(1) : 1;
		return new NeuronGroup(g.get("name").string(), size, model, g.number("bias", 0), g.number("noise", 0),
			substeps, g.number("gain", 1));
	}

	private static NeuronModel readModel(final JsonValue m) {
		final String type = m.get("type").string();
		if (type.equals(REPLAY)) {
			m.onlyKeys(Set.of("type", "timesMs"));
			final List<JsonValue> trains = m.get("timesMs").elements();
			final double[][] times = new double[trains.size()][];
			for (int i = 0; i < times.length; i++) times[i] = trains.get(i).numbers();
			return SpikeReplay.of(times);
		}
		final Supplier<NeuronModel> kind = MODELS.get(type);
		if (kind == null) {
			throw m.get("type").problem("unknown model \"" + type + "\"; known: " + new java.util.TreeSet<>(MODELS
				.keySet()) + ", " + REPLAY);
		}
		final NeuronModel prototype = kind.get();
		final Set<String> keys = new java.util.HashSet<>(prototype.parameterNames());
		keys.add("type");
		m.onlyKeys(keys);
		final List<ParameterValue> values = new ArrayList<>();
		for (final String name : prototype.parameterNames()) {
			if (!m.has(name)) {
				throw m.problem(type + " parameter \"" + name + "\" is missing; the " + type + " model needs " + prototype
					.parameterNames());
			}
			final JsonValue v = m.get(name);
			values.add(checked(v, () -> readParameter(v)));
		}
		return prototype.withParameters(values);
	}

	private static ParameterValue readParameter(final JsonValue v) {
		if (v.isNumber()) return ParameterValue.of(v.number());
		if (!v.isObject()) throw v.problem("expected a number or a distribution {\"type\": ...}");
		final String type = v.get("type").string();
		return switch (type) {
			case "shared-random" -> {
				v.onlyKeys(Set.of("type", "base", "scale", "power"));
				yield ParameterValue.sharedRandom(v.get("base").number(), v.get("scale").number(), v.get("power")
					.number());
			}
			case "uniform" -> {
				v.onlyKeys(Set.of("type", "low", "high"));
				yield ParameterValue.uniform(v.get("low").number(), v.get("high").number());
			}
			case "normal" -> {
				v.onlyKeys(Set.of("type", "mean", "sd"));
				yield ParameterValue.normal(v.get("mean").number(), v.get("sd").number());
			}
			default -> throw v.get("type").problem("unknown distribution \"" + type +
				"\"; known: shared-random, uniform, normal");
		};
	}

	private static Projection readProjection(final JsonValue p) {
		p.onlyKeys(Set.of("name", "source", "target", "topology", "weights", "delay", "synapse", "gain",
			"plasticity"));
		final Topology topology = checked(p.get("topology"), () -> readTopology(p.get("topology")));
		final Weights weights = checked(p.get("weights"), () -> readWeights(p.get("weights")));
		final Delay delay = p.has("delay") ? checked(p.get("delay"), () -> readDelay(p.get("delay"))) : Delay.of(1);
		final Synapse synapse = p.has("synapse") ? checked(p.get("synapse"), () -> readSynapse(p.get("synapse")))
			: Synapse.pulse();
		final Plasticity plasticity = p.has("plasticity") ? checked(p.get("plasticity"), () -> readPlasticity(p.get(
			"plasticity"))) : null;
		return new Projection(p.get("name").string(), p.get("source").string(), p.get("target").string(), topology,
			weights, delay, synapse, p.number("gain", 1), plasticity);
	}

	private static Topology readTopology(final JsonValue t) {
		final String type = t.get("type").string();
		return switch (type) {
			case "all-to-all" -> {
				t.onlyKeys(Set.of("type", "selfConnections"));
				yield new Topology.AllToAll(self(t, true));
			}
			case "one-to-one" -> {
				t.onlyKeys(Set.of("type"));
				yield Topology.oneToOne();
			}
			case "fixed-probability" -> {
				t.onlyKeys(Set.of("type", "p", "selfConnections"));
				yield new Topology.FixedProbability(t.get("p").number(), self(t, false));
			}
			case "fixed-in-degree" -> {
				t.onlyKeys(Set.of("type", "k", "selfConnections"));
				yield new Topology.FixedInDegree(t.get("k").integer(1), self(t, false));
			}
			default -> throw t.get("type").problem("unknown topology \"" + type +
				"\"; known: all-to-all, one-to-one, fixed-probability, fixed-in-degree");
		};
	}

	private static boolean self(final JsonValue t, final boolean absent) {
		return t.has("selfConnections") ? t.get("selfConnections").bool() : absent;
	}

	private static Weights readWeights(final JsonValue w) {
		if (w.isNumber()) return Weights.constant(w.number());
		if (!w.isObject()) throw w.problem("expected a number or {\"type\": \"uniform\" | \"explicit\", ...}");
		final String type = w.get("type").string();
		return switch (type) {
			case "uniform" -> {
				w.onlyKeys(Set.of("type", "low", "high"));
				yield Weights.uniform(w.get("low").number(), w.get("high").number());
			}
			case "explicit" -> {
				w.onlyKeys(Set.of("type", "values"));
				yield new Weights.Explicit(w.get("values").numbers());
			}
			default -> throw w.get("type").problem("unknown weights \"" + type + "\"; known: uniform, explicit");
		};
	}

	private static Delay readDelay(final JsonValue d) {
		if (d.isNumber()) return Delay.of(d.integer(1));
		d.onlyKeys(Set.of("minMs", "maxMs"));
		return new Delay(d.get("minMs").integer(1), d.get("maxMs").integer(1));
	}

	private static Synapse readSynapse(final JsonValue s) {
		final String type = s.get("type").string();
		return switch (type) {
			case "pulse" -> {
				s.onlyKeys(Set.of("type"));
				yield Synapse.pulse();
			}
			case "exponential" -> {
				s.onlyKeys(Set.of("type", "tauMs"));
				yield Synapse.exponential(s.get("tauMs").number());
			}
			case "conductance" -> readConductance(s);
			case "receptors" -> {
				s.onlyKeys(Set.of("type", "fast", "slow", "fastScale", "slowScale"));
				final Synapse.Conductance fast = checked(s.get("fast"), () -> readConductance(s.get("fast")));
				final Synapse.Conductance slow = checked(s.get("slow"), () -> readConductance(s.get("slow")));
				yield new Synapse.Receptors(fast, slow, s.has("fastScale") ? s.get("fastScale").number() : 1, s.has(
					"slowScale") ? s.get("slowScale").number() : 1);
			}
			default -> throw s.get("type").problem("unknown synapse \"" + type +
				"\"; known: pulse, exponential, conductance, receptors");
		};
	}

	private static Synapse.Conductance readConductance(final JsonValue s) {
		final String type = s.get("type").string();
		if (!type.equals("conductance")) {
			throw s.get("type").problem("a receptor must be a conductance, got \"" + type + "\"");
		}
		s.onlyKeys(Set.of("type", "receptor", "tauMs", "reversalMv", "voltageGated"));
		return new Synapse.Conductance(s.get("receptor").string(), s.get("tauMs").number(), s.get("reversalMv")
			.number(), s.has("voltageGated") && s.get("voltageGated").bool());
	}

	private static Plasticity readPlasticity(final JsonValue p) {
		p.onlyKeys(Set.of("stdp", "homeostasis", "minWeight", "maxWeight", "learningRate", "driftPerS",
			"applyEveryMs", "untilMs"));
		final JsonValue s = p.get("stdp").onlyKeys(Set.of("ltpAmplitude", "ltpTauMs", "ltdAmplitude", "ltdTauMs",
			"inverted"));
		final Plasticity.Stdp stdp = checked(s, () -> new Plasticity.Stdp(s.get("ltpAmplitude").number(), s.get(
			"ltpTauMs").number(), s.get("ltdAmplitude").number(), s.get("ltdTauMs").number(), s.has("inverted") && s
				.get("inverted").bool()));
		Plasticity.Homeostasis homeostasis = null;
		if (p.has("homeostasis")) {
			final JsonValue h = p.get("homeostasis").onlyKeys(Set.of("targetRateHz", "alpha", "gamma", "averagingMs"));
			homeostasis = checked(h, () -> new Plasticity.Homeostasis(h.get("targetRateHz").number(), h.get("alpha")
				.number(), h.get("gamma").number(), h.get("averagingMs").number()));
		}
		return new Plasticity(stdp, homeostasis, p.get("minWeight").number(), p.get("maxWeight").number(), p.number(
			"learningRate", 1), p.number("driftPerS", 0), p.number("applyEveryMs", 1000), p.number("untilMs",
				Double.POSITIVE_INFINITY));
	}

	private static Stimulus readStimulus(final JsonValue s) {
		final String type = s.get("type").string();
		return switch (type) {
			case "current-step" -> {
				s.onlyKeys(Set.of("type", "group", "startMs", "endMs", "amplitude"));
				yield Stimulus.step(s.get("group").string(), s.get("startMs").number(), s.get("endMs").number(), s.get(
					"amplitude").number());
			}
			case "image-drive" -> {
				s.onlyKeys(Set.of("type", "group", "offGroup", "gapRateHz", "frames", "protocol"));
				final List<float[]> frames = new ArrayList<>();
				for (final JsonValue f : s.get("frames").elements()) {
					final double[] values = f.numbers();
					final float[] frame = new float[values.length];
					for (int i = 0; i < frame.length; i++) frame[i] = (float) values[i];
					frames.add(frame);
				}
				final Protocol protocol = checked(s.get("protocol"), () -> readProtocol(s.get("protocol")));
				yield new Stimulus.ImageDrive(s.get("group").string(), s.has("offGroup") ? s.get("offGroup").string()
					: null, frames, protocol, s.get("gapRateHz").number());
			}
			default -> throw s.get("type").problem("unknown stimulus \"" + type + "\"; known: current-step, image-drive");
		};
	}

	private static Protocol readProtocol(final JsonValue phases) {
		final List<Protocol.Phase> result = new ArrayList<>();
		for (final JsonValue phase : phases.elements()) {
			phase.onlyKeys(Set.of("name", "repeats", "shuffled", "gapMs", "presentations"));
			final List<Protocol.Presentation> shown = new ArrayList<>();
			for (final JsonValue p : phase.get("presentations").elements()) {
				p.onlyKeys(Set.of("frame", "durationMs", "temporalHz"));
				shown.add(checked(p, () -> new Protocol.Presentation(p.get("frame").integer(0), p.get("durationMs")
					.number(), p.number("temporalHz", 0))));
			}
			result.add(checked(phase, () -> new Protocol.Phase(phase.get("name").string(), shown, phase.get("repeats")
				.integer(1), phase.has("shuffled") && phase.get("shuffled").bool(), phase.number("gapMs", 0))));
		}
		return new Protocol(result);
	}
}
