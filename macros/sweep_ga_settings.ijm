// The GA study's Figs. 5 and 6 at demonstration size: final error over crossover fractions and
// population sizes. For the study's full sweep use crossovers=[0:0.1:1] populations=[4,8,12,16,20,24,32]
// repeats=5 generations=100 duration=1000 (about 12 minutes on two cores).
// Run:  ImageJ -batch sweep_ga_settings.ijm "out=[/path/to/folder] generations=30 duration=500"
args = getArgument();
out = call("ij.Macro.getValue", args, "out", getDirectory("temp") + "spiketune-sweep");
generations = call("ij.Macro.getValue", args, "generations", "30");
duration = call("ij.Macro.getValue", args, "duration", "500");
repeats = call("ij.Macro.getValue", args, "repeats", "2");
File.makeDirectory(out);
setBatchMode(true);
run("Sweep GA Settings", "preset=izhikevich2003 tune=[exc.bias=-5:5] target=5 crossovers=[0, 0.5, 0.95, 1] populations=[4, 20] population=20 crossover=0.8 repeats=" + repeats + " generations=" + generations + " duration=" + duration + " validation=3 seed=1 backend=auto threads=0 output=[" + out + "]");
selectImage("Error vs crossover fraction");
saveAs("PNG", out + File.separator + "macro-crossover.png");
