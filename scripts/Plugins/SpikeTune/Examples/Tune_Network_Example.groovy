#@ SpikeTuneService spikeTune
#@ String (label = "Parameters to tune (name=min:max)", value = "exc.bias=-5:5") tune
#@ Double (label = "Target rate (Hz)", value = 5) target
#@ Integer (label = "Population", value = 20, min = 2) population
#@ Integer (label = "Generations", value = 100, min = 1) generations
#@ Double (label = "Crossover fraction", value = 0.95, min = 0, max = 1) crossover
#@ Double (label = "Duration per evaluation (ms)", value = 1000, min = 1) duration
#@ Long (label = "Seed", value = 1) seed
#@ String (label = "Backend", choices = {"auto", "cpu", "opencl"}, value = "auto") backend
#@ File (label = "Output folder", style = "directory", required = false) output
#@ Boolean (label = "Resume from the output folder's checkpoint", value = false) resume
#@output String best
#@output Double error
#@output net.imglib2.img.Img plot

// The GA study: tunes bias currents of the Izhikevich (2003) network to a target rate, building the
// configuration from the core API (the same classes the Tune Network command uses).
import org.spiketune.model.Presets
import org.spiketune.objective.RateTarget
import org.spiketune.tune.*

def config = new TuningConfig(Presets.izhikevich2003(), ParameterSpace.parse(tune), RateTarget.of(target),
	new Algorithm.Ga(population, 2, crossover, 1.0, 0.1), Termination.generations(generations), duration, seed,
	NoiseHandling.none().withVaryingStructure(true).withReevaluation(true).withConfirmation(5))
def progress = new TuningListener() {
	void generation(GenerationStats s) {
		if (s.generation() % 10 == 0) println String.format("generation %d: best %.4f Hz", s.generation(), s.best())
	}
}
// with an output folder the run keeps checkpoint.json there after every generation; resume goes on from it
def result = spikeTune.tune(config, progress, backend, 0, output?.toPath(), resume)
best = result.best().collect { k, v -> k + "=" + v }.join(", ")
error = result.bestFitness()
plot = spikeTune.convergencePlot(result)
