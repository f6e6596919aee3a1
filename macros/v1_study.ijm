// The V1 study of Carlson et al. (2014): train and test one network, tune the 14 parameters with the
// study's evolution strategy, and retrain the best in new stimulus orders (stability, two analyses of
// different seeds pooled, as batch machines would run them); saves the figures.
// Run:  ImageJ -batch v1_study.ijm "out=[/path/to/folder] side=16 repeats=2 timescale=0.5 generations=20 runs=10"
// (repeats=20 timescale=1 trains long enough for the Exc neurons to learn oriented receptive fields;
// temporalhz=2 shows counterphase gratings, as the paper names them, instead of still ones;
// gratingphase=cosine shows gratings that are the same at 0 and 180 degrees, gratingphase=sine ones that
// reverse their contrast there (the commands' default unless given);
// slowreceptors=true lets spikes drive NMDA and GABA-B too, as in the study's simulator CARLsim;
// parameterset=[tuned with NMDA and GABA-B] trains the first network from the set this project tuned with
// NMDA and GABA-B, which turns them on; blockpenalty=true tunes with a fitness that is not the study's: each
// output neuron in depolarization block during a test costs the constraint penalty, as a search with NMDA
// needs)
args = getArgument();
out = call("ij.Macro.getValue", args, "out", getDirectory("temp") + "spiketune-v1");
side = call("ij.Macro.getValue", args, "side", "16");
repeats = call("ij.Macro.getValue", args, "repeats", "2");
timescale = call("ij.Macro.getValue", args, "timescale", "0.5");
generations = call("ij.Macro.getValue", args, "generations", "20");
runs = call("ij.Macro.getValue", args, "runs", "10");
temporalhz = call("ij.Macro.getValue", args, "temporalhz", "0");
slowreceptors = call("ij.Macro.getValue", args, "slowreceptors", "false");
blockpenalty = call("ij.Macro.getValue", args, "blockpenalty", "false");
parameterset = call("ij.Macro.getValue", args, "parameterset", "preset defaults");
gratingphase = call("ij.Macro.getValue", args, "gratingphase", "");
File.makeDirectory(out);
setBatchMode(true);
sizes = "side=" + side + " repeats=" + repeats + " timescale=" + timescale + " temporalhz=" + temporalhz;
if (slowreceptors == "true") sizes = sizes + " slowreceptors";
if (gratingphase != "") sizes = sizes + " gratingphase=" + gratingphase;
run("Train V1 Network", sizes + " tests=8 parameterset=[" + parameterset + "] parameters=[] seed=1 backend=auto threads=0 output=[" + out + File.separator + "train]");
print("trained: " + call("org.spiketune.fiji.MacroBridge.lastOutput", "components"));
print(call("org.spiketune.fiji.MacroBridge.lastOutput", "neurons"));
tuning = sizes;
if (blockpenalty == "true") tuning = tuning + " blockpenalty";
run("Tune V1 Network", tuning + " generations=" + generations + " seed=1 backend=auto threads=0 output=[" + out + File.separator + "tune]");
best = call("org.spiketune.fiji.MacroBridge.lastOutput", "best");
print("best: " + best);
print("best network: " + call("org.spiketune.fiji.MacroBridge.lastOutput", "network"));
run("V1 Stability", sizes + " parameterset=[preset defaults] parameters=[" + best + "] runs=" + runs + " seed=2 backend=auto threads=0 output=[" + out + File.separator + "stability]");
print("well tuned: " + call("org.spiketune.fiji.MacroBridge.lastOutput", "share"));
print("decoding error: " + call("org.spiketune.fiji.MacroBridge.lastOutput", "error") + " deg");
// the study pooled 100 runs; analyses run apart (another seed, another machine) pool from their folders
run("V1 Stability", sizes + " parameterset=[preset defaults] parameters=[" + best + "] runs=" + runs + " seed=3 backend=auto threads=0 output=[" + out + File.separator + "stability-more]");
run("Pool V1 Stability Runs", "analyses=[" + out + File.separator + "stability," + out + File.separator + "stability-more] output=[" + out + File.separator + "pooled]");
print("pooled well tuned: " + call("org.spiketune.fiji.MacroBridge.lastOutput", "share"));
print("pooled decoding error: " + call("org.spiketune.fiji.MacroBridge.lastOutput", "error") + " deg");
