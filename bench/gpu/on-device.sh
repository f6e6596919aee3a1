#!/bin/bash
# On a GPU machine, from the repository root, after bench/gpu/bundle packed .dev/ here and it travelled:
#   bash bench/gpu/on-device.sh [all|tests|bench|v1|search]      (output also appended to $OUT/log when OUT is set)
# tests: the OpenCL contract and device tests on the GPU; bench: EndToEnd --gpu; v1: one generation of the
# V1 study at full scale (10 x 4104 neurons, the whole 6020 s protocol), timed. V1_TIMEOUT bounds it (s);
# search (not part of all): V1Search with the arguments in V1_SEARCH (side repeats timeScale members seed),
# its csv to $OUT/v1search.csv;
# JAVA_OPTS are passed to each JVM (e.g. -Dspiketune.opencl.localSize=1024).
[ -n "${OUT:-}" ] && exec > >(tee -a "$OUT/log") 2>&1
set -u
tar xJf .dev/jre.tar.xz -C /tmp
nvidia-smi -L 2>&1; echo "$(nproc) processors"
# on an NVIDIA machine its OpenCL driver alone: a PoCL ICD seen on one (2.12) aborted the JVM on release
if nvidia-smi -L >/dev/null 2>&1; then
	mkdir -p /etc/OpenCL/vendors /tmp/hidden-icds
	for icd in /etc/OpenCL/vendors/*.icd; do [ "$(basename "$icd")" = nvidia.icd ] || mv "$icd" /tmp/hidden-icds/; done
	[ -e /etc/OpenCL/vendors/nvidia.icd ] || echo libnvidia-opencl.so.1 > /etc/OpenCL/vendors/nvidia.icd
	# the loader also reads OCL_ICD_FILENAMES, which one such machine set to PoCL and NVIDIA's libraries
	export OCL_ICD_FILENAMES=libnvidia-opencl.so.1
fi
if ! ldconfig -p | grep -q 'libOpenCL.so.1'; then
	dpkg -x .dev/ocl-icd*.deb /tmp/ocl && export LD_LIBRARY_PATH=/tmp/ocl/usr/lib/x86_64-linux-gnu
fi
CP=".dev/test-classes:.dev/classes:.dev/lib/*"
# PoCL's OpenCL replaces the JVM's signal handlers unless the JDK's signal-chaining library is preloaded.
if [ -f /tmp/jre/lib/libjsig.so ]; then export LD_PRELOAD="/tmp/jre/lib/libjsig.so${LD_PRELOAD:+:$LD_PRELOAD}"; fi
J="/tmp/jre/bin/java --enable-native-access=ALL-UNNAMED ${JAVA_OPTS:-}"
step="${1:-all}"
if [ "$step" = all ] || [ "$step" = tests ]; then
	timeout 120 $J -cp "$CP:.dev/junit-platform-console-standalone-1.13.4.jar" org.junit.platform.console.ConsoleLauncher \
		execute --details=tree --disable-banner --disable-ansi-colors -c org.spiketune.sim.opencl.OpenClBackendContractTest \
		-c org.spiketune.sim.opencl.OpenClDevicesTest -c org.spiketune.sim.opencl.DeviceMemoryTest 2>&1 |
		grep -v -E '^\s+(java\.|org\.junit|\[\.\.\.\])'
fi
if [ "$step" = all ] || [ "$step" = bench ]; then
	timeout 300 $J -Xmx48g -cp "$CP" org.spiketune.bench.EndToEnd --gpu --backends opencl:gpu --warmup 1 --repeats 3
fi
if [ "$step" = all ] || [ "$step" = v1 ]; then
	timeout "${V1_TIMEOUT:-560}" $J -Xmx16g -Dbackend=opencl:gpu -cp "$CP" org.spiketune.bench.V1Probe 32 60 1 ';;;;;;;;;' 2>&1 |
		grep -v '^  w on'
fi
if [ "$step" = search ]; then
	timeout "${V1_TIMEOUT:-560}" $J -Xmx48g -Dbackend=opencl:gpu -cp "$CP" org.spiketune.bench.V1Search \
		${V1_SEARCH:-16 60 1 264 1} "${OUT:-/tmp}/v1search.csv"
fi
