package org.spiketune.fiji;

import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.spiketune.model.CarlsonV1;
import org.spiketune.model.GratingPhase;
import org.spiketune.model.V1ParameterSet;
import org.spiketune.tune.V1Study;

/**
 * What the V1 study's commands share: the service, the log, the size of the study (image side, training
 * repeats, time scale) and its gratings (still or counterphase, cosine or sine), from which {@link #settings}
 * builds a {@link V1Study.Settings}.
 */
abstract class V1Command extends ContextCommand {

	/**
	 * The labels of {@link V1ParameterSet}, spelled again as a dialog's choices must be constants
	 * (DialogChoicesTest holds every command's choices to the names the core accepts).
	 */
	protected static final String PRESET_SET = "preset defaults";
	protected static final String TUNED_SET = "tuned with NMDA and GABA-B";
	/** The labels of {@link GratingPhase}, and the default's ({@link CarlsonV1#DEFAULT_PHASE}). */
	protected static final String SINE_PHASE = "sine", COSINE_PHASE = "cosine", DEFAULT_PHASE = COSINE_PHASE;
	protected static final String SET_DESCRIPTION = "The values to start from; the Parameters field changes " +
		"single ones. 'tuned with NMDA and GABA-B' is the set this project's evolution strategy found with the " +
		"study's fitness and a block penalty (8 of 10 new 32x32 networks well tuned with cosine gratings, 17 of " +
		"20 with sine); it turns NMDA and GABA-B on";

	@Parameter
	protected SpikeTuneService spikeTune;

	@Parameter
	protected LogService log;

	@Parameter(label = "Image side (pixels)", choices = { "16", "24", "32" })
	protected String side = "16";

	@Parameter(label = "Training repeats of the 40 orientations (the study: 60)", min = "1")
	protected int repeats = 2;

	@Parameter(label = "Time scale of presentations and gaps (the study: 1)", min = "0.001")
	protected double timescale = 0.5;

	@Parameter(label = "Grating counterphase frequency (Hz; 0 = still)", min = "0",
		description = "0 shows still gratings, under which the preset's network learns oriented receptive fields; " +
			"the paper names counterphase gratings (2 Hz), with which it learns fields that copy the mean activity")
	protected double temporalhz = 0;

	@Parameter(label = "Grating phase", choices = { COSINE_PHASE, SINE_PHASE }, description = "The gratings' " +
		"spatial phase about the image centre. Sine gratings reverse at half a turn, so 4.5 deg is nearly 180 deg " +
		"with its contrast reversed; cosine gratings are the same at 0 and 180 deg, so the 40 are alike in every " +
		"direction")
	protected String gratingphase = DEFAULT_PHASE;

	@Parameter(label = "NMDA and GABA-B as in CARLsim", required = false,
		description = "Excitatory spikes also raise NMDA and inhibitory ones GABA-B, from the same weight, as in the " +
			"study's simulator; the preset's tuned defaults are for AMPA and GABA-A only (bench/README.md)")
	protected boolean slowreceptors = false;

	/** The study's settings with {@code testOrientations} test angles (8, or 40 for tuning-curve figures). */
	protected V1Study.Settings settings(final int testOrientations) {
		return new V1Study.Settings(Integer.parseInt(side), repeats, timescale, testOrientations, temporalhz,
			slowreceptors, GratingPhase.named(gratingphase));
	}

	/**
	 * The study's settings with {@code testOrientations} test angles, with NMDA and GABA-B on where the
	 * parameter set was tuned with them (and the log saying so if the box was not ticked).
	 */
	protected V1Study.Settings settings(final int testOrientations, final V1ParameterSet set) {
		if (set.slowReceptors() && !slowreceptors) {
			log.info("NMDA and GABA-B turned on: the parameter set '" + set.label() + "' was tuned with them");
		}
		final V1Study.Settings settings = settings(testOrientations);
		return settings.withSlowReceptors(settings.slowReceptors() || set.slowReceptors());
	}

	/** Cancels with {@code message} and logs it under the command's label. */
	protected void fail(final String label, final String message) {
		cancel(message);
		log.error(label + ": " + message);
	}
}
