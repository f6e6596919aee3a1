package org.spiketune.fiji;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.view.Views;

import org.spiketune.io.ResultFiles;

/** Saves ARGB plots as PNG, the format people put in papers and slides; atomically. */
public final class PngFiles {

	private PngFiles() {}

	public static Path save(final RandomAccessibleInterval<ARGBType> image, final Path file) throws IOException {
		final int w = (int) image.dimension(0), h = (int) image.dimension(1);
		final BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
		final Cursor<ARGBType> c = Views.flatIterable(image).localizingCursor();
		while (c.hasNext()) {
			final int argb = c.next().get();
			out.setRGB(c.getIntPosition(0), c.getIntPosition(1), argb);
		}
		return ResultFiles.atomically(file, tmp -> {
			if (!ImageIO.write(out, "png", tmp.toFile())) throw new IOException("no PNG writer for " + file);
		});
	}
}
