#@ SpikeTuneService spikeTune
#@ Integer (label = "Image side (pixels)", choices = {16, 24, 32}, value = 16) side
#@ Integer (label = "Training repeats of the 40 orientations", value = 2, min = 1) repeats
#@ Double (label = "Time scale (the study: 1)", value = 0.5, min = 0.001) timescale
#@ Double (label = "Grating counterphase frequency (Hz; 0 = still)", value = 0, min = 0) temporalhz
#@ Boolean (label = "NMDA and GABA-B as in CARLsim", value = false) slowreceptors
#@ String (label = "Grating phase", choices = {"cosine", "sine"}, value = "cosine") gratingphase
#@ String (label = "Parameter set", choices = {"preset defaults", "tuned with NMDA and GABA-B"}, value = "preset defaults") parameterset
#@ Integer (label = "Stability runs", value = 4, min = 1) runs
#@ String (label = "Backend", choices = {"auto", "cpu", "opencl"}, value = "auto") backend
#@output Double fitness
#@output String neurons
#@output String network
#@output net.imglib2.img.Img curves
#@output net.imglib2.img.Img fields
#@output Double share
#@output Double error

// The V1 study of Carlson et al. (2014) from a script: train and test one network from a parameter set
// (the preset's defaults, or the set tuned with NMDA and GABA-B, which turns them on), show its tuning curves
// and receptive fields, then retrain it in new stimulus orders and decode the test angles from all networks'
// neurons. With 20 repeats at time scale 1 the Exc neurons learn oriented receptive fields (about 25 s per
// network at 16x16 on two cores); at 32x32 with 60 repeats the tuned set gave 8 of 10
// well-tuned networks with cosine gratings (17 of 20 with sine).
import org.spiketune.img.V1Figures
import org.spiketune.model.GratingPhase
import org.spiketune.model.V1ParameterSet
import org.spiketune.tune.V1Study

def set = V1ParameterSet.named(parameterset)
def settings = new V1Study.Settings(side, repeats, timescale, 8, temporalhz, slowreceptors || set.slowReceptors(),
	GratingPhase.named(gratingphase))
network = settings.network().name()
def simulator = spikeTune.simulator(backend, 0)
def parameters = set.parameters(side)
def trial = V1Study.trials(simulator, settings, parameters, 1L).get(0)
println V1Figures.describe(trial.fitness())
neurons = V1Figures.describeNeurons(trial.neurons(settings))
print neurons
fitness = trial.fitness().value()
curves = V1Figures.tuningCurves(trial.angles(), trial.rates())
fields = V1Figures.montage(trial.onWeights(), trial.offWeights(), side)
def stability = V1Study.stability(simulator, settings, parameters, runs, 7L)
share = stability.shareWellTuned()
error = stability.decoding().meanErrorDeg()
println String.format("%d of %d runs well tuned; decoding error %.1f ± %.1f°", stability.wellTuned(), runs, error,
	stability.decoding().sdErrorDeg())
