package org.sembridge.engine.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.sembridge.engine.progress.ProgressListener;

/// Progress of a long engine operation as short lines on stderr (stdout stays reserved for the
/// result, so `--json` output remains one document).
///
/// One line when a stage starts, then one each time another [#STEP_PERCENT] percent of it is
/// done, and one when it completes: `indexing corpus.jsonl: 40% (1,204,224 of 3,010,560)`. A
/// stage with an unknown total (`-1`) prints its count at the first report and every tenfold.
/// Deterministic (no clock) unless made [#withEstimates], so the lines a test sees do not depend on
/// machine speed. With estimates, a line of a stage that is at least 5% done adds the stage's
/// rolling estimate from its own rate so far: `, about 42 s left (50 s in all)`.
final class StderrProgress implements ProgressListener {

    /// The fraction of a stage after which the time left is shown.
    static final double ESTIMATE_AFTER_FRACTION = 0.05;

    /// The percentage step between two lines of one stage.
    static final int STEP_PERCENT = 10;

    private final PrintWriter err;
    private final java.util.function.LongSupplier nanoTime;
    private String stage;
    private long nextMark;
    private long stageStartNanos;
    private long firstDone;
    private long firstDoneNanos;

    StderrProgress(PrintWriter err) {
        this(err, null);
    }

    StderrProgress(PrintWriter err, java.util.function.LongSupplier nanoTime) {
        this.err = err;
        this.nanoTime = nanoTime;
    }

    /// Progress lines with the rolling estimate of the time left, on the system clock.
    static StderrProgress withEstimates(PrintWriter err) {
        return new StderrProgress(err, System::nanoTime);
    }

    @Override
    public synchronized void onProgress(String currentStage, long done, long total) {
        boolean newStage = !currentStage.equals(stage);
        if (newStage) {
            stage = currentStage;
            nextMark = 0;
            stageStartNanos = nanoTime == null ? 0 : nanoTime.getAsLong();
            firstDone = 0;
        }
        if (nanoTime != null && firstDone == 0 && done > 0) {
            firstDone = done;
            firstDoneNanos = nanoTime.getAsLong();
        }
        if (total > 0) {
            long percent = Math.min(100, done * 100 / total);
            if (newStage || percent >= nextMark) {
                err.printf(Locale.ROOT, "%s: %d%% (%,d of %,d)%s%n", currentStage, percent, done, total,
                        estimate(done, total));
                nextMark = percent >= 100 ? Long.MAX_VALUE : (percent / STEP_PERCENT + 1) * STEP_PERCENT;
            }
        } else if (total < 0 && (newStage || done >= nextMark)) {
            err.printf(Locale.ROOT, "%s: %,d done%n", currentStage, done);
            nextMark = Math.max(10, done * 10);
        }
        err.flush();
    }

    /// `, about N s left (M s in all)` once 5% of the stage is done and before it ends; empty
    /// otherwise or without a clock. The estimate is the time to the first report with work done
    /// plus the rest at the rate since then (the engine's `StageTimings` rule).
    private String estimate(long done, long total) {
        if (nanoTime == null || done <= 0) {
            return "";
        }
        long now = nanoTime.getAsLong();
        if (done < ESTIMATE_AFTER_FRACTION * total || done >= total || done <= firstDone) {
            return "";
        }
        double elapsed = (now - stageStartNanos) / 1e9;
        double first = (firstDoneNanos - stageStartNanos) / 1e9;
        double all = first + (now - firstDoneNanos) / 1e9 * (total - firstDone) / (done - firstDone);
        return String.format(Locale.ROOT, ", about %.0f s left (%.0f s in all)", all - elapsed, all);
    }

    /// Announces a step whose size is unknown, as one line: `reading adapted vectors...`.
    synchronized void stage(String name) {
        stage = name;
        nextMark = Long.MAX_VALUE;
        err.println(name + "...");
        err.flush();
    }
}
