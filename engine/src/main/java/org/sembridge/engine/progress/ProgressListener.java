package org.sembridge.engine.progress;

/// Receives progress of a long engine operation: the current stage and how many of its work units
/// are done. Called from the engine's working thread, at most once per block of work, so
/// implementations must be cheap and thread-safe (the workbench forwards to a JavaFX `Task`).
@FunctionalInterface
public interface ProgressListener {

    /// A listener that ignores every report.
    ProgressListener NONE = (stage, done, total) -> { };

    /// Reports that `done` of `total` units of `stage` are finished.
    ///
    /// @param stage a short human-readable stage name, e.g. "embedding target tokens"
    /// @param done units finished so far, `0 <= done <= total`
    /// @param total units in this stage; `-1` when unknown
    void onProgress(String stage, long done, long total);
}
