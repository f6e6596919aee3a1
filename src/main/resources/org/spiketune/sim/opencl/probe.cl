// The probe: Philox's first known answer (counter 0, key 0) and one float multiply, compared on the host.
// A device that builds and runs this, with the expected numbers, is used.
__kernel void probe(__global uint* out, __global float* product) {
	const uint4 r = philox(0u, 0u, 0u, 0u, 0u, 0u);
	out[0] = r.x;
	out[1] = r.y;
	out[2] = r.z;
	out[3] = r.w;
	product[0] = 0.04f * product[0] + 5.0f;
}
