package org.sembridge.engine.workflow;

import java.util.Locale;
import java.util.function.LongSupplier;
import org.sembridge.engine.run.RunMemoryEstimate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The heap a process may fill with open runs: [#USABLE_FRACTION] of its maximum heap, the rest
/// kept for the work runs come with (sorting and filtering tables, maps, index builds, session
/// files). A run is opened only when the heap in use plus its [RunMemoryEstimate] fits; when it
/// does not, the heap is collected once (garbage is not use) and measured again before the run is
/// refused with [RunTooLargeException].
///
/// The maximum heap is the JVM's (`-Xmx`, or the launchers' `-XX:MaxRAMPercentage`, see the
/// README's memory section). Thread-safe; the figures are read at each check.
public final class MemoryBudget {

    /// Share of the maximum heap open runs may take.
    public static final double USABLE_FRACTION = 0.8;

    private static final Logger LOG = LoggerFactory.getLogger(MemoryBudget.class);

    private final long maxHeapBytes;
    private final LongSupplier usedBytes;
    private final Runnable collect;

    /// A budget of `maxHeapBytes` with the heap in use read from `usedBytes`; `collect` frees
    /// garbage before a refusal is confirmed (tests pass a no-op).
    public MemoryBudget(long maxHeapBytes, LongSupplier usedBytes, Runnable collect) {
        if (maxHeapBytes < 1) {
            throw new IllegalArgumentException("maxHeapBytes must be >= 1, found " + maxHeapBytes);
        }
        this.maxHeapBytes = maxHeapBytes;
        this.usedBytes = usedBytes;
        this.collect = collect;
    }

    /// The budget of this JVM's heap (`Runtime.maxMemory()`, in use `total - free`).
    public static MemoryBudget ofRuntime() {
        Runtime runtime = Runtime.getRuntime();
        return new MemoryBudget(runtime.maxMemory(), () -> runtime.totalMemory() - runtime.freeMemory(), System::gc);
    }

    /// Bytes open runs may take in all.
    public long usableBytes() {
        return (long) (maxHeapBytes * USABLE_FRACTION);
    }

    /// Returns when `estimate` fits next to what the heap holds now.
    ///
    /// @throws RunTooLargeException naming the run, its estimate, the heap in use and the limit
    public void requireRoom(RunMemoryEstimate estimate) throws RunTooLargeException {
        if (fits(estimate)) {
            return;
        }
        collect.run();
        if (fits(estimate)) {
            return;
        }
        long used = usedBytes.getAsLong();
        String message = String.format(Locale.ROOT,
                "run %s is too large for the memory left: it needs %s; %,d MiB of the %,d MiB heap are in use and"
                        + " open runs may use %,d MiB; close a run, or give the workbench more memory"
                        + " (SEMBRIDGE_JAVA_OPTS=-Xmx%dg, see the README's memory section)",
                estimate.runFolder(), estimate.describe(), used >> 20, maxHeapBytes >> 20, usableBytes() >> 20,
                Math.max(2, (long) Math.ceil((used + estimate.heapBytes()) / USABLE_FRACTION / (1L << 30)) + 1));
        LOG.warn("{}", message);
        throw new RunTooLargeException(message);
    }

    private boolean fits(RunMemoryEstimate estimate) {
        return usedBytes.getAsLong() + estimate.heapBytes() <= usableBytes();
    }
}
