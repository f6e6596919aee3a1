package org.spiketune.img;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import net.imglib2.RandomAccess;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;

import org.junit.jupiter.api.Test;
import org.spiketune.model.GratingPhase;
import org.spiketune.model.Gratings;
import org.spiketune.model.Protocol;
import org.spiketune.model.Stimulus;

class ImageStimuliTest {

	@Test
	void aGratingIsASineAcrossItsBars() {
		final int w = 9, h = 7;
		final float[] horizontal = Gratings.grating(w, h, 0, 0.125, 0);
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				assertEquals((float) Math.sin(2 * Math.PI * 0.125 * (y - 3)), horizontal[y * w + x], 1e-7,
					"bars along x vary only with y");
			}
		}
		final float[] vertical = Gratings.grating(w, h, Math.PI / 2, 0.125, 0);
		assertEquals((float) Math.sin(2 * Math.PI * 0.125 * -(8 - 4)), vertical[2 * w + 8], 1e-7,
			"at θ = π/2 the value varies with −x");
		final float[] diagonal = Gratings.grating(w, h, Math.PI / 4, 0.1, 0.3);
		final double u = -(1 - 4) * Math.sin(Math.PI / 4) + (5 - 3) * Math.cos(Math.PI / 4);
		assertEquals((float) Math.sin(2 * Math.PI * 0.1 * u + 0.3), diagonal[5 * w + 1], 1e-7);
		assertThrows(IllegalArgumentException.class, () -> Gratings.grating(0, 3, 0, 0.1, 0));
		assertThrows(IllegalArgumentException.class, () -> Gratings.grating(3, 3, 0, Double.NaN, 0));
	}

	@Test
	void sineGratingsReverseAtHalfATurnAndCosineGratingsRepeat() {
		final double f = 2.0 / 16, theta = Math.PI / 40;
		final float[] sine = Gratings.grating(16, 16, theta, f, GratingPhase.SINE.radians());
		final float[] sineTurned = Gratings.grating(16, 16, theta + Math.PI, f, GratingPhase.SINE.radians());
		final float[] cosine = Gratings.grating(16, 16, theta, f, GratingPhase.COSINE.radians());
		final float[] cosineTurned = Gratings.grating(16, 16, theta + Math.PI, f, GratingPhase.COSINE.radians());
		for (int i = 0; i < sine.length; i++) {
			assertEquals(-sine[i], sineTurned[i], 1e-5, "sine: θ + 180° is θ negated");
			assertEquals(cosine[i], cosineTurned[i], 1e-5, "cosine: θ + 180° is θ");
		}
		// so at the ends of the study's set, 4.5° against 180°: sine nearly opposite, cosine nearly the same
		assertTrue(cosineSimilarity(sine, Gratings.grating(16, 16, Math.PI, f, 0)) < -0.9);
		assertTrue(cosineSimilarity(cosine, Gratings.grating(16, 16, Math.PI, f, Math.PI / 2)) > 0.9);
		// a drive draws its frames at its phase
		final Protocol protocol = Protocol.of(Gratings.gratingPhase("train", 0, 1, 2000, 0, 500, 1, false));
		final Stimulus.ImageDrive drive = Gratings.gratingDrive("on", "off", 16, 16, new double[] { theta }, f,
			GratingPhase.COSINE.radians(), protocol, 1);
		assertArrayEquals(cosine, drive.frames().get(0), 1e-6f);
		assertEquals(GratingPhase.COSINE, GratingPhase.named(" Cosine "));
		final IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> GratingPhase
			.named("square"));
		assertTrue(unknown.getMessage().contains("cosine, sine"), unknown.getMessage());
		assertThrows(IllegalArgumentException.class, () -> GratingPhase.named(null));
	}

	private static double cosineSimilarity(final float[] a, final float[] b) {
		double dot = 0, aa = 0, bb = 0;
		for (int i = 0; i < a.length; i++) {
			dot += a[i] * (double) b[i];
			aa += a[i] * (double) a[i];
			bb += b[i] * (double) b[i];
		}
		return dot / Math.sqrt(aa * bb);
	}

	@Test
	void theStudysOrientationsRunFromPiOverNToPi() {
		assertArrayEquals(new double[] { Math.PI / 4, Math.PI / 2, 3 * Math.PI / 4, Math.PI }, Gratings
			.orientations(4), 1e-15);
	}

	@Test
	void aStackGivesOneFrameperPlaneAndNormalizingScalesToOne() {
		final ArrayImg<FloatType, FloatArray> stack = ArrayImgs.floats(new float[] { 1, 2, 3, 4, -8, 0, 2, 6 }, 2, 2, 2);
		final List<float[]> frames = ImageStimuli.frames(stack);
		assertEquals(2, frames.size());
		assertArrayEquals(new float[] { 1, 2, 3, 4 }, frames.get(0));
		assertArrayEquals(new float[] { -8, 0, 2, 6 }, frames.get(1));
		assertArrayEquals(new float[] { -1, 0, 0.25f, 0.75f }, ImageStimuli.normalized(frames).get(1));
		final ArrayImg<FloatType, FloatArray> bad = ArrayImgs.floats(new float[] { 1, Float.NaN, 0, 0 }, 2, 2);
		assertThrows(IllegalArgumentException.class, () -> ImageStimuli.frames(bad));
	}

	@Test
	void aCounterphaseStackModulatesTheGratingOverTime() {
		final ArrayImg<FloatType, FloatArray> stack = ImageStimuli.counterphaseStack(8, 8, Math.PI / 3, 0.2, 4, 5,
			62.5);
		final float[] g = Gratings.grating(8, 8, Math.PI / 3, 0.2, 0);
		final RandomAccess<FloatType> at = stack.randomAccess();
		for (int t = 0; t < 5; t++) {
			at.setPosition(new long[] { 3, 6, t });
			assertEquals(g[6 * 8 + 3] * (float) Math.cos(2 * Math.PI * 4 * t * 0.0625), at.get().get(), 1e-7);
		}
	}

	@Test
	void aGratingDrivePairsFramesWithTheProtocol() {
		final Protocol protocol = Protocol.of(Gratings.gratingPhase("train", 0, 4, 2000, 2, 500, 3, true));
		final Stimulus.ImageDrive drive = Gratings.gratingDrive("on", "off", 16, 16, Gratings.orientations(4),
			0.1, 0, protocol, 1);
		assertEquals(4, drive.frames().size());
		assertEquals(256, drive.frameSize());
		assertEquals(3 * 4 * 2500, protocol.durationMs());
		// frames are the gratings scaled to one mean contrast, the lowest of them
		final double[] contrast = new double[4];
		for (int k = 0; k < 4; k++) contrast[k] = Gratings.meanContrast(Gratings.grating(16, 16, Math.PI * (k + 1) /
			4, 0.1, 0));
		final double lowest = java.util.Arrays.stream(contrast).min().orElseThrow();
		final float[] raw = Gratings.grating(16, 16, Math.PI / 2, 0.1, 0);
		for (int i = 0; i < raw.length; i++) assertEquals(raw[i] * lowest / contrast[1], drive.frames().get(1)[i], 1e-6);
		for (final float[] frame : drive.frames()) assertEquals(lowest, Gratings.meanContrast(frame), 1e-6);
		// the V1 study's grid: 2 cycles across 16 pixels; bars along the grid sample no pixel near zero
		assertEquals(0.653, Gratings.meanContrast(Gratings.grating(16, 16, Math.PI / 2, 0.125, 0)), 5e-4);
		assertEquals(0.630, Gratings.meanContrast(Gratings.grating(16, 16, Math.PI / 8, 0.125, 0)), 5e-4);
		// a 1×1 image has no contrast at any orientation: its frames stay 0
		final Stimulus.ImageDrive flat = Gratings.gratingDrive("on", "off", 1, 1, Gratings.orientations(4), 0.1,
			0, protocol, 1);
		for (final float[] frame : flat.frames()) assertEquals(0, frame[0]);
	}
}
