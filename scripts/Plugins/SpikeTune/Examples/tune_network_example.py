#@ SpikeTuneService spikeTune
#@ String (label = "Parameters to tune (name=min:max)", value = "exc.bias=-5:5") tune
#@ Double (label = "Target rate (Hz)", value = 5) target
#@ Integer (label = "Population", value = 20, min = 2) population
#@ Integer (label = "Generations", value = 100, min = 1) generations
#@ Double (label = "Crossover fraction", value = 0.95, min = 0, max = 1) crossover
#@ Double (label = "Duration per evaluation (ms)", value = 1000, min = 1) duration
#@ Long (label = "Seed", value = 1) seed
#@ String (label = "Backend", choices = {"auto", "cpu", "opencl"}, value = "auto") backend
#@ File (label = "Checkpoint file (kept every generation, resumed from when it exists)", required = false) checkpoint
#@output String best
#@output Double error
#@output net.imglib2.img.Img plot

# The GA study from Python: tunes bias currents of the Izhikevich (2003) network to a target rate.
from org.spiketune.model import Presets
from org.spiketune.objective import RateTarget
from org.spiketune.io import CheckpointFile
from org.spiketune.tune import Algorithm, CheckpointStore, NoiseHandling, ParameterSpace, Termination, TuningConfig, \
    TuningListener

config = TuningConfig(Presets.izhikevich2003(), ParameterSpace.parse(tune), RateTarget.of(target),
                      Algorithm.Ga(population, 2, crossover, 1.0, 0.1), Termination.generations(generations),
                      duration, seed,
                      NoiseHandling.none().withVaryingStructure(True).withReevaluation(True).withConfirmation(5))
store = CheckpointFile.of(checkpoint.toPath(), True) if checkpoint is not None else CheckpointStore.NONE
result = spikeTune.tuner(backend, 0).run(config, TuningListener.NONE, store)
generations = result.generations()
for i in range(0, generations.size(), 10):
    s = generations.get(i)
    print("generation %d: best %.4f Hz" % (s.generation(), s.best()))
best = ", ".join(["%s=%s" % (e.getKey(), e.getValue()) for e in result.best().entrySet()])
error = result.bestFitness()
plot = spikeTune.convergencePlot(result)
