package org.sembridge.engine.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.sembridge.engine.progress.ProgressListener;

/// Progress on stderr: one `[stage]` line when a stage starts and a `done / total` line at each
/// tenth of a stage whose size is known.
final class StageLines implements ProgressListener {

    private final PrintWriter err;
    private String stage = "";
    private long lastTenth = -1;

    StageLines(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void onProgress(String newStage, long done, long total) {
        if (!newStage.equals(stage)) {
            stage = newStage;
            lastTenth = -1;
            err.println("[" + stage + "]");
        }
        if (total > 0) {
            long tenth = done * 10 / total;
            if (tenth > lastTenth && done > 0) {
                lastTenth = tenth;
                err.printf(Locale.ROOT, "  %d / %d%n", done, total);
            }
        }
        err.flush();
    }

    /// Announces a stage of unknown size.
    void stage(String name) {
        onProgress(name, 0, -1);
    }
}
