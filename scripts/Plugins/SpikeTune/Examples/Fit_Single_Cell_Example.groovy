#@ CommandService commands
#@ File (label = "Current-clamp recording (ABF 2)") abf
#@ String (label = "Sweeps to fit", value = "8,10,12,14,16") fit
#@ String (label = "Sweeps to predict", value = "9,11,13,15") predict
#@ Integer (label = "Population", value = 40, min = 2) population
#@ Integer (label = "Generations", value = 40, min = 1) generations
#@ String (label = "Backend", choices = {"auto", "cpu", "opencl"}, value = "auto") backend
#@output String best
#@output Double gamma
#@output ij.measure.ResultsTable sweeps

// Fits an Izhikevich neuron to some current steps of a recording and predicts the others (SpikeNetOpt).
import org.spiketune.fiji.FitSingleCellCommand

def module = commands.run(FitSingleCellCommand, true,
	"file", abf, "model", "izhikevich", "fit", fit, "predict", predict, "loss", "gamma+rate",
	"population", population, "generations", generations, "refinements", 1, "backend", backend).get()
if (module.isCanceled()) throw new IllegalStateException(module.getCancelReason())
best = module.getOutput("best")
gamma = module.getOutput("gamma")
sweeps = module.getOutput("sweeps")
