// Fits weight scale and connection probability of the 200 E + 50 I Izhikevich network to recorded spikes.
// Run:  ImageJ -batch fit_network.ijm "data=[/path/spikes.csv] stop=2000 generations=20 out=[/path/folder]"
// firstwindow=250 fits growing windows from the first 250 ms (recurrent networks are chaotic; README.md)
args = getArgument();
data = call("ij.Macro.getValue", args, "data", "");
stop = call("ij.Macro.getValue", args, "stop", "0");
population = call("ij.Macro.getValue", args, "population", "20");
generations = call("ij.Macro.getValue", args, "generations", "20");
firstwindow = call("ij.Macro.getValue", args, "firstwindow", "0");
out = call("ij.Macro.getValue", args, "out", getDirectory("temp") + "spiketune-fit-network");
if (data == "") exit("give data=[spike file]");
File.makeDirectory(out);
setBatchMode(true);
run("Fit Network to Spike Trains", "data=[" + data + "] stop=" + stop + " preset=izhikevich2003-random tune=[ee.gain=0.5:4, ee.p=0.05:0.3] loss=spike algorithm=ga population=" + population + " generations=" + generations + " firstwindow=" + firstwindow + " seed=1 backend=auto threads=0 bin=1 output=[" + out + "]");
print("best: " + call("org.spiketune.fiji.MacroBridge.lastOutput", "best"));
selectImage("Model raster");
saveAs("PNG", out + File.separator + "model-raster.png");
