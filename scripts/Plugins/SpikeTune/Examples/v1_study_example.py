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

# The V1 study of Carlson et al. (2014) from Jython: train and test one network from a parameter set (the
# set tuned with NMDA and GABA-B turns them on), show its tuning curves and receptive fields, then retrain it
# in new stimulus orders and decode the test angles.
import jarray
from org.spiketune.img import V1Figures
from org.spiketune.model import GratingPhase, V1ParameterSet
from org.spiketune.tune import V1Study

parameter_set = V1ParameterSet.named(parameterset)
settings = V1Study.Settings(side, repeats, timescale, 8, temporalhz, slowreceptors or parameter_set.slowReceptors(),
	GratingPhase.named(gratingphase))
network = settings.network().name()
simulator = spikeTune.simulator(backend, 0)
parameters = parameter_set.parameters(side)
trial = V1Study.trials(simulator, settings, parameters, jarray.array([1], 'l')).get(0)
print(V1Figures.describe(trial.fitness()))
neurons = V1Figures.describeNeurons(trial.neurons(settings))
print(neurons)
fitness = trial.fitness().value()
curves = V1Figures.tuningCurves(trial.angles(), trial.rates())
fields = V1Figures.montage(trial.onWeights(), trial.offWeights(), side)
stability = V1Study.stability(simulator, settings, parameters, runs, 7)
share = stability.shareWellTuned()
error = stability.decoding().meanErrorDeg()
print("%d of %d runs well tuned; decoding error %.1f +- %.1f deg" % (stability.wellTuned(), runs, error,
	stability.decoding().sdErrorDeg()))
