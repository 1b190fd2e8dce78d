package org.sembridge.app.map;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/// The wall time of each stage of one projection, read off its progress reports: a stage runs
/// from the last report of the stage before it (or the start) to its own last report. The
/// engine reports after each block of work, so this covers all of a stage's work.
///
/// Thread-safe: the engine thread reports, the UI thread reads once the projection is done.
final class MapStageTimes {

    private final LongSupplier clock;
    private final long startedNanos;
    private final Map<String, Long> nanosByStage = new LinkedHashMap<>();
    private String current;
    private long currentStartNanos;
    private long lastReportNanos;

    /// Times measured with `clock` (nanoseconds; `System::nanoTime` in the app), from now.
    MapStageTimes(LongSupplier clock) {
        this.clock = clock;
        this.startedNanos = clock.getAsLong();
        this.currentStartNanos = startedNanos;
        this.lastReportNanos = startedNanos;
    }

    /// Records a progress report of `stage`.
    synchronized void report(String stage) {
        long now = clock.getAsLong();
        if (!stage.equals(current)) {
            current = stage;
            currentStartNanos = lastReportNanos;
        }
        nanosByStage.put(stage, now - currentStartNanos);
        lastReportNanos = now;
    }

    /// The time of `stage` in nanoseconds; 0 when it never reported.
    synchronized long nanos(String stage) {
        return nanosByStage.getOrDefault(stage, 0L);
    }

    /// The time from the start to the last report, in nanoseconds.
    synchronized long totalNanos() {
        return lastReportNanos - startedNanos;
    }

    /// Every stage's time in nanoseconds, in the order they first reported.
    synchronized Map<String, Long> stages() {
        return Map.copyOf(nanosByStage);
    }
}
