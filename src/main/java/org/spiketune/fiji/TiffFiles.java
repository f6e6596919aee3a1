package org.spiketune.fiji;

import java.io.IOException;
import java.nio.file.Path;

import ij.ImagePlus;
import ij.io.FileSaver;

import org.spiketune.io.ResultFiles;

/** Saves ImagePlus images as TIFF, atomically. */
public final class TiffFiles {

	private TiffFiles() {}

	public static Path save(final ImagePlus image, final Path file) throws IOException {
		return ResultFiles.atomically(file, tmp -> {
			final FileSaver saver = new FileSaver(image);
			final boolean ok = image.getStackSize() > 1 ? saver.saveAsTiffStack(tmp.toString()) : saver.saveAsTiff(
				tmp.toString());
			if (!ok) throw new IOException("could not write TIFF " + file);
		});
	}
}
