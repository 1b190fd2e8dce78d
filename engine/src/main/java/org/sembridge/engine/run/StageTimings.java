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
///
/// Estimates: progress reports that pass through [#listener()] feed a rolling estimate of the
/// current stage from its own rate so far (no warm-up probe): the time to the first report with
/// work done (`t1`, `d1`: it holds the first-call costs, native code and allocation) plus the
/// rest at the rate measured since, `t1 + (now - t1) x (total - d1) / (done - d1)`. The
/// first estimate made once [#ESTIMATE_AFTER_FRACTION] of a stage is done is kept per stage
/// ([#estimates()], `estimates_seconds` in `run.json`) and logged, so it can be compared with
/// the measured time afterwards. Estimates are keyed by the progress stage name: a timed stage
/// (`embedding target tokens with bge-m3`) or a long operation reported inside one (`aligning
/// target tokens` inside `planning sembridge`).
final class StageTimings {

    /// The fraction of a stage's work after which its first estimate is recorded (5%).
    static final double ESTIMATE_AFTER_FRACTION = 0.05;

    private static final Logger LOG = LoggerFactory.getLogger(StageTimings.class);

    private final Map<String, Double> seconds = new LinkedHashMap<>();
    private final Map<String, Double> estimates = new LinkedHashMap<>();
    private final ProgressListener progress;
    private final long startNanos = System.nanoTime();
    private String current;
    private long currentStartNanos;
    private final Map<String, Progress> progressStages = new java.util.HashMap<>();

    StageTimings(ProgressListener progress) {
        this.progress = progress;
    }

    /// Ends the running stage (if any) and starts `stage`.
    synchronized void start(String stage) {
        end();
        current = stage;
        currentStartNanos = System.nanoTime();
        progress.onProgress(stage, 0, -1);
    }

    /// Ends the running stage (if any).
    synchronized void end() {
        if (current != null) {
            double elapsed = (System.nanoTime() - currentStartNanos) / 1e9;
            seconds.merge(current, elapsed, Double::sum);
            LOG.debug("stage '{}' took {} s", current, String.format("%.3f", elapsed));
            current = null;
        }
    }

    /// A listener that forwards every report to the run's listener and records the first
    /// estimate of the current stage (see the class comment).
    ProgressListener listener() {
        return (stage, done, total) -> {
            observe(stage, done, total);
            progress.onProgress(stage, done, total);
        };
    }

    private synchronized void observe(String stage, long done, long total) {
        long now = System.nanoTime();
        Progress seen = progressStages.get(stage);
        if (seen == null) {
            // a stage of this object starts with done = 0; a sub-stage reported by a long
            // operation inside it (aligning target tokens) starts at its first report with
            // done = 0, else when the enclosing stage started
            seen = new Progress(done == 0 ? now : currentStartNanos);
            progressStages.put(stage, seen);
        }
        if (total <= 0 || done <= 0 || estimates.containsKey(stage)) {
            return;
        }
        if (seen.firstDone == 0) {
            seen.firstDone = done;
            seen.firstDoneNanos = now;
        }
        if (done < ESTIMATE_AFTER_FRACTION * total || done <= seen.firstDone && done < total) {
            return;
        }
        double elapsed = (now - seen.startNanos) / 1e9;
        double estimate = rollingEstimate(seen.startNanos, seen.firstDoneNanos, seen.firstDone, now, done, total);
        estimates.put(stage, estimate);
        LOG.info("{}: {} of {} done after {} s; estimated {} s in all", stage, done, total,
                String.format(java.util.Locale.ROOT, "%.1f", elapsed),
                String.format(java.util.Locale.ROOT, "%.1f", estimate));
    }

    /// Where a progress stage started and its first report with work done.
    private static final class Progress {
        private final long startNanos;
        private long firstDone;
        private long firstDoneNanos;

        Progress(long startNanos) {
            this.startNanos = startNanos;
        }
    }

    /// The estimated seconds of a whole stage that started at `startNanos`, first reported work
    /// (`firstDone` units) at `firstNanos` and has `done` of `total` units at `nowNanos`.
    static double rollingEstimate(long startNanos, long firstNanos, long firstDone, long nowNanos, long done,
            long total) {
        double first = (firstNanos - startNanos) / 1e9;
        if (done <= firstDone) {
            return first * total / Math.max(1, done);
        }
        return first + (nowNanos - firstNanos) / 1e9 * (total - firstDone) / (done - firstDone);
    }

    /// The first estimate (seconds, whole stage) of every stage that reported enough progress.
    synchronized Map<String, Double> estimates() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(estimates));
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
