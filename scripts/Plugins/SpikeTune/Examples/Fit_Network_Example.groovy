#@ CommandService commands
#@ Integer (label = "Population", value = 20, min = 2) population
#@ Integer (label = "Generations", value = 20, min = 1) generations
#@ Double (label = "Duration (ms)", value = 2000, min = 1) duration
#@ String (label = "Backend", choices = {"auto", "cpu", "opencl"}, value = "auto") backend
#@ File (label = "Output folder", style = "directory") output
#@output String best
#@output Double fitness

// SpikeNetOpt's network study: a 200 E + 50 I network with hidden ee.gain = 2 and ee.p = 0.15 writes its
// spikes; Fit Network to Spike Trains recovers both from them.
import org.spiketune.fiji.FitNetworkCommand
import org.spiketune.fit.NetworkFit
import org.spiketune.model.Presets
import org.spiketune.objective.SpikeTrainMatch
import org.spiketune.sim.Simulator
import org.spiketune.sim.cpu.CpuBackend
import org.spiketune.spikes.SpikeTrains
import org.spiketune.spikes.io.SpikeCsv
import org.spiketune.tune.Algorithm
import org.spiketune.tune.ParameterSpace
import org.spiketune.tune.Termination

def network = Presets.get(Presets.IZHIKEVICH_2003_RANDOM)
def probe = NetworkFit.config(network, SpikeTrains.of(new double[250][0], 0, duration),
	ParameterSpace.parse("ee.gain=0.5:4"), SpikeTrainMatch.Loss.SPIKE, Algorithm.Ga.defaults(), Termination.generations(1), 1L)
def truth = NetworkFit.simulate(new Simulator(new CpuBackend()), probe, ["ee.gain": 2.0d, "ee.p": 0.15d])
def neurons = [], times = []
(0..<truth.size()).each { i -> truth.times(i).each { t -> neurons << i; times << t } }
output.mkdirs()
def csv = new File(output, "ground-truth.csv").toPath()
SpikeCsv.write(csv, neurons as int[], times as double[])
def module = commands.run(FitNetworkCommand, true, "data", csv.toFile(), "stop", duration,
	"preset", Presets.IZHIKEVICH_2003_RANDOM, "tune", "ee.gain=0.5:4, ee.p=0.05:0.3", "loss", "spike",
	"population", population, "generations", generations, "seed", 1L, "backend", backend).get()
if (module.isCanceled()) throw new IllegalStateException(module.getCancelReason())
best = module.getOutput("best")
fitness = module.getOutput("fitness")
