package org.sembridge.app.runs;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import org.sembridge.engine.progress.StageEstimate;

/// Elapsed time and the remaining time of the current stage of one run, from the engine's
/// progress reports (`stage`, `done`, `total`) and a nanosecond clock.
///
/// The estimate is the engine's rolling stage estimate ([StageEstimate]: the time spent plus the
/// rest at the rate of the second half of the work done so far), the rule the CLI shows and
/// `run.json` records as `estimates_seconds`, so the workbench shows the same figures. There is
/// no estimate before 5% of the stage is done and 5 s have passed, or while the total is unknown
/// (`-1`); a finished stage has none left. Stages have different costs, so no estimate is made for
/// the run as a whole. A report with a new stage name ends the previous stage and returns its
/// measured length.
///
/// Thread-safe: reports come from the engine thread, reads from the FX thread.
final class RunClock {

    private final LongSupplier nanoTime;
    private final long startNanos;
    private String stage;
    private long stageStartNanos;
    private long done;
    private long total = -1;
    private StageEstimate estimate;

    /// Starts the clock at `nanoTime`'s current value (the run's start).
    RunClock(LongSupplier nanoTime) {
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.startNanos = nanoTime.getAsLong();
    }

    /// A stage that ended, with its measured wall time.
    ///
    /// @param stage the stage name as the engine reported it
    /// @param elapsedNanos from its first report to the first report of the next stage (or the end)
    record FinishedStage(String stage, long elapsedNanos) {
    }

    /// Records a progress report; when `stage` differs from the current one, the current stage
    /// ends and is returned.
    synchronized Optional<FinishedStage> report(String reportedStage, long reportedDone, long reportedTotal) {
        long now = nanoTime.getAsLong();
        Optional<FinishedStage> finished = Optional.empty();
        if (!reportedStage.equals(stage)) {
            finished = finishAt(now);
            stage = reportedStage;
            stageStartNanos = now;
            estimate = new StageEstimate(now);
        }
        done = reportedDone;
        total = reportedTotal;
        estimate.report(now, reportedDone, reportedTotal);
        return finished;
    }

    /// Ends the current stage (at the end of the run, or when it failed) and returns it, if any.
    synchronized Optional<FinishedStage> finish() {
        return finishAt(nanoTime.getAsLong());
    }

    /// The current stage, its counts and its estimate, read under one lock so that they belong to
    /// the same report (the engine may report between two separate reads).
    ///
    /// @param stage the current stage; `null` before the first report or after [#finish()]
    /// @param done units done in the current stage (as last reported)
    /// @param total units in the current stage; `-1` when unknown
    /// @param remainingNanos the stage's estimated time left (see [#remainingNanos()])
    record Reading(String stage, long done, long total, OptionalLong remainingNanos) {
    }

    /// The clock's current [Reading].
    synchronized Reading read() {
        return new Reading(stage, done, total, remainingNanos());
    }

    /// Nanoseconds since the run started.
    synchronized long elapsedNanos() {
        return nanoTime.getAsLong() - startNanos;
    }

    /// The remaining time of the current stage at its last report ([StageEstimate#secondsLeft()]);
    /// 0 once it is done; empty before 5% of it is done and 5 s have passed, while the total is
    /// unknown or when no stage runs.
    synchronized OptionalLong remainingNanos() {
        if (stage == null || total <= 0) {
            return OptionalLong.empty();
        }
        if (done >= total) {
            return OptionalLong.of(0);
        }
        OptionalDouble left = estimate.secondsLeft();
        return left.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Math.round(left.getAsDouble() * 1e9));
    }

    private Optional<FinishedStage> finishAt(long now) {
        if (stage == null) {
            return Optional.empty();
        }
        FinishedStage finished = new FinishedStage(stage, now - stageStartNanos);
        stage = null;
        done = 0;
        total = -1;
        estimate = null;
        return Optional.of(finished);
    }
}
