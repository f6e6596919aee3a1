// Opens a spike file written by Simulate Network and draws it with excitatory and inhibitory neurons
// apart, plus the population rates.
// Run:  ImageJ -batch show_spike_raster.ijm "file=[/path/to/spikes.csv] out=[/path/to/folder]"
args = getArgument();
file = call("ij.Macro.getValue", args, "file", "");
out = call("ij.Macro.getValue", args, "out", getDirectory("temp") + "spiketune-raster");
if (file == "") exit("give file=[path to a spikes CSV]");
File.makeDirectory(out);
setBatchMode(true);
run("Open Spike Trains", "file=[" + file + "] neurons=0 start=0 stop=0 bin=1");
print("mean rate: " + call("org.spiketune.fiji.MacroBridge.lastOutput", "rate") + " Hz");
run("Show Spike Raster", "file=[" + file + "] groups=[exc=0-799, inh=800-999] start=0 stop=0 bin=1 ratebin=10");
selectImage("Spike raster");
saveAs("PNG", out + File.separator + "macro-raster.png");
selectImage("Population rate");
saveAs("PNG", out + File.separator + "macro-rates.png");
