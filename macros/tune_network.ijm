// Tunes I_E of the Izhikevich (2003) network to 5 Hz with the GA study's settings; saves the plots.
// Run:  ImageJ -batch tune_network.ijm "out=[/path/to/folder] generations=100 duration=1000"
// resume=true goes on from the folder's checkpoint.json (kept after every generation), e.g. after a crash
// or with more generations.
args = getArgument();
out = call("ij.Macro.getValue", args, "out", getDirectory("temp") + "spiketune-tune");
generations = call("ij.Macro.getValue", args, "generations", "100");
duration = call("ij.Macro.getValue", args, "duration", "1000");
resume = "";
if (call("ij.Macro.getValue", args, "resume", "false") == "true") resume = " resume";
File.makeDirectory(out);
setBatchMode(true);
run("Tune Network", "preset=izhikevich2003 tune=[exc.bias=-5:5] target=5 algorithm=ga population=20 generations=" + generations + " crossover=0.95 mutation=[] steady=0 stopat=[] minutes=0 duration=" + duration + " samples=1 reevaluate vary confirm=5 seed=1 backend=auto threads=0 output=[" + out + "]" + resume);
print("best: " + call("org.spiketune.fiji.MacroBridge.lastOutput", "best"));
print("error: " + call("org.spiketune.fiji.MacroBridge.lastOutput", "fitness") + " Hz");
selectImage("Convergence");
saveAs("PNG", out + File.separator + "macro-convergence.png");
