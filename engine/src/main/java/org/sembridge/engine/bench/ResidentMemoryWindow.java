package org.sembridge.engine.bench;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
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
/// runs a garbage collection, waits until the resident size has stayed put for a second
/// ([ResidentSizeSettling], at most 10 s), then
/// resets the kernel's peak to the current size by writing `5` to `/proc/self/clear_refs` (Linux
/// 4.0+), so each window measures its own peak even after a larger earlier one. Where the reset
/// is refused the peak cannot go below earlier peaks: the window then reports
/// `peak - max(start, earlier peak)`, a lower bound, and says so ([#peakWasReset()]). Without
/// `/proc` every figure is `-1`. The settling wait matters because the collector hands freed
/// heap back concurrently: measured from a start that still holds it, a window would read low.
///
/// The Java heap: a JVM keeps heap pages it has touched, so an allocation that fits into heap
/// freed earlier would not raise the resident size. The first window therefore asks the JVM to
/// return free heap to the system at every full collection (the manageable HotSpot flags
/// `MinHeapFreeRatio` 0 and `MaxHeapFreeRatio` 10, for the rest of the process); the collection
/// at each opening then shrinks the heap to its live objects plus 10%. (The `Min` bound also
/// stops a full collection from growing the heap; growth during allocation is unaffected.) Between collections the
/// heap also holds garbage not yet collected, which counts: the figure is what the process
/// really held, not what it needed at least. Where the flags cannot be set (another JVM) heap
/// allocations smaller than earlier garbage are undercounted, and [#heapIsReturned()] says so.
///
/// Precision: pages, so about 4 KiB. Native memory that libtorch frees goes back to its
/// allocator (large blocks straight to the system) and may be reused without counting.
public final class ResidentMemoryWindow {

    private static final Logger LOG = LoggerFactory.getLogger(ResidentMemoryWindow.class);

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");
    private static final byte[] RESET_PEAK = "5".getBytes(StandardCharsets.US_ASCII);

    /// Free-heap bounds after a full collection: grow never, shrink to live + 10%.
    private static final String MIN_FREE = "0";
    private static final String MAX_FREE = "10";

    private static final boolean HEAP_IS_RETURNED = returnFreeHeap();

    private static final long SETTLE_POLL_MILLIS = 50;
    private static final long SETTLE_MAX_MILLIS = 10_000;

    private final long startBytes;
    private final long floorBytes;
    private final boolean peakWasReset;

    private ResidentMemoryWindow(long startBytes, long floorBytes, boolean peakWasReset) {
        this.startBytes = startBytes;
        this.floorBytes = floorBytes;
        this.peakWasReset = peakWasReset;
    }

    /// Collects garbage (returning free heap to the system), resets the peak where the kernel
    /// allows it, and opens a window at the current resident size.
    public static ResidentMemoryWindow open() {
        long beforeCollection = read("VmRSS");
        System.gc();
        long afterCollection = read("VmRSS");
        boolean settled = awaitSettledResidentSize();
        boolean reset = resetPeak();
        long start = read("VmRSS");
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        LOG.debug("memory window opens: resident {} MiB before the collection, {} MiB after it, {} MiB {}; "
                        + "heap {} MiB used of {} MiB committed", beforeCollection >> 20, afterCollection >> 20,
                start >> 20, settled ? "settled" : "when the wait ended", heap.getUsed() >> 20,
                heap.getCommitted() >> 20);
        long floor = reset ? start : Math.max(start, read("VmHWM"));
        return new ResidentMemoryWindow(start, floor, reset);
    }

    /// Whether free Java heap is returned to the system at each opening (see the class guide).
    public static boolean heapIsReturned() {
        return HEAP_IS_RETURNED;
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

    /// Waits until the resident size stops falling: the collector returns freed heap to the system
    /// concurrently, after `System.gc()` has returned, and a window opened before that would take
    /// the memory it is about to release as its starting point. Polls every [#SETTLE_POLL_MILLIS]
    /// until [ResidentSizeSettling] says the size has stayed put, at most [#SETTLE_MAX_MILLIS].
    ///
    /// @return whether it settled before the limit
    private static boolean awaitSettledResidentSize() {
        long first = read("VmRSS");
        if (first < 0) {
            return false;
        }
        long now = System.nanoTime();
        long deadline = now + SETTLE_MAX_MILLIS * 1_000_000L;
        ResidentSizeSettling settling = new ResidentSizeSettling(now, first);
        while (now < deadline) {
            try {
                Thread.sleep(SETTLE_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            now = System.nanoTime();
            if (settling.observe(now, read("VmRSS"))) {
                return true;
            }
        }
        return false;
    }

    /// Sets the HotSpot free-heap ratios (manageable flags), minimum first so the pair stays valid.
    private static boolean returnFreeHeap() {
        try {
            HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            hotSpot.setVMOption("MinHeapFreeRatio", MIN_FREE);
            hotSpot.setVMOption("MaxHeapFreeRatio", MAX_FREE);
            return true;
        } catch (RuntimeException e) {
            LOG.debug("cannot set the free-heap ratios: {}", e.toString());
            return false;
        }
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
