#@ SpikeTuneService spikeTune
#@ File (label = "Spike trains") spikes
#@ File (label = "Recorded spikes to validate against") abf
#@output Double value
#@output Double tp

# Distances and validation from Python with the core API.
from org.spiketune.spikes import Measure, PairwiseComparison, Validation

trains = spikeTune.openSpikeTrains(spikes.toPath(), 0, 0, 0)
data = spikeTune.openSpikeTrains(abf.toPath(), 0, 0, 0)
value = PairwiseComparison.multivariate(trains, Measure.parse("spike"))
print("multivariate SPIKE-distance of %d trains: %.6f" % (trains.size(), value))
report = Validation.compare(trains, data)
for row in report.rows():
    print("%s: model %.3f, data %.3f, t p = %.3g, KS p = %.3g" % (row.statistic(), row.modelMean(), row.dataMean(), row.tP(), row.ksP()))
tp = report.rows().get(0).tP()
