#@ SpikeTuneService spikeTune
#@ File (label = "Current-clamp recording (ABF 2)") abf
#@ String (label = "Sweeps to fit", value = "8,10,12,14,16") fit
#@ String (label = "Sweeps to predict", value = "9,11,13,15") predict
#@ Integer (label = "Population", value = 40, min = 2) population
#@ Integer (label = "Generations", value = 40, min = 1) generations
#@ String (label = "Backend", choices = {"auto", "cpu", "opencl"}, value = "auto") backend
#@output String best
#@output Double gamma

# Single-cell fitting from Python with the core API: fit some current steps, predict the others.
from org.spiketune.fit import SingleCellFit
from org.spiketune.objective import SpikeTrainMatch
from org.spiketune.spikes.io import Abf2
from org.spiketune.tune import Algorithm, Termination, TuningListener

model = SingleCellFit.CellModel.IZHIKEVICH
recording = Abf2.read(abf.toPath())
data = SingleCellFit.spikes(recording, SingleCellFit.DEFAULT_THRESHOLD_MV)
fitted = SingleCellFit.parseSweeps(fit)
config = SingleCellFit.config(model, recording, data, fitted, model.defaultSpace(), SpikeTrainMatch.Loss.GAMMA_RATE,
                              SpikeTrainMatch.DEFAULT_WINDOW_MS, Algorithm.Ga(population, 2, 0.8, 1.0, 0.1),
                              Termination.generations(generations), 0.1, 1)
tuner = spikeTune.tuner(backend, 0)
result = SingleCellFit.tune(tuner, config, 1, TuningListener.NONE)
prediction = SingleCellFit.predict(tuner.simulator(), model, result.best(), recording, data,
                                   SingleCellFit.parseSweeps(predict), 0.1, SpikeTrainMatch.DEFAULT_WINDOW_MS)
for p in prediction.sweeps():
    print("sweep %d: %d recorded, %d predicted spikes, gamma %.3f" % (p.sweep(), p.dataSpikes(), p.modelSpikes(), p.gamma()))
best = ", ".join(["%s=%s" % (e.getKey(), e.getValue()) for e in result.best().entrySet()])
gamma = prediction.meanGamma()
