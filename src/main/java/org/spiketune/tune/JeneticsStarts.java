package org.spiketune.tune;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;

import io.jenetics.DoubleGene;
import io.jenetics.Phenotype;
import io.jenetics.engine.EvolutionStart;
import io.jenetics.util.ISeq;

/**
 * Jenetics keeps in a package-private flag whether a start population must be evaluated again ("dirty":
 * the first one, or one an interceptor replaced an individual of); a dirty start costs an evaluator call,
 * which labels the next generations' noise seeds. A resumed run must start exactly as clean or dirty as the
 * run it continues, and Jenetics offers no public way to read or set the flag, so it is reached here.
 */
final class JeneticsStarts {

	private static final Constructor<?> CONSTRUCTOR;
	private static final Method DIRTY;

	static {
		try {
			CONSTRUCTOR = EvolutionStart.class.getDeclaredConstructor(ISeq.class, long.class, boolean.class);
			CONSTRUCTOR.setAccessible(true);
			DIRTY = EvolutionStart.class.getDeclaredMethod("isDirty");
			DIRTY.setAccessible(true);
		}
		catch (final ReflectiveOperationException | RuntimeException e) {
			throw new ExceptionInInitializerError("this Jenetics version has no EvolutionStart(ISeq, long, boolean) and " +
				"isDirty(), which resuming needs: " + e);
		}
	}

	private JeneticsStarts() {}

	static boolean dirty(final EvolutionStart<?, ?> start) {
		try {
			return (Boolean) DIRTY.invoke(start);
		}
		catch (final ReflectiveOperationException e) {
			throw new IllegalStateException("cannot read Jenetics' dirty flag", e);
		}
	}

	@SuppressWarnings("unchecked")
	static <C extends Comparable<? super C>> EvolutionStart<DoubleGene, C> of(
		final ISeq<Phenotype<DoubleGene, C>> population, final long generation, final boolean dirty)
	{
		try {
			return (EvolutionStart<DoubleGene, C>) CONSTRUCTOR.newInstance(population, generation, dirty);
		}
		catch (final ReflectiveOperationException e) {
			throw new IllegalStateException("cannot create a Jenetics start population", e);
		}
	}
}
