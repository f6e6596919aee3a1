#@ SpikeTuneService spikeTune
#@ String (label = "Network preset", choices = {"izhikevich2003"}, value = "izhikevich2003") preset
#@ Double (label = "Duration (ms)", value = 1000, min = 1) duration
#@ String (label = "Parameters (name=value, ...)", value = "exc.bias=-1") parameters
#@ Integer (label = "Members (networks at once)", value = 4, min = 1) members
#@ Long (label = "Seed", value = 1) seed
#@ String (label = "Backend", choices = {"auto", "cpu", "opencl"}, value = "auto") backend
#@output net.imglib2.img.Img raster
#@output Double rate
#@output String device

# Simulates several copies of a network at once (each its own seed) and prints each one's rate.
request = spikeTune.request(preset, duration, seed, members, parameters)
result = spikeTune.simulate(request, backend, 0)
for m in result.members():
    print("member %d: %.3f Hz (%d spikes)" % (m.index(), m.rates().meanRateHz(), m.spikes().count()))
raster = spikeTune.colorRaster(result, 0, 1.0)
rate = result.member(0).rates().meanRateHz()
device = result.info().backend() + ": " + result.info().device()
print("simulated on " + device)
