package org.spiketune.objective;

import java.util.List;
import java.util.Locale;

import org.spiketune.model.Checks;
import org.spiketune.sim.MemberResult;
import org.spiketune.spikes.CoincidenceFactor;
import org.spiketune.spikes.IsiDistance;
import org.spiketune.spikes.SpikeDistance;
import org.spiketune.spikes.SpikeTrains;

/**
 * How closely simulated spike trains reproduce recorded ones: target train {@code k} is compared with model
 * neuron {@code neurons[k]} over the target's window, and the losses of all pairs are summed. The losses:
 * <ul>
 * <li>{@link Loss#SPIKE_COUNT}: SPIKE-distance + |spike-count difference| per pair, the loss of SpikeNetOpt
 * (the count term dominates until counts agree, then timing decides);</li>
 * <li>{@link Loss#GAMMA}: 1 − Γ per pair, Γ the coincidence factor within ±{@code windowMs};</li>
 * <li>{@link Loss#GAMMA_RATE}: 1 − Γ + 2|n_model − n_data| / n_data per pair, the rate-corrected form
 * (Clopath et al. 2007), which keeps a fit from trading spike count for timing.</li>
 * </ul>
 * Components: the loss, the mean SPIKE-distance, the summed absolute count difference and the mean Γ
 * (undefined Γ, when chance alone would match every spike, counts as 0).
 */
public final class SpikeTrainMatch implements Objective {

	/** The coincidence window of the single-neuron prediction competition (Jolivet et al. 2008). */
	public static final double DEFAULT_WINDOW_MS = 4;

	public enum Loss {
		SPIKE("spike"), SPIKE_COUNT("spike+count"), ISI_COUNT("isi+count"), GAMMA("gamma"), GAMMA_RATE("gamma+rate");

		private final String key;

		Loss(final String key) {
			this.key = key;
		}

		public String key() {
			return key;
		}

		/** By key ({@code spike+count}, {@code gamma}) or enum name, any case. */
		public static Loss parse(final String text) {
			final String t = Checks.notNull("loss", text).trim().toLowerCase(Locale.ROOT);
			for (final Loss l : values()) {
				if (l.key.equals(t) || l.name().toLowerCase(Locale.ROOT).equals(t)) return l;
			}
			throw new IllegalArgumentException("unknown loss '" + text + "'; use spike, spike+count, isi+count, gamma " +
				"or gamma+rate");
		}
	}

	private final SpikeTrains target;
	private final int[] neurons;
	private final Loss loss;
	private final double windowMs;

	private SpikeTrainMatch(final SpikeTrains target, final int[] neurons, final Loss loss,
		final double windowMs)
	{
		this.target = Checks.notNull("target spike trains", target);
		this.neurons = Checks.notNull("model neurons", neurons).clone();
		this.loss = Checks.notNull("loss", loss);
		this.windowMs = Checks.positive("coincidence window (ms)", windowMs);
		if (neurons.length != target.size()) {
			throw new IllegalArgumentException(target.size() + " target trains but " + neurons.length +
				" model neurons to compare them with");
		}
		for (final int n : neurons) Checks.atLeast("model neuron", n, 0);
	}

	/** Target train k against model neuron {@code neurons[k]}. */
	public static SpikeTrainMatch of(final SpikeTrains target, final int[] neurons, final Loss loss,
		final double windowMs)
	{
		return new SpikeTrainMatch(target, neurons, loss, windowMs);
	}

	/** Target train k against model neuron k. */
	public static SpikeTrainMatch of(final SpikeTrains target, final Loss loss) {
		return new SpikeTrainMatch(target, java.util.stream.IntStream.range(0, target.size()).toArray(), loss,
			DEFAULT_WINDOW_MS);
	}

	public SpikeTrains target() {
		return target;
	}

	public Loss loss() {
		return loss;
	}

	public double windowMs() {
		return windowMs;
	}

	@Override
	public String name() {
		return "spike-train-match";
	}

	@Override
	public String fitnessLabel() {
		return switch (loss) {
			case SPIKE -> "sum of SPIKE-distances";
			case SPIKE_COUNT -> "sum of SPIKE-distance + |count difference|";
			case ISI_COUNT -> "sum of ISI-distance + |count difference|";
			case GAMMA -> "sum of 1 - coincidence factor";
			case GAMMA_RATE -> "sum of 1 - coincidence factor + relative rate error";
		};
	}

	@Override
	public boolean minimize() {
		return true;
	}

	@Override
	public List<String> components() {
		return List.of("loss", "mean_spike_distance", "count_error", "mean_gamma");
	}

	@Override
	public List<String> objectives() {
		return List.of("loss");
	}

	@Override
	public Score score(final MemberResult result) {
		if (result.spikes().neuronCount() <= max(neurons)) {
			throw new IllegalArgumentException("the model has " + result.spikes().neuronCount() +
				" neurons; the target maps to neuron " + max(neurons));
		}
		final SpikeTrains model = result.spikes().spikeTrains();
		final Comparison c = compare(target, model, neurons, windowMs);
		final double value = switch (loss) {
			case SPIKE -> c.distanceSum();
			case SPIKE_COUNT -> c.distanceSum() + c.countError();
			case ISI_COUNT -> c.isiDistanceSum() + c.countError();
			case GAMMA -> c.pairs() - c.gammaSum();
			case GAMMA_RATE -> c.pairs() - c.gammaSum() + c.relativeRateError();
		};
		return Score.of(value, new double[] { value, c.distanceSum() / c.pairs(), c.countError(), c.gammaSum() / c
			.pairs() }, new double[] { value });
	}

	/** Per-pair measures of model neurons {@code neurons[k]} against target trains k, in the target's window. */
	public record Comparison(double[] spikeDistance, int[] targetCount, int[] modelCount, double[] gamma,
		double[] isiDistance)
	{

		public int pairs() {
			return gamma.length;
		}

		public double isiDistanceSum() {
			double s = 0;
			for (final double d : isiDistance) s += d;
			return s;
		}

		public double distanceSum() {
			double s = 0;
			for (final double d : spikeDistance) s += d;
			return s;
		}

		public int countError() {
			int s = 0;
			for (int k = 0; k < targetCount.length; k++) s += Math.abs(targetCount[k] - modelCount[k]);
			return s;
		}

		/**
		 * Σ 2|n_model − n_data| / n_data over pairs (an empty data train: 2 n_model), as
		 * {@link CoincidenceFactor#loss} adds it.
		 */
		public double relativeRateError() {
			double s = 0;
			for (int k = 0; k < targetCount.length; k++) {
				s += targetCount[k] == 0 ? 2.0 * modelCount[k] : 2.0 * Math.abs(targetCount[k] - modelCount[k]) /
					targetCount[k];
			}
			return s;
		}

		/** Γ summed, undefined values as 0. */
		public double gammaSum() {
			double s = 0;
			for (final double g : gamma) s += Double.isNaN(g) ? 0 : g;
			return s;
		}
	}

	public static Comparison compare(final SpikeTrains target, final SpikeTrains model, final int[] neurons,
		final double windowMs)
	{
		final double start = target.startMs(), stop = target.stopMs();
		final int n = target.size();
		final double[] distance = new double[n], gamma = new double[n], isi = new double[n];
		final int[] targetCount = new int[n], modelCount = new int[n];
		for (int k = 0; k < n; k++) {
			final double[] data = target.times(k);
			final double[] predicted = inWindow(model.times(neurons[k]), start, stop);
			distance[k] = SpikeDistance.distance(data, predicted, start, stop);
			isi[k] = IsiDistance.distance(data, predicted, start, stop);
			gamma[k] = CoincidenceFactor.gamma(data, predicted, windowMs, stop - start);
			targetCount[k] = data.length;
			modelCount[k] = predicted.length;
		}
		return new Comparison(distance, targetCount, modelCount, gamma, isi);
	}

	private static double[] inWindow(final double[] times, final double start, final double stop) {
		int from = 0, to = times.length;
		while (from < to && times[from] < start) from++;
		while (to > from && times[to - 1] > stop) to--;
		return java.util.Arrays.copyOfRange(times, from, to);
	}

	private static int max(final int[] values) {
		int m = -1;
		for (final int v : values) m = Math.max(m, v);
		return m;
	}

	@Override
	public String toString() {
		return "spike-train-match (" + loss.key() + ", " + target.size() + " trains)";
	}
}
