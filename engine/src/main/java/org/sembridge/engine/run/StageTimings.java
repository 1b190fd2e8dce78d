package org.sembridge.engine.run;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.LongSupplier;

import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.progress.StageEstimate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Wall time per stage of a run, in seconds, in the order the stages ran. Starting a stage ends
/// the previous one and tells the progress listener (`done = 0`, `total = -1`), so a listener
/// sees one report at the start of every stage. Not thread-safe: one per run.
///
/// Estimates: progress reports that pass through [#listener()] feed a [StageEstimate] per
/// progress stage (the rolling rule documented there: the time spent so far plus the rest at the
/// rate of the second half of the work done so far; no warm-up probe). The first estimate a stage
/// has, once [StageEstimate#FIRST_ESTIMATE_FRACTION] of it is done and
/// [StageEstimate#FIRST_ESTIMATE_SECONDS] have passed, is kept ([#estimates()],
/// `estimates_seconds` in `run.json`) and logged, so it can be compared with the measured time
/// afterwards; the CLI shows the same figure at the same report. A stage that finishes before
/// it has an estimate records the time it took. Estimates are keyed by the
/// progress stage name: a timed stage (`embedding target tokens with bge-m3`, measured from its
/// [#start], so the time it spends before its first count, e.g. preparing the texts, is part of
/// both the estimate and the measured time) or a long operation reported inside one (`aligning
/// target tokens` inside `planning sembridge`, measured from its first report with nothing done).
final class StageTimings {

    private static final Logger LOG = LoggerFactory.getLogger(StageTimings.class);

    private final Map<String, Double> seconds = new LinkedHashMap<>();
    private final Map<String, Double> estimates = new LinkedHashMap<>();
    private final Map<String, StageEstimate> running = new HashMap<>();
    private final Map<String, Double> estimatedStageSeconds = new LinkedHashMap<>();
    private final ProgressListener progress;
    private final LongSupplier nanoTime;
    private final long startNanos;
    private String current;
    private long currentStartNanos;

    StageTimings(ProgressListener progress) {
        this(progress, System::nanoTime);
    }

    /// Stage timings on the clock `nanoTime` (tests drive it by hand).
    StageTimings(ProgressListener progress, LongSupplier nanoTime) {
        this.progress = progress;
        this.nanoTime = nanoTime;
        this.startNanos = nanoTime.getAsLong();
    }

    /// Ends the running stage (if any) and starts `stage`.
    synchronized void start(String stage) {
        end();
        current = stage;
        currentStartNanos = nanoTime.getAsLong();
        running.putIfAbsent(stage, new StageEstimate(currentStartNanos));
        progress.onProgress(stage, 0, -1);
    }

    /// Ends the running stage (if any).
    synchronized void end() {
        if (current != null) {
            double elapsed = (nanoTime.getAsLong() - currentStartNanos) / 1e9;
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
        long now = nanoTime.getAsLong();
        // a sub-stage reported by a long operation inside a timed stage (aligning target tokens)
        // starts at its first report with done = 0, else when the enclosing stage started
        StageEstimate estimate = running.computeIfAbsent(stage,
                name -> new StageEstimate(done == 0 || current == null ? now : currentStartNanos));
        if (estimates.containsKey(stage)) {
            logFinished(stage, estimate, now, done, total);
            return;
        }
        estimate.report(now, done, total);
        OptionalDouble first = estimate.seconds();
        if (first.isPresent()) {
            estimates.put(stage, first.getAsDouble());
            LOG.info("{}: {} of {} done after {} s; estimated {} s in all", stage, done, total,
                    String.format(Locale.ROOT, "%.1f", estimate.elapsedSeconds()),
                    String.format(Locale.ROOT, "%.1f", first.getAsDouble()));
        } else if (total > 0 && done >= total) {
            // done before it had an estimate (shorter than the floor, or done in the block that
            // passed 5%): no extrapolation was ever made, its time is exact
            estimates.put(stage, estimate.elapsedSeconds());
            estimatedStageSeconds.put(stage, estimate.elapsedSeconds());
            LOG.info("{}: took {} s, before it had an estimate", stage,
                    String.format(Locale.ROOT, "%.1f", estimate.elapsedSeconds()));
        }
    }

    /// Records and logs once, when a stage with a first estimate finishes, its measured time next
    /// to that estimate (the line `docs/measure-estimates.sh` reads; a sub-stage's time is not in
    /// `timings_seconds`).
    private void logFinished(String stage, StageEstimate estimate, long now, long done, long total) {
        if (total <= 0 || done < total || estimatedStageSeconds.containsKey(stage)) {
            return;
        }
        double measured = (now - estimate.startNanos()) / 1e9;
        double first = estimates.get(stage);
        estimatedStageSeconds.put(stage, measured);
        LOG.info("{}: took {} s; first estimate {} s ({} x the time taken)", stage,
                String.format(Locale.ROOT, "%.1f", measured), String.format(Locale.ROOT, "%.1f", first),
                String.format(Locale.ROOT, "%.2f", first / Math.max(measured, 1e-9)));
    }

    /// The measured seconds of every finished stage that has a first estimate, from the start the
    /// estimate counts from to the report that finished it.
    synchronized Map<String, Double> estimatedStageSeconds() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(estimatedStageSeconds));
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
        return (nanoTime.getAsLong() - startNanos) / 1e9;
    }
}
