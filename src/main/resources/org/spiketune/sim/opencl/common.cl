// SpikeTune OpenCL kernels: shared definitions. Every file of the program keeps the Java backend's float
// operation order; no contraction into fused multiply-adds, so results match the CPU backend bit for bit.
#pragma OPENCL FP_CONTRACT OFF
#pragma OPENCL EXTENSION cl_khr_fp64 : enable

// neuron kinds (sim.NeuronKind ordinal)
#define KIND_IZHIKEVICH 0
#define KIND_ADEX 1
#define KIND_LIF 2
#define KIND_POISSON 3
#define KIND_REPLAY 4

// connectivity kinds
#define CONN_DENSE 0
#define CONN_ONE_TO_ONE 1
#define CONN_SPARSE 2

// channel kinds (sim.Channel.Kind ordinal)
#define CHANNEL_PULSE 0
#define CHANNEL_EXPONENTIAL 1
#define CHANNEL_CONDUCTANCE 2
#define CHANNEL_GATED_CONDUCTANCE 3

// per-neuron parameter slots: the model's parameters in their order; LIF's decay in slot 6
#define MAX_PARAMS 11
#define LIF_DECAY_SLOT 6

// group table: GROUP_FIELDS ints per group
#define GROUP_FIELDS 12
#define G_OFFSET 0
#define G_SIZE 1
#define G_KIND 2
#define G_SUBSTEPS 3
#define G_STEP_FIRST 4
#define G_STEP_COUNT 5
#define G_CHANNEL_FIRST 6
#define G_CHANNEL_COUNT 7
#define G_OUT_FIRST 8
#define G_OUT_COUNT 9
// image drive of a Poisson group (-1: none) and its polarity (+1 On, -1 Off)
#define G_DRIVE 10
#define G_POLARITY 11

// projection table: PROJ_FIELDS ints per projection
#define PROJ_FIELDS 21
#define P_KIND 0
#define P_SOURCE_OFFSET 1
#define P_TARGET_OFFSET 2
#define P_TARGET_SIZE 3
#define P_CHANNEL 4
#define P_DELAY 5
#define P_WEIGHTS 6
#define P_ROWS 7
#define P_TARGETS 8
#define P_DELAYS 9
#define P_INDEX 10
// plastic projections (dense): learning flag, interval and end in steps, sources, and the offsets of the
// projection's synapses, source traces and target traces in the per-member plasticity arrays
#define P_PLASTIC 11
#define P_APPLY_EVERY 12
#define P_UNTIL 13
#define P_SOURCE_SIZE 14
#define P_PLASTIC_SYNAPSES 15
#define P_PLASTIC_SOURCES 16
#define P_PLASTIC_TARGETS 17
// a two-receptor synapse's slow channel (-1: none) and both scales (float bits)
#define P_SLOW_CHANNEL 18
#define P_FAST_SCALE 19
#define P_SLOW_SCALE 20

// per-member plasticity constants (sim.PlasticRule): PL_FIELDS floats per projection
#define PL_FIELDS 15
#define PL_PRE_AMP 0
#define PL_PRE_DECAY 1
#define PL_POST_AMP 2
#define PL_POST_DECAY 3
#define PL_MIN_WEIGHT 4
#define PL_MAX_WEIGHT 5
#define PL_TARGET_RATE 6
#define PL_RATE_DECAY 7
#define PL_RATE_INCREMENT 8
#define PL_ALPHA 9
#define PL_BETA 10
#define PL_GAMMA 11
#define PL_AVERAGING_S 12
#define PL_DRIFT 13
#define PL_HOMEOSTASIS 14

// counter word 2 of the random streams (random.Keys)
#define STREAM_NOISE 1u
#define STREAM_POISSON 2u
#define SLOW_PATH_BIT 0x80000000u

// value * decay, flushed to zero below 1e-30 (sim.Channel.decayed): no subnormals on either backend
#define FLUSH 1e-30f
float decayed(float value, float decay) {
	const float d = value * decay;
	return fabs(d) < FLUSH ? 0.0f : d;
}
