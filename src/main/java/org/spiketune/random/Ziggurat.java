package org.spiketune.random;

/**
 * Standard normal numbers by the ziggurat method (Marsaglia and Tsang 2000) with 256 strips, fed by one
 * 32-bit word in the common case: bits 0-7 pick the strip, bits 8-31 are a signed 24-bit abscissa. About
 * 99% of words are accepted with one compare and one float multiply, so the hot loop needs no logarithm
 * or cosine. Rejected words go to {@link #slowPath}, which draws more words from a {@link WordSource}.
 * <p>
 * The tables are computed here in double precision and the fast path is exactly
 * {@code (float) j * WIDTH[strip]}, which the OpenCL kernels reproduce bit for bit.
 */
public final class Ziggurat {

	/** Number of strips. */
	public static final int STRIPS = 256;
	/** Right edge of the base strip's rectangle, where the tail starts. */
	public static final double R = 3.6541528853610088;
	/** Area of each strip (of the unnormalized density exp(-x^2/2)). */
	static final double AREA = 0.00492867323399;

	private static final double SCALE = 0x1.0p23; // |j| < 2^23

	/** |j| below this accepts at once. */
	static final int[] ACCEPT = new int[STRIPS];
	/** Abscissa per unit of j. */
	static final float[] WIDTH = new float[STRIPS];
	/** exp(-x^2/2) at the strip's right edge (index i) and at the next edge (i + 1). */
	static final double[] DENSITY = new double[STRIPS + 1];

	static {
		final double[] edge = new double[STRIPS + 1];
		edge[0] = AREA / density(R); // the base strip's virtual width covers its tail too
		edge[1] = R;
		for (int i = 2; i < STRIPS; i++) {
			edge[i] = Math.sqrt(-2 * Math.log(AREA / edge[i - 1] + density(edge[i - 1])));
		}
		edge[STRIPS] = 0;
		for (int i = 0; i < STRIPS; i++) {
			ACCEPT[i] = (int) Math.floor(edge[i + 1] / edge[i] * SCALE);
			WIDTH[i] = (float) (edge[i] / SCALE);
			DENSITY[i] = density(edge[i]);
		}
		DENSITY[STRIPS] = 1.0;
	}

	private Ziggurat() {}

	private static double density(final double x) {
		return Math.exp(-0.5 * x * x);
	}

	/** A copy of the acceptance bounds per strip, for kernels that inline the fast path. */
	public static int[] acceptTable() {
		return ACCEPT.clone();
	}

	/** A copy of the widths per unit of the 24-bit abscissa, per strip. */
	public static float[] widthTable() {
		return WIDTH.clone();
	}

	/** A copy of exp(-x^2/2) at each strip's edge (257 values), for the kernels' slow path. */
	public static double[] densityTable() {
		return DENSITY.clone();
	}

	/** True when {@code word} yields its normal number without further words. */
	public static boolean isFast(final int word) {
		return Math.abs(word >> 8) < ACCEPT[word & 0xFF];
	}

	/** A standard normal number from {@code word}, drawing more words from {@code more} when needed. */
	public static float normal(final int word, final WordSource more) {
		final int j = word >> 8;
		final int strip = word & 0xFF;
		if (Math.abs(j) < ACCEPT[strip]) return j * WIDTH[strip];
		return slowPath(word, more);
	}

	/**
	 * Finishes a word the fast path rejected: a tail draw in the base strip, a wedge test elsewhere, and a
	 * fresh word from {@code more} after a rejection.
	 */
	public static float slowPath(int word, final WordSource more) {
		while (true) {
			final int j = word >> 8;
			final int strip = word & 0xFF;
			if (Math.abs(j) < ACCEPT[strip]) return j * WIDTH[strip];
			if (strip == 0) return tail(j < 0, more);
			final double x = (double) j * WIDTH[strip];
			final double y = DENSITY[strip] + more.nextUniform() * (DENSITY[strip + 1] - DENSITY[strip]);
			if (y < density(x)) return (float) x;
			word = more.nextWord();
		}
	}

	/** Marsaglia's (1964) tail method beyond {@link #R}. */
	private static float tail(final boolean negative, final WordSource more) {
		double x, y;
		do {
			x = -Math.log(more.nextUniformPositive()) / R;
			y = -Math.log(more.nextUniformPositive());
		}
		while (y + y < x * x);
		return (float) (negative ? -(R + x) : R + x);
	}
}
