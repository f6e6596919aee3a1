// Writes a preset network with one parameter changed as a network file (JSON) to edit by hand, then
// simulates the file; the results folder keeps the network it ran as network.json.
// Run:  ImageJ -batch network_file.ijm "out=[/path/to/folder] duration=1000"
args = getArgument();
out = call("ij.Macro.getValue", args, "out", getDirectory("temp") + "spiketune-network-file");
duration = call("ij.Macro.getValue", args, "duration", "1000");
File.makeDirectory(out);
file = out + File.separator + "my-network.json";
setBatchMode(true);
run("Export Network", "preset=izhikevich2003 parameters=[exc.bias=-1] name=my-network output=[" + file + "]");
print("wrote " + file + ": " + call("org.spiketune.fiji.MacroBridge.lastOutput", "neurons") + " neurons");
// edit the file here (groups, models, projections, stimuli), then:
run("Simulate Network", "preset=izhikevich2003 network=[" + file + "] duration=" + duration + " members=1 seed=1 backend=cpu threads=0 bin=1 output=[" + out + File.separator + "run]");
print("population rate: " + call("org.spiketune.fiji.MacroBridge.lastOutput", "rate") + " Hz");
