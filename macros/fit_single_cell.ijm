// Fits an Izhikevich neuron to some current steps of an ABF recording and predicts the others.
// Run:  ImageJ -batch fit_single_cell.ijm "abf=[/path/cell.abf] fit=[8,10,12,14,16] predict=[9,11,13,15] generations=40 out=[/path/folder]"
// Identifiability check: known=[a=0.1, b=0.2, c=-60, d=2, gain=0.04, bias=0] noise=15 loss=spike fits that cell's own
// spikes under the recording's current instead of the recorded ones, and prints each parameter's error; the recipe
// that recovered it in bench/fit adds algorithm=cma-es population=10 restarts=8 generations=120 refinementrestarts=32.
args = getArgument();
abf = call("ij.Macro.getValue", args, "abf", "");
fit = call("ij.Macro.getValue", args, "fit", "8,10,12,14,16");
predict = call("ij.Macro.getValue", args, "predict", "9,11,13,15");
population = call("ij.Macro.getValue", args, "population", "40");
generations = call("ij.Macro.getValue", args, "generations", "40");
loss = call("ij.Macro.getValue", args, "loss", "gamma+rate");
algorithm = call("ij.Macro.getValue", args, "algorithm", "ga");
restarts = call("ij.Macro.getValue", args, "restarts", "4");
refinementrestarts = call("ij.Macro.getValue", args, "refinementrestarts", "0");
known = call("ij.Macro.getValue", args, "known", "");
noise = call("ij.Macro.getValue", args, "noise", "0");
out = call("ij.Macro.getValue", args, "out", getDirectory("temp") + "spiketune-fit-cell");
if (abf == "") exit("give abf=[path to an ABF 2 current-clamp recording]");
File.makeDirectory(out);
setBatchMode(true);
run("Fit Single Cell", "file=[" + abf + "] model=izhikevich fit=[" + fit + "] predict=[" + predict + "] threshold=-20 loss=" + loss + " window=4 tune=[] algorithm=" + algorithm + " population=" + population + " generations=" + generations + " restarts=" + restarts + " refinements=1 refinementrestarts=" + refinementrestarts + " known=[" + known + "] noise=" + noise + " dt=0.1 seed=1 backend=auto threads=0 bin=1");
print("best: " + call("org.spiketune.fiji.MacroBridge.lastOutput", "best"));
print("mean gamma of predicted sweeps: " + call("org.spiketune.fiji.MacroBridge.lastOutput", "gamma"));
if (known != "") {
	for (i = 0; i < Table.size("Known-cell errors"); i++)
		print("known cell " + Table.getString("parameter", i, "Known-cell errors") + ": true " + Table.get("true", i, "Known-cell errors") + ", fitted " + Table.get("fitted", i, "Known-cell errors") + ", error " + Table.get("error_percent", i, "Known-cell errors") + " %");
}
selectImage("Model raster");
saveAs("PNG", out + File.separator + "model-raster.png");
selectImage("Data raster");
saveAs("PNG", out + File.separator + "data-raster.png");
