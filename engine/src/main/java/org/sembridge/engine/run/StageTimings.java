package org.sembridge.engine.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.sembridge.engine.progress.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Wall time per stage of a run, in seconds, in the order the stages ran. Starting a stage ends
/// the previous one and tells the progress listener (`done = 0`, `total = -1`), so a listener
/// sees one report at the start of every stage. Not thread-safe: one per run.
final class StageTimings {

    private static final Logger LOG = LoggerFactory.getLogger(StageTimings.class);

    private final Map<String, Double> seconds = new LinkedHashMap<>();
    private final ProgressListener progress;
    private final long startNanos = System.nanoTime();
    private String current;
    private long currentStartNanos;

    StageTimings(ProgressListener progress) {
        this.progress = progress;
    }

    /// Ends the running stage (if any) and starts `stage`.
    void start(String stage) {
        end();
        current = stage;
        currentStartNanos = System.nanoTime();
        progress.onProgress(stage, 0, -1);
    }

    /// Ends the running stage (if any).
    void end() {
        if (current != null) {
            double elapsed = (System.nanoTime() - currentStartNanos) / 1e9;
            seconds.merge(current, elapsed, Double::sum);
            LOG.debug("stage '{}' took {} s", current, String.format("%.3f", elapsed));
            current = null;
        }
    }

    /// Seconds per finished stage, in order.
    Map<String, Double> seconds() {
        return Collections.unmodifiableMap(seconds);
    }

    /// Seconds since this object was created.
    double totalSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
