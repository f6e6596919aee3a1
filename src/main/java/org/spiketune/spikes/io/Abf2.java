package org.spiketune.spikes.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.spiketune.spikes.RecordedSweeps;

/**
 * Current-clamp sweeps from an Axon Binary Format 2 file (Clampex 10/11), episodic mode: the first ADC channel
 * scaled to its units, and the command current rebuilt from the first enabled DAC's epoch table (step and ramp
 * epochs, Clampex's pre-sweep holding of 1/64 of the sweep). No library on Maven Central reads ABF, so the
 * layout (512-byte blocks, a section map at byte 76) is read here; every section is checked against the file
 * size before it is read.
 */
public final class Abf2 {

	private static final int BLOCK = 512;
	private static final int PROTOCOL = 0, ADC = 1, DAC = 2, EPOCH_PER_DAC = 5, STRINGS = 9, DATA = 10;

	private Abf2() {}

	private record Section(long offset, int bytes, long entries) {}

	public static RecordedSweeps read(final Path file) throws IOException {
		final long size = Files.size(file);
		if (size > Integer.MAX_VALUE) throw new IOException(file + ": ABF files over 2 GiB are not supported yet");
		final ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
		try {
			return parse(b, file);
		}
		catch (final IndexOutOfBoundsException | IllegalArgumentException e) {
			throw new IOException(file + ": not a readable ABF 2 file: " + e.getMessage(), e);
		}
	}

	private static RecordedSweeps parse(final ByteBuffer b, final Path file) throws IOException {
		if (b.limit() < 76 + 16 * 11) throw new IOException(file + ": too short for an ABF 2 header");
		final String signature = new String(new byte[] { b.get(0), b.get(1), b.get(2), b.get(3) },
			StandardCharsets.US_ASCII);
		if (signature.equals("ABF ")) throw new IOException(file + ": ABF 1 files are not supported (only ABF 2)");
		if (!signature.equals("ABF2")) throw new IOException(file + ": not an ABF file (signature '" + signature +
			"')");
		final int sweeps = b.getInt(12);
		final Section protocol = section(b, file, PROTOCOL), adc = section(b, file, ADC), dac = section(b, file, DAC);
		final Section epochs = section(b, file, EPOCH_PER_DAC), strings = section(b, file, STRINGS);
		final Section data = section(b, file, DATA);
		if (protocol.entries < 1 || adc.entries < 1) throw new IOException(file + ": no protocol or ADC section");
		final int p = (int) protocol.offset;
		if (b.getShort(p) != 5) throw new IOException(file + ": operation mode " + b.getShort(p) +
			" is not episodic stimulation (5); only episodic current-clamp sweeps are read");
		final double intervalUs = b.getFloat(p + 2);
		final int samplesPerEpisode = b.getInt(p + 22);
		final int channels = (int) adc.entries;
		if (!(intervalUs > 0) || samplesPerEpisode <= 0 || sweeps <= 0 || samplesPerEpisode % channels != 0) {
			throw new IOException(file + ": inconsistent header: " + sweeps + " sweeps of " + samplesPerEpisode +
				" samples over " + channels + " channels every " + intervalUs + " µs");
		}
		final int points = samplesPerEpisode / channels;
		final int sampleBytes = data.bytes;
		if (sampleBytes != 2 && sampleBytes != 4) throw new IOException(file + ": data samples of " + sampleBytes +
			" bytes (expected 2 or 4)");
		if (data.entries != (long) sweeps * samplesPerEpisode) throw new IOException(file + ": data section holds " +
			data.entries + " samples, the header promises " + sweeps + " x " + samplesPerEpisode);
		final List<String> text = strings(b, strings);

		// First ADC channel: scale int16 to its units as Clampex does.
		final int a = (int) adc.offset;
		final boolean telegraph = b.getShort(a + 2) != 0;
		final double gain = b.getFloat(a + 40) * b.getFloat(a + 48) * b.getFloat(a + 28) * (telegraph ? b.getFloat(
			a + 6) : 1);
		final double scale = sampleBytes == 4 ? 1 : b.getFloat(p + 110) / b.getInt(p + 118) / gain;
		final double offset = sampleBytes == 4 ? 0 : b.getFloat(a + 44) - b.getFloat(a + 52);
		if (!Double.isFinite(scale) || !Double.isFinite(offset)) throw new IOException(file +
			": ADC scaling is not finite (gain " + gain + ")");
		final String voltageUnit = label(text, b.getInt(a + 78));

		final double[][] voltage = new double[sweeps][points];
		for (int s = 0; s < sweeps; s++) {
			for (int i = 0; i < points; i++) {
				final long at = data.offset + ((long) s * samplesPerEpisode + (long) i * channels) * sampleBytes;
				voltage[s][i] = sampleBytes == 2 ? b.getShort((int) at) * scale + offset : b.getFloat((int) at);
			}
		}
		final Command command = command(b, file, dac, epochs, text);
		final double[][] current = new double[sweeps][];
		for (int s = 0; s < sweeps; s++) current[s] = command.waveform(s, points);
		return new RecordedSweeps(intervalUs / 1000, voltage, current, voltageUnit, command.unit);
	}

	private static Section section(final ByteBuffer b, final Path file, final int index) throws IOException {
		final int at = 76 + 16 * index;
		final long block = Integer.toUnsignedLong(b.getInt(at));
		final int bytes = b.getInt(at + 4);
		final long entries = b.getLong(at + 8);
		if (block == 0 || entries == 0) return new Section(0, 0, 0);
		final long offset = block * BLOCK;
		if (bytes <= 0 || entries < 0 || offset + (double) bytes * entries > b.limit()) throw new IOException(file +
			": section " + index + " (" + entries + " entries of " + bytes + " bytes at block " + block +
			") lies beyond the end of the file (" + b.limit() + " bytes): truncated or corrupted");
		return new Section(offset, bytes, entries);
	}

	/** The indexed strings: 1-based, counted from the creator's name (Clampex, Clampfit, AxoScope...). */
	private static List<String> strings(final ByteBuffer b, final Section section) {
		final List<String> list = new ArrayList<>();
		if (section.entries == 0) return list;
		final byte[] raw = new byte[(int) Math.min(section.bytes * section.entries, b.limit() - section.offset)];
		b.get((int) section.offset, raw);
		final String all = new String(raw, StandardCharsets.ISO_8859_1);
		final String lower = all.toLowerCase(Locale.ROOT);
		int start = -1;
		for (final String creator : List.of("clampex", "clampfit", "axoscope", "patchxpress")) {
			final int at = lower.indexOf(creator);
			if (at >= 0 && (start < 0 || at < start)) start = at;
		}
		if (start < 0) return list;
		for (final String s : all.substring(start).split("\0", -1)) list.add(s);
		return list;
	}

	private static String label(final List<String> strings, final int index) {
		return index >= 1 && index <= strings.size() ? strings.get(index - 1).strip() : "";
	}

	/** The command waveform of the first DAC whose waveform is enabled: holding, then its epochs. */
	private record Command(double holding, List<double[]> epochs, String unit) {

		// epoch: type, initial level, level increment per sweep, initial duration, duration increment
		double[] waveform(final int sweep, final int points) {
			final double[] w = new double[points];
			java.util.Arrays.fill(w, holding);
			int at = points / 64; // Clampex holds for 1/64 of the sweep before the first epoch
			double previous = holding;
			for (final double[] e : epochs) {
				final double level = e[1] + e[2] * sweep;
				final long duration = (long) (e[3] + e[4] * sweep);
				for (long i = 0; i < duration && at < points; i++, at++) {
					w[at] = e[0] == 2 ? previous + (level - previous) * (i + 1) / duration : level;
				}
				previous = level;
			}
			return w;
		}
	}

	private static Command command(final ByteBuffer b, final Path file, final Section dac, final Section epochs,
		final List<String> text) throws IOException
	{
		for (int k = 0; k < dac.entries; k++) {
			final int d = (int) (dac.offset + (long) k * dac.bytes);
			if (b.getShort(d + 40) == 0) continue; // waveform disabled
			final int number = b.getShort(d);
			final List<double[]> list = new ArrayList<>();
			for (int e = 0; e < epochs.entries; e++) {
				final int q = (int) (epochs.offset + (long) e * epochs.bytes);
				if (b.getShort(q + 2) != number) continue;
				final int type = b.getShort(q + 4);
				if (type == 0) continue; // disabled epoch
				if (type != 1 && type != 2) throw new IOException(file + ": command epoch " + b.getShort(q) + " of type " +
					type + " (pulse train or other) is not supported; only steps and ramps");
				list.add(new double[] { type, b.getFloat(q + 6), b.getFloat(q + 10), b.getInt(q + 14), b.getInt(q +
					18) });
			}
			return new Command(b.getFloat(d + 12), list, label(text, b.getInt(d + 28)));
		}
		return new Command(0, List.of(), "");
	}
}
