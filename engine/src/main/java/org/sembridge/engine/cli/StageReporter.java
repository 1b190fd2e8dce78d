package org.sembridge.engine.cli;

import java.io.PrintWriter;
import org.sembridge.engine.progress.ProgressListener;

/// A [ProgressListener] for long benchmark runs: one stderr line `bench: <stage>...` whenever a
/// new stage starts, so a minutes-long run shows where it is without flooding the terminal.
final class StageReporter implements ProgressListener {

    private final PrintWriter err;
    private String current = "";

    StageReporter(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void onProgress(String stage, long done, long total) {
        if (!stage.equals(current)) {
            current = stage;
            err.println("bench: " + stage + "...");
            err.flush();
        }
    }
}
