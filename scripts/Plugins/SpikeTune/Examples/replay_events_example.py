#@ SpikeTuneService spikeTune
#@ File (label = "Event recording (AEDAT 4, 3.1 or 2.0)") events
#@ Integer (label = "Region size (pixels)", value = 32, min = 1) region
#@ Double (label = "Duration (ms)", value = 130, min = 1) duration
#@ String (label = "Backend", choices = {"auto", "cpu", "opencl"}, value = "auto") backend
#@output net.imglib2.img.Img raster
#@output Integer replayed
#@output Integer expected
#@output Integer responses

# Drives a network with an event camera: each pixel's ON and OFF events of a central region are replayed
# by a source group, and a LIF cell per pixel and polarity answers when two of its events arrive within 10 ms.
from org.spiketune.model import Lif, NetworkSpec, NeuronGroup, Projection, SpikeReplay, Topology, Weights
from org.spiketune.sim import SimulationRequest
from org.spiketune.spikes.io import SpikeFiles

all_events = SpikeFiles.readEvents(events.toPath())
side = min(region, all_events.width(), all_events.height())
cut = all_events.crop((all_events.width() - side) // 2, (all_events.height() - side) // 2, side, side)
origin = all_events.timesUs()[0] if all_events.size() > 0 else 0
trains = cut.toSpikeTrains(origin)
pixels = SpikeReplay.of(trains.timesFromStart())
n = trains.size()
spec = NetworkSpec.of("events", 0.5,
    [NeuronGroup.of("pixels", n, pixels), NeuronGroup.of("cells", n, Lif.of(10, -70, -70, -60, 100, 2))],
    [Projection.of("pixels_cells", "pixels", "cells", Topology.oneToOne(), Weights.constant(1500))])
result = spikeTune.simulate(SimulationRequest.of(spec, duration, 1), backend, 0)
counts = result.member(0).spikes().countsPerNeuron()
replayed = sum(counts[i] for i in range(n))
responses = sum(counts[i] for i in range(n, 2 * n))
# the spikes the run should replay: each pixel's distinct 0.5 ms steps before the end
steps = int(round(duration / 0.5))
expected = sum(len([s for s in train if s < steps]) for train in pixels.steps(0.5))
raster = spikeTune.colorRaster(result, 0, 1.0)
print("%d events in the central %d x %d pixels; %d replayed (%d expected), %d cell responses"
      % (cut.size(), side, side, replayed, expected, responses))
