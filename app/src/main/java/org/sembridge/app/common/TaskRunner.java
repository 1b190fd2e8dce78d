package org.sembridge.app.common;

import java.util.function.Consumer;

/// Runs engine work off the JavaFX thread and hands the result back on it (JabRef's
/// `TaskExecutor` seam). The workbench uses [FxTaskRunner]; ViewModel tests use an inline runner
/// so they need no toolkit.
public interface TaskRunner {

    /// Starts `work`. Exactly one of `onSuccess` / `onFailure` is called later, on the UI thread
    /// (or inline for test runners). A cancelled task calls `onFailure` with the
    /// `OperationCancelledException` the engine threw.
    ///
    /// @param title shown in the task tray and status bar, e.g. "Loading source encoder"
    /// @return a handle to observe progress and cancel
    <T> TaskHandle run(String title, BackgroundWork<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);
}
