package org.sembridge.app.common;

import org.sembridge.engine.progress.CancellationToken;

/// A running (or finished) background task: its title, its cancellation token and its latest
/// progress, as plain values so ViewModels stay free of JavaFX types.
public interface TaskHandle {

    String title();

    /// Asks the engine to stop at its next block boundary.
    void cancel();

    CancellationToken cancellationToken();
}
