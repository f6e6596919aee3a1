// Fits an Izhikevich neuron to some current steps of an ABF recording and predicts the others.
// Run:  ImageJ -batch fit_single_cell.ijm "abf=[/path/cell.abf] fit=[8,10,12,14,16] predict=[9,11,13,15] generations=40 out=[/path/folder]"
args = getArgument();
abf = call("ij.Macro.getValue", args, "abf", "");
fit = call("ij.Macro.getValue", args, "fit", "8,10,12,14,16");
predict = call("ij.Macro.getValue", args, "predict", "9,11,13,15");
population = call("ij.Macro.getValue", args, "population", "40");
generations = call("ij.Macro.getValue", args, "generations", "40");
out = call("ij.Macro.getValue", args, "out", getDirectory("temp") + "spiketune-fit-cell");
if (abf == "") exit("give abf=[path to an ABF 2 current-clamp recording]");
File.makeDirectory(out);
setBatchMode(true);
run("Fit Single Cell", "file=[" + abf + "] model=izhikevich fit=[" + fit + "] predict=[" + predict + "] threshold=-20 loss=gamma+rate window=4 tune=[] algorithm=ga population=" + population + " generations=" + generations + " refinements=1 dt=0.1 seed=1 backend=auto threads=0 bin=1");
print("best: " + call("org.spiketune.fiji.MacroBridge.lastOutput", "best"));
print("mean gamma of predicted sweeps: " + call("org.spiketune.fiji.MacroBridge.lastOutput", "gamma"));
selectImage("Model raster");
saveAs("PNG", out + File.separator + "model-raster.png");
selectImage("Data raster");
saveAs("PNG", out + File.separator + "data-raster.png");
