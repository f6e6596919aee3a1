#@ SpikeTuneService spikeTune
#@ File (label = "Output folder", style = "directory") output
#@ Double (label = "Duration (ms)", value = 1000, min = 1) duration
#@output Double rate
#@output String network

// A network of one's own, built in code and kept as a network file (JSON): 100 Poisson inputs drive 80
// excitatory and 20 inhibitory LIF cells, which inhibit the excitatory ones. The file can be edited by
// hand and given to Simulate Network, Tune Network and Fit Network as their network file.
import org.spiketune.io.NetworkFile
import org.spiketune.model.*

def groups = [
	NeuronGroup.of("input", 100, PoissonSource.of(20)),
	NeuronGroup.of("exc", 80, Lif.standard()),
	NeuronGroup.of("inh", 20, Lif.standard())]
def projections = [
	Projection.of("in_exc", "input", "exc", Topology.fixedProbability(0.2), Weights.uniform(100, 200)).withSynapse(Synapse.exponential(5)),
	Projection.of("in_inh", "input", "inh", Topology.fixedProbability(0.2), Weights.uniform(100, 200)).withSynapse(Synapse.exponential(5)),
	Projection.of("inh_exc", "inh", "exc", Topology.fixedProbability(0.5), Weights.uniform(-300, -100)).withSynapse(Synapse.exponential(10)).withDelay(Delay.of(2))]
def spec = NetworkSpec.of("my-lif-network", 0.1, groups, projections)

def file = output.toPath().resolve("my-lif-network.json")
NetworkFile.write(spec, file)
assert NetworkFile.read(file) == spec
// a network file is accepted wherever a preset name is
def result = spikeTune.simulate(spikeTune.request(file.toString(), duration, 1, 1, ""), "cpu", 0)
rate = result.member(0).rates().meanRateHz()
network = file.toString()
println String.format("%s: %.2f Hz over %d neurons", network, rate, spec.neuronCount())
