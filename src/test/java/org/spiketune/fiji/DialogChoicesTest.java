package org.spiketune.fiji;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.spiketune.fit.SingleCellFit;
import org.spiketune.model.CarlsonV1;
import org.spiketune.model.GratingPhase;
import org.spiketune.model.Presets;
import org.spiketune.model.V1ParameterSet;
import org.spiketune.objective.SpikeTrainMatch;
import org.spiketune.sim.backends.Backends;
import org.spiketune.spikes.Measure;
import org.spiketune.tune.Algorithm;

/**
 * Dialog choices cannot drift from the core: a choice must be a compile-time constant, so the commands spell
 * labels the core also spells (parameter sets, grating phases, algorithms). Every choice of every command must
 * be a name the core accepts, every default one of its choices, and where the core has a closed list the
 * dialog offers all of it.
 */
class DialogChoicesTest {

	/** How the core reads each choice input; a new choice input fails the test until it is added here. */
	private static final Map<String, Consumer<String>> PARSERS = Map.of(
		"algorithm", name -> Algorithm.of(name, 0, Double.NaN, Double.NaN),
		"backend", name -> assertTrue(Backends.names().contains(name), () -> "not a backend: " + name),
		"loss", SpikeTrainMatch.Loss::parse,
		"measure", Measure::parse,
		"model", SingleCellFit.CellModel::parse,
		"preset", Presets::get,
		"parameterset", V1ParameterSet::named,
		"gratingphase", GratingPhase::named,
		"side", side -> assertTrue(CarlsonV1.SIDES.contains(Integer.parseInt(side)), () -> "not a V1 size: " + side),
		"tests", tests -> CarlsonV1.protocol(1, Integer.parseInt(tests), 1));

	/** The inputs whose dialog must offer every name the core knows, in any order. */
	private static final Map<String, Set<String>> COMPLETE = Map.of(
		"algorithm", new TreeSet<>(Algorithm.names()),
		"parameterset", labels(V1ParameterSet.values(), V1ParameterSet::label),
		"gratingphase", labels(GratingPhase.values(), GratingPhase::label),
		"side", CarlsonV1.SIDES.stream().map(String::valueOf).collect(Collectors.toCollection(TreeSet::new)));

	@Test
	void everyChoiceIsANameTheCoreAcceptsAndEveryDefaultIsAChoice() throws Exception {
		final List<String> checked = new ArrayList<>();
		for (final Class<?> command : commands()) {
			final Command instance = (Command) command.getDeclaredConstructor().newInstance();
			for (Class<?> c = command; c != null && c != Object.class; c = c.getSuperclass()) {
				for (final Field field : c.getDeclaredFields()) {
					final Parameter parameter = field.getAnnotation(Parameter.class);
					if (parameter == null || parameter.choices().length == 0) continue;
					final String where = command.getSimpleName() + "." + field.getName();
					final Consumer<String> parser = PARSERS.get(field.getName());
					assertNotNull(parser, () -> where + " offers choices the test does not know how the core reads");
					final List<String> choices = Arrays.asList(parameter.choices());
					assertAll(where, choices.stream().map(choice -> () -> assertDoesNotThrow(() -> parser.accept(choice),
						() -> where + ": the core refuses the choice '" + choice + "'")));
					field.setAccessible(true);
					final Object initial = field.get(instance);
					assertTrue(choices.contains(String.valueOf(initial)), () -> where + ": default '" + initial +
						"' is not one of " + choices);
					final Set<String> all = COMPLETE.get(field.getName());
					if (all != null) assertEquals(all, new TreeSet<>(choices), () -> where + " leaves names out");
					checked.add(where);
				}
			}
		}
		// the V1 choices that spell model labels are among those checked
		assertTrue(checked.contains("TrainV1NetworkCommand.parameterset"), checked::toString);
		assertTrue(checked.contains("V1StabilityCommand.gratingphase"), checked::toString);
	}

	@Test
	void theDefaultGratingPhaseIsTheModelsDefault() {
		assertEquals(CarlsonV1.DEFAULT_PHASE, GratingPhase.named(V1Command.DEFAULT_PHASE));
	}

	/** The commands in SciJava's plugin index of this project. */
	private static List<Class<?>> commands() throws IOException, ClassNotFoundException {
		final String index;
		try (InputStream in = DialogChoicesTest.class.getResourceAsStream("/META-INF/json/org.scijava.plugin.Plugin")) {
			assertNotNull(in, "no SciJava plugin index on the class path");
			index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		final Matcher m = Pattern.compile("\\{\"class\":\"(org\\.spiketune\\.[\\w.]+)\",\"values\":\\{[^}]*" +
			"\"type\":\"org\\.scijava\\.command\\.Command\"").matcher(index);
		final List<Class<?>> commands = new ArrayList<>();
		while (m.find()) commands.add(Class.forName(m.group(1)));
		assertFalse(commands.isEmpty(), "no commands in the plugin index");
		return commands;
	}

	private static <E> Set<String> labels(final E[] values, final Function<E, String> label) {
		return Arrays.stream(values).map(label).collect(Collectors.toCollection(TreeSet::new));
	}
}
