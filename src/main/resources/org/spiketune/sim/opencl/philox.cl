// Philox-4x32-10 (Salmon et al. 2011), identical to random.Philox4x32.

#define PHILOX_M0 0xD2511F53u
#define PHILOX_M1 0xCD9E8D57u
#define PHILOX_W0 0x9E3779B9u
#define PHILOX_W1 0xBB67AE85u

uint4 philox(uint c0, uint c1, uint c2, uint c3, uint k0, uint k1) {
	for (int round = 0; round < 10; round++) {
		const uint hi0 = mul_hi(PHILOX_M0, c0), lo0 = PHILOX_M0 * c0;
		const uint hi1 = mul_hi(PHILOX_M1, c2), lo1 = PHILOX_M1 * c2;
		const uint y0 = hi1 ^ c1 ^ k0;
		const uint y2 = hi0 ^ c3 ^ k1;
		c0 = y0;
		c1 = lo1;
		c2 = y2;
		c3 = lo0;
		k0 += PHILOX_W0;
		k1 += PHILOX_W1;
	}
	return (uint4)(c0, c1, c2, c3);
}

// A sequence of words from blocks (c0, c1, c2, 0), (c0, c1, c2, 1), ...: random.PhiloxStream.
typedef struct {
	uint c0, c1, c2, k0, k1;
	uint block;
	int position;
	uint4 words;
} PhiloxStream;

PhiloxStream philox_stream(uint k0, uint k1, uint c0, uint c1, uint c2) {
	PhiloxStream s;
	s.c0 = c0; s.c1 = c1; s.c2 = c2; s.k0 = k0; s.k1 = k1;
	s.block = 0u;
	s.position = 4;
	s.words = (uint4)(0u, 0u, 0u, 0u);
	return s;
}

uint next_word(PhiloxStream* s) {
	if (s->position == 4) {
		s->words = philox(s->c0, s->c1, s->c2, s->block, s->k0, s->k1);
		s->block++;
		s->position = 0;
	}
	const int p = s->position++;
	return p == 0 ? s->words.x : p == 1 ? s->words.y : p == 2 ? s->words.z : s->words.w;
}

// random.Samplers.uniform53: [0, 1) with 53 bits from two words
double next_uniform(PhiloxStream* s) {
	const uint a = next_word(s);
	const uint b = next_word(s);
	return ((double)(a >> 5) * 67108864.0 + (double)(b >> 6)) * 0x1.0p-53;
}
