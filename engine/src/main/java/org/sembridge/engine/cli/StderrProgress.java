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
/// Deterministic (no clock), so the lines a test sees do not depend on machine speed.
final class StderrProgress implements ProgressListener {

    /// The percentage step between two lines of one stage.
    static final int STEP_PERCENT = 10;

    private final PrintWriter err;
    private String stage;
    private long nextMark;

    StderrProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void onProgress(String currentStage, long done, long total) {
        boolean newStage = !currentStage.equals(stage);
        if (newStage) {
            stage = currentStage;
            nextMark = 0;
        }
        if (total > 0) {
            long percent = Math.min(100, done * 100 / total);
            if (newStage || percent >= nextMark) {
                err.printf(Locale.ROOT, "%s: %d%% (%,d of %,d)%n", currentStage, percent, done, total);
                nextMark = percent >= 100 ? Long.MAX_VALUE : (percent / STEP_PERCENT + 1) * STEP_PERCENT;
            }
        } else if (total < 0 && (newStage || done >= nextMark)) {
            err.printf(Locale.ROOT, "%s: %,d done%n", currentStage, done);
            nextMark = Math.max(10, done * 10);
        }
        err.flush();
    }

    /// Announces a step whose size is unknown, as one line: `reading adapted vectors...`.
    synchronized void stage(String name) {
        stage = name;
        nextMark = Long.MAX_VALUE;
        err.println(name + "...");
        err.flush();
    }
}
