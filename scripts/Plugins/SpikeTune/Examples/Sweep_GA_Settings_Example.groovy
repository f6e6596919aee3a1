#@ CommandService commands
#@ String (label = "Crossover fractions", value = "0:0.1:1") crossovers
#@ String (label = "Population sizes", value = "4, 8, 12, 16, 20, 24, 32") populations
#@ Integer (label = "Repeats per setting", value = 5, min = 1) repeats
#@ Integer (label = "Generations per run", value = 100, min = 1) generations
#@ Double (label = "Duration per evaluation (ms)", value = 1000, min = 1) duration
#@ String (label = "Backend", choices = {"auto", "cpu", "opencl"}, value = "auto") backend
#@ File (label = "Output folder", style = "directory") output
#@output net.imglib2.img.Img crossoverplot
#@output net.imglib2.img.Img populationplot

// The GA study's Figs. 5 and 6 by running the Sweep GA Settings command from a script.
import org.spiketune.fiji.SweepGaSettingsCommand

def module = commands.run(SweepGaSettingsCommand, true,
	"preset", "izhikevich2003", "tune", "exc.bias=-5:5", "target", "5",
	"crossovers", crossovers, "populations", populations, "population", 20, "crossover", 0.8,
	"repeats", repeats, "generations", generations, "duration", duration, "validation", 5, "seed", 1L,
	"backend", backend, "threads", 0, "output", output).get()
if (module.isCanceled()) throw new IllegalStateException(module.getCancelReason())
crossoverplot = module.getOutput("crossoverplot")
populationplot = module.getOutput("populationplot")
