#@ SpikeTuneService spikeTune
#@ File (label = "Event recording (AEDAT 4, 3.1 or 2.0)") events
#@ Integer (label = "Region size (pixels)", value = 32, min = 1) region
#@ Double (label = "Duration (ms)", value = 130, min = 1) duration
#@ String (label = "Backend", choices = {"auto", "cpu", "opencl"}, value = "auto") backend
#@output net.imglib2.img.Img raster
#@output Integer replayed
#@output Integer expected
#@output Integer responses

// Drives a network with an event camera: the ON and OFF events of each pixel of a central region are
// replayed by a source group (one neuron per pixel and polarity, in the recording's time base), and a LIF
// cell per pixel and polarity answers when two events of its pixel arrive within 10 ms.
import org.spiketune.model.Lif
import org.spiketune.model.NetworkSpec
import org.spiketune.model.NeuronGroup
import org.spiketune.model.Projection
import org.spiketune.model.SpikeReplay
import org.spiketune.model.Topology
import org.spiketune.model.Weights
import org.spiketune.sim.SimulationRequest
import org.spiketune.spikes.io.SpikeFiles

def all = SpikeFiles.readEvents(events.toPath())
def side = Math.min(region, Math.min(all.width(), all.height()))
def cut = all.crop((all.width() - side).intdiv(2), (all.height() - side).intdiv(2), side, side)
def trains = cut.toSpikeTrains(all.size() == 0 ? 0L : all.timesUs()[0])
def pixels = SpikeReplay.of(trains.timesFromStart())
def n = trains.size()
def spec = NetworkSpec.of("events", 0.5, [NeuronGroup.of("pixels", n, pixels),
	NeuronGroup.of("cells", n, Lif.of(10, -70, -70, -60, 100, 2))],
	[Projection.of("pixels_cells", "pixels", "cells", Topology.oneToOne(), Weights.constant(1500))])
def result = spikeTune.simulate(SimulationRequest.of(spec, duration, 1), backend, 0)
def counts = result.member(0).spikes().countsPerNeuron()
replayed = 0
responses = 0
for (int i = 0; i < n; i++) {
	replayed += counts[i]
	responses += counts[n + i]
}
// the spikes the run should replay: each pixel's distinct 0.5 ms steps before the end
def steps = Math.round(duration / 0.5)
expected = 0
for (int[] train : pixels.steps(0.5)) {
	for (int s : train) if (s < steps) expected++
}
raster = spikeTune.colorRaster(result, 0, 1.0)
println "${cut.size()} events in the central ${side} x ${side} pixels; ${replayed} replayed " +
	"(${expected} expected), ${responses} cell responses"
