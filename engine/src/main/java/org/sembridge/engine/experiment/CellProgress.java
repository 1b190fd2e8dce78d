package org.sembridge.engine.experiment;

import org.sembridge.engine.progress.ProgressListener;

/// Forwards the progress of one cell's operations (transfer, indexing, searching) with the cell
/// named in front of the stage: `[3/54 ko sembridge-a4] indexing corpus.jsonl`.
///
/// @param prefix   the cell's name, in brackets, followed by a space
/// @param listener receives the renamed reports
record CellProgress(String prefix, ProgressListener listener) implements ProgressListener {

    /// The listener for cell `number` (from 1) of `count`.
    static CellProgress of(int number, int count, String language, ExperimentMethod method,
            ProgressListener listener) {
        return new CellProgress("[" + number + "/" + count + " " + language + " " + method.id() + "] ", listener);
    }

    @Override
    public void onProgress(String stage, long done, long total) {
        listener.onProgress(prefix + stage, done, total);
    }
}
