// Simulates the Izhikevich (2003) network and saves its raster and rate plot.
// Run:  ImageJ -batch simulate_network.ijm "out=[/path/to/folder] duration=1000 backend=auto"
// (in Fiji: Plugins > Macros > Run..., or the Script Editor; the argument is optional)
args = getArgument();
out = call("ij.Macro.getValue", args, "out", getDirectory("temp") + "spiketune-simulate");
duration = call("ij.Macro.getValue", args, "duration", "1000");
// auto: an OpenCL GPU if there is one, else the CPU; opencl: OpenCL (device=[gpu|cpu|all|index|name])
backend = call("ij.Macro.getValue", args, "backend", "auto");
File.makeDirectory(out);
setBatchMode(true);
run("Simulate Network", "preset=izhikevich2003 duration=" + duration + " parameters=[exc.bias=-1] members=2 seed=1 backend=" + backend + " threads=0 bin=1 output=[" + out + "]");
rate = call("org.spiketune.fiji.MacroBridge.lastOutput", "rate");
print("population rate: " + rate + " Hz");
selectImage("Spike raster (excitatory red, inhibitory blue)");
saveAs("PNG", out + File.separator + "macro-raster.png");
