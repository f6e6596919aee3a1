// All-pairs SPIKE-distance of a spike file (matrix as an image), then a validation of model spikes
// against recorded ones (rate and LV: Student t and KS; table as CSV).
// Run:  ImageJ -batch compare_and_validate.ijm "file=[/path/spikes.txt] model=[/path/model.csv] data=[/path/cell.abf] out=[/path/folder]"
args = getArgument();
file = call("ij.Macro.getValue", args, "file", "");
model = call("ij.Macro.getValue", args, "model", file);
data = call("ij.Macro.getValue", args, "data", "");
out = call("ij.Macro.getValue", args, "out", getDirectory("temp") + "spiketune-compare");
if (file == "" || data == "") exit("give file=[spike file] and data=[recorded spikes]");
File.makeDirectory(out);
setBatchMode(true);
run("Compare Spike Trains", "file=[" + file + "] measure=spike parameter=0 start=0 stop=0");
print("multivariate SPIKE-distance: " + call("org.spiketune.fiji.MacroBridge.lastOutput", "value"));
selectImage("Pairwise matrix");
saveAs("Tiff", out + File.separator + "spike-matrix.tif");
run("Validate Against Data", "model=[" + model + "] data=[" + data + "] bins=20 bin=10 output=[" + out + "]");
selectImage("Firing rates, model vs data");
saveAs("PNG", out + File.separator + "macro-rates.png");
