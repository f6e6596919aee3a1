package org.spiketune.sim.opencl;

import static org.jocl.CL.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/**
 * Finds the OpenCL devices, once per JVM. A missing OpenCL library ({@link LinkageError}: JOCL loads it in a
 * static initializer, and every later touch fails the same way) or no platform ({@link CLException}) means
 * no devices, with the reason logged once; nothing is thrown. PoCL's devices are not started where the JVM
 * would lose its signal handlers to it (see {@link SignalChaining}).
 */
public final class OpenClPlatforms {

	private static final Logger LOG = Logger.getLogger(OpenClPlatforms.class.getName());
	private static List<Found> found;
	private static String unavailable;

	/** A probed device and the handles to open it. */
	record Found(DeviceInfo info, cl_platform_id platform, cl_device_id device) {}

	private OpenClPlatforms() {}

	/** The usable devices (with double precision, which the samplers' slow paths need); empty if none. */
	public static synchronized List<DeviceInfo> devices() {
		return probe().stream().map(Found::info).toList();
	}

	/** Why there are no devices, if there are none. */
	public static synchronized Optional<String> unavailableReason() {
		probe();
		return Optional.ofNullable(unavailable);
	}

	static synchronized List<Found> probe() {
		if (found != null) return found;
		final List<Found> list = new ArrayList<>();
		try {
			CL.setExceptionsEnabled(true);
			final int[] count = new int[1];
			clGetPlatformIDs(0, null, count);
			final cl_platform_id[] platforms = new cl_platform_id[count[0]];
			clGetPlatformIDs(platforms.length, platforms, null);
			String skipped = null;
			for (int p = 0; p < platforms.length; p++) {
				final String platformName = string(platforms[p]);
				// a platform's name does not start its devices; its device list would (PoCL's handlers)
				if (SignalChaining.isPocl(platformName) && !SignalChaining.poclAllowed()) {
					skipped = SignalChaining.poclSkippedReason();
					LOG.info(skipped);
					continue;
				}
				final int[] devices = new int[1];
				try {
					clGetDeviceIDs(platforms[p], CL_DEVICE_TYPE_ALL, 0, null, devices);
				}
				catch (final CLException e) {
					continue; // CL_DEVICE_NOT_FOUND on this platform
				}
				final cl_device_id[] ids = new cl_device_id[devices[0]];
				clGetDeviceIDs(platforms[p], CL_DEVICE_TYPE_ALL, ids.length, ids, null);
				for (int d = 0; d < ids.length; d++) {
					if (!string(ids[d], CL_DEVICE_EXTENSIONS).contains("cl_khr_fp64")) {
						LOG.info("OpenCL device " + string(ids[d], CL_DEVICE_NAME) + " has no double precision; not used");
						continue;
					}
					final long type = longInfo(ids[d], CL_DEVICE_TYPE);
					list.add(new Found(new DeviceInfo(p, platformName, d, string(ids[d], CL_DEVICE_NAME), (type &
						CL_DEVICE_TYPE_GPU) != 0, longInfo(ids[d], CL_DEVICE_GLOBAL_MEM_SIZE), longInfo(ids[d],
							CL_DEVICE_MAX_MEM_ALLOC_SIZE), (int) sizeInfo(ids[d], CL_DEVICE_MAX_WORK_GROUP_SIZE), (int) intInfo(
								ids[d], CL_DEVICE_MAX_COMPUTE_UNITS), string(ids[d], CL_DEVICE_VERSION)), platforms[p], ids[d]));
				}
			}
			if (list.isEmpty()) unavailable = skipped != null ? skipped : "no OpenCL device with double precision found";
		}
		catch (final CLException e) {
			unavailable = "no OpenCL platform (" + CL.stringFor_errorCode(e.getStatus()) + ")";
		}
		catch (final LinkageError e) {
			unavailable = "no OpenCL library (" + e.getMessage() + ")";
		}
		// FINE: the caller that falls back to the CPU backend logs the one line a user sees
		if (unavailable != null) LOG.fine("OpenCL backend unavailable: " + unavailable);
		found = List.copyOf(list);
		return found;
	}

	/** The compiler's log of a failed build, for the error message. */
	static String buildLog(final org.jocl.cl_program program, final cl_device_id device) {
		final long[] size = new long[1];
		clGetProgramBuildInfo(program, device, CL_PROGRAM_BUILD_LOG, 0, null, size);
		final byte[] buffer = new byte[(int) size[0]];
		clGetProgramBuildInfo(program, device, CL_PROGRAM_BUILD_LOG, buffer.length, Pointer.to(buffer), null);
		return new String(buffer, 0, Math.max(0, buffer.length - 1));
	}

	private static String string(final cl_platform_id platform) {
		final long[] size = new long[1];
		clGetPlatformInfo(platform, CL_PLATFORM_NAME, 0, null, size);
		final byte[] buffer = new byte[(int) size[0]];
		clGetPlatformInfo(platform, CL_PLATFORM_NAME, buffer.length, Pointer.to(buffer), null);
		return new String(buffer, 0, Math.max(0, buffer.length - 1));
	}

	static String string(final cl_device_id device, final int param) {
		final long[] size = new long[1];
		clGetDeviceInfo(device, param, 0, null, size);
		final byte[] buffer = new byte[(int) size[0]];
		clGetDeviceInfo(device, param, buffer.length, Pointer.to(buffer), null);
		return new String(buffer, 0, Math.max(0, buffer.length - 1));
	}

	private static long longInfo(final cl_device_id device, final int param) {
		final long[] value = new long[1];
		clGetDeviceInfo(device, param, Sizeof.cl_long, Pointer.to(value), null);
		return value[0];
	}

	private static long intInfo(final cl_device_id device, final int param) {
		final int[] value = new int[1];
		clGetDeviceInfo(device, param, Sizeof.cl_int, Pointer.to(value), null);
		return value[0];
	}

	private static long sizeInfo(final cl_device_id device, final int param) {
		final long[] value = new long[1];
		clGetDeviceInfo(device, param, Sizeof.size_t, Pointer.to(value), null);
		return value[0];
	}
}
