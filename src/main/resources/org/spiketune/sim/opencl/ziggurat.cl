// Standard normal numbers by the 256-strip ziggurat: random.Ziggurat, with its tables passed in.

#define ZIGGURAT_R 3.6541528853610088

// bits 8-31 of a word as a signed 24-bit integer (no reliance on signed right shifts)
inline int signed24(uint word) {
	int j = (int)(word >> 8);
	return (j & 0x800000) ? j - 0x1000000 : j;
}

// The fast path; sets *slow when the word needs the slow path.
inline float ziggurat_fast(uint word, __global const int* accept, __global const float* width, int* slow) {
	const int j = signed24(word);
	const int strip = (int)(word & 0xFFu);
	*slow = abs(j) >= accept[strip];
	return (float)j * width[strip];
}

float ziggurat_slow(uint word, PhiloxStream* more, __global const int* accept, __global const float* width,
	__global const double* density)
{
	while (true) {
		const int j = signed24(word);
		const int strip = (int)(word & 0xFFu);
		if (abs(j) < accept[strip]) return (float)j * width[strip];
		if (strip == 0) {
			double x, y;
			do {
				x = -log(1.0 - next_uniform(more)) / ZIGGURAT_R;
				y = -log(1.0 - next_uniform(more));
			} while (y + y < x * x);
			return (float)(j < 0 ? -(ZIGGURAT_R + x) : ZIGGURAT_R + x);
		}
		const double x = (double)j * (double)width[strip];
		const double y = density[strip] + next_uniform(more) * (density[strip + 1] - density[strip]);
		if (y < exp(-0.5 * x * x)) return (float)x;
		word = next_word(more);
	}
}
