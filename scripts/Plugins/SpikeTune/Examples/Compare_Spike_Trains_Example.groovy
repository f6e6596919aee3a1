#@ CommandService commands
#@ File (label = "Spike trains") spikes
#@ File (label = "Recorded spikes to validate against") abf
#@output Double value
#@output net.imglib2.img.Img matrix
#@output ij.measure.ResultsTable validation

// All-pairs SPIKE-distance of a file, then a NetworkUnit-style validation of it against other spikes.
import org.spiketune.fiji.CompareSpikeTrainsCommand
import org.spiketune.fiji.ValidateAgainstDataCommand

def compare = commands.run(CompareSpikeTrainsCommand, true,
	"file", spikes, "measure", "spike", "parameter", 0.0, "start", 0.0, "stop", 0.0).get()
if (compare.isCanceled()) throw new IllegalStateException(compare.getCancelReason())
value = compare.getOutput("value")
matrix = compare.getOutput("matrix")
// every input is named, the unused output folder as null: headless, a File input left out cancels the command
def validate = commands.run(ValidateAgainstDataCommand, true,
	"model", spikes, "data", abf, "bins", 20, "bin", 10.0, "output", null).get()
if (validate.isCanceled()) throw new IllegalStateException(validate.getCancelReason())
validation = validate.getOutput("table")
