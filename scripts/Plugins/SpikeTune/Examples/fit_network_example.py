#@ SpikeTuneService spikeTune
#@ Integer (label = "Population", value = 20, min = 2) population
#@ Integer (label = "Generations", value = 20, min = 1) generations
#@ Double (label = "Duration (ms)", value = 2000, min = 1) duration
#@ String (label = "Backend", choices = {"auto", "cpu", "opencl"}, value = "auto") backend
#@output String best
#@output Double fitness

# SpikeNetOpt's network study with the core API: hidden ee.gain = 2 and ee.p = 0.15 generate the data,
# a GA recovers them with the summed pairwise SPIKE-distance.
from java.util import HashMap
from org.spiketune.fit import NetworkFit
from org.spiketune.model import Presets
from org.spiketune.objective import SpikeTrainMatch
from org.spiketune.spikes import SpikeTrains
from org.spiketune.tune import Algorithm, ParameterSpace, Termination, TuningListener

network = Presets.get(Presets.IZHIKEVICH_2003_RANDOM)
tuner = spikeTune.tuner(backend, 0)
hidden = HashMap()
hidden.put("ee.gain", 2.0)
hidden.put("ee.p", 0.15)
space = ParameterSpace.parse("ee.gain=0.5:4, ee.p=0.05:0.3")
probe = NetworkFit.config(network, SpikeTrains.of([[]] * 250, 0, duration), space, SpikeTrainMatch.Loss.SPIKE,
                          Algorithm.Ga.defaults(), Termination.generations(1), 1)
data = NetworkFit.simulate(tuner.simulator(), probe, hidden)
print("ground truth: %d spikes, %.2f Hz" % (data.totalCount(), data.meanRateHz()))
config = NetworkFit.config(network, data, space, SpikeTrainMatch.Loss.SPIKE,
                           Algorithm.Ga(population, 2, 0.8, 1.0, 0.1), Termination.generations(generations), 1)
result = tuner.run(config, TuningListener.NONE)
best = ", ".join(["%s=%s" % (e.getKey(), e.getValue()) for e in result.best().entrySet()])
fitness = result.bestFitness()
