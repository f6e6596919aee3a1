// For truly headless ImageJ 1 (java -Djava.awt.headless=true ... -batch), where ImageJ 1 cannot run()
// a plug-in: the same command through the bridge's call() entry point. It returns the outputs as text;
// images are batch-mode images, which saveAs("Tiff", ...) can save (other formats need a display).
// Run:  java -Djava.awt.headless=true -Dplugins.dir=ImageJ -jar ImageJ/ij.jar -ijpath ImageJ -batch headless_simulate.ijm "out=[/path/to/folder]"
args = getArgument();
out = call("ij.Macro.getValue", args, "out", getDirectory("temp") + "spiketune-headless");
File.makeDirectory(out);
setBatchMode(true);
result = call("org.spiketune.fiji.MacroBridge.run", "Simulate Network", "preset=izhikevich2003 duration=500 parameters=[] members=1 seed=3 backend=auto threads=0 bin=1 output=[" + out + "]");
print(result);
if (startsWith(result, "error:")) exit(result);
selectImage("Population rate");
// headless ImageJ 1 saves TIFF; saveAs("PNG", ...) needs its menus, hence a display
saveAs("Tiff", out + File.separator + "macro-rates.tif");
