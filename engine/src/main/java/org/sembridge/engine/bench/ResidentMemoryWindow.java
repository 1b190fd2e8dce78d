package org.sembridge.engine.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The peak resident set size of this process over a window of work, above what was resident
/// when the window opened: the memory an operation adds, Java heap and native (libtorch)
/// together, as the operating system counts it.
///
/// Linux only: reads `VmRSS` and `VmHWM` (the peak) from `/proc/self/status`. Opening a window
/// runs a garbage collection, then resets the kernel's peak to the current size by writing `5`
/// to `/proc/self/clear_refs` (Linux 4.0+), so each window measures its own peak even after a
/// larger earlier one. Where the reset is refused the peak cannot go below earlier peaks: the
/// window then reports `peak - max(start, earlier peak)`, a lower bound, and says so
/// ([#peakWasReset()]). Without `/proc` every figure is `-1`.
///
/// Precision: pages, so about 4 KiB. The JVM keeps heap pages it has touched: after a
/// collection, new objects may reuse them without raising the resident size, so heap allocations
/// smaller than the garbage freed before the window are undercounted. Native memory that libtorch
/// frees is returned to its allocator and may likewise be reused.
public final class ResidentMemoryWindow {

    private static final Logger LOG = LoggerFactory.getLogger(ResidentMemoryWindow.class);

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");
    private static final byte[] RESET_PEAK = "5".getBytes(StandardCharsets.US_ASCII);

    private final long startBytes;
    private final long floorBytes;
    private final boolean peakWasReset;

    private ResidentMemoryWindow(long startBytes, long floorBytes, boolean peakWasReset) {
        this.startBytes = startBytes;
        this.floorBytes = floorBytes;
        this.peakWasReset = peakWasReset;
    }

    /// Collects garbage, resets the peak where the kernel allows it, and opens a window at the
    /// current resident size.
    public static ResidentMemoryWindow open() {
        System.gc();
        boolean reset = resetPeak();
        long start = read("VmRSS");
        long floor = reset ? start : Math.max(start, read("VmHWM"));
        return new ResidentMemoryWindow(start, floor, reset);
    }

    /// Resident bytes when the window opened (after the collection), `-1` without `/proc`.
    public long startBytes() {
        return startBytes;
    }

    /// Whether the kernel's peak was reset at the start; when not, [#extraBytes()] is a lower bound.
    public boolean peakWasReset() {
        return peakWasReset;
    }

    /// The peak resident size since the window opened minus [#startBytes()], `>= 0`, or `-1`
    /// without `/proc`.
    public long extraBytes() {
        long peak = read("VmHWM");
        if (peak < 0 || startBytes < 0) {
            return -1;
        }
        return Math.max(0, peak - floorBytes);
    }

    /// One `kB` field of `/proc/self/status` in bytes, `-1` when it cannot be read.
    private static long read(String field) {
        try {
            for (String line : Files.readAllLines(STATUS, StandardCharsets.US_ASCII)) {
                if (line.startsWith(field + ":")) {
                    String[] parts = line.substring(field.length() + 1).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot read {} from {}: {}", field, STATUS, e.toString());
        }
        return -1;
    }

    /// Writes the reset command to the kernel's control file. This is a command to procfs, not a
    /// file with content, so it does not go through `AtomicFiles` (a rename cannot reach procfs).
    private static boolean resetPeak() {
        try (FileChannel control = FileChannel.open(CLEAR_REFS, StandardOpenOption.WRITE)) {
            control.write(ByteBuffer.wrap(RESET_PEAK));
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot reset the peak resident size through {}: {}", CLEAR_REFS, e.toString());
            return false;
        }
    }
}
