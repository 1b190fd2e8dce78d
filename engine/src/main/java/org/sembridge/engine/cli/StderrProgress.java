package org.sembridge.engine.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.LongSupplier;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.progress.StageEstimate;

/// Progress of a long engine operation as short lines on stderr (stdout stays reserved for the
/// result, so `--json` output remains one document).
///
/// One line when a stage starts, then one each time another [#STEP_PERCENT] percent of it is
/// done, and one when it completes: `indexing corpus.jsonl: 40% (1,204,224 of 3,010,560)`. A
/// stage with an unknown total (`-1`) prints its count at the first report and every tenfold.
/// Deterministic (no clock) unless made [#withEstimates], so the lines a test sees do not depend on
/// machine speed. With estimates, the lines of a stage add its rolling estimate
/// ([StageEstimate], the rule `run.json`'s `estimates_seconds` records): `, about 42 s left (50 s
/// in all)`, and the report that gives a stage its first estimate (once 5% of it is done and 5 s
/// have passed) prints a line of its own, so the first estimate the user sees is the recorded one.
final class StderrProgress implements ProgressListener {

    /// The percentage step between two lines of one stage.
    static final int STEP_PERCENT = 10;

    private final PrintWriter err;
    private final LongSupplier nanoTime;
    private String stage;
    private long nextMark;
    private StageEstimate estimate;
    private boolean estimateShown;

    StderrProgress(PrintWriter err) {
        this(err, null);
    }

    StderrProgress(PrintWriter err, LongSupplier nanoTime) {
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
        long now = nanoTime == null ? 0 : nanoTime.getAsLong();
        if (newStage) {
            stage = currentStage;
            nextMark = 0;
            estimate = new StageEstimate(now);
            estimateShown = false;
        }
        estimate.report(now, done, total);
        if (total > 0) {
            long percent = Math.min(100, done * 100 / total);
            String left = estimate();
            boolean firstEstimate = !left.isEmpty() && !estimateShown && nextMark != Long.MAX_VALUE;
            if (newStage || percent >= nextMark || firstEstimate) {
                err.printf(Locale.ROOT, "%s: %d%% (%,d of %,d)%s%n", currentStage, percent, done, total, left);
                estimateShown |= !left.isEmpty();
                if (newStage || percent >= nextMark) {
                    nextMark = percent >= 100 ? Long.MAX_VALUE : (percent / STEP_PERCENT + 1) * STEP_PERCENT;
                }
            }
        } else if (total < 0 && (newStage || done >= nextMark)) {
            err.printf(Locale.ROOT, "%s: %,d done%n", currentStage, done);
            nextMark = Math.max(10, done * 10);
        }
        err.flush();
    }

    /// `, about N s left (M s in all)` while the stage has an estimate ([StageEstimate]: from 5%
    /// done and 5 s in until it is finished); empty otherwise or without a clock.
    private String estimate() {
        if (nanoTime == null) {
            return "";
        }
        OptionalDouble all = estimate.seconds();
        if (all.isEmpty()) {
            return "";
        }
        return String.format(Locale.ROOT, ", about %.0f s left (%.0f s in all)", estimate.secondsLeft().orElseThrow(),
                all.getAsDouble());
    }

    /// Announces a step whose size is unknown, as one line: `reading adapted vectors...`.
    synchronized void stage(String name) {
        stage = name;
        nextMark = Long.MAX_VALUE;
        estimate = new StageEstimate(nanoTime == null ? 0 : nanoTime.getAsLong());
        estimateShown = false;
        err.println(name + "...");
        err.flush();
    }
}
