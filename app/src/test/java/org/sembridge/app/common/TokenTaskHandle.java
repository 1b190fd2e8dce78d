package org.sembridge.app.common;

import org.sembridge.engine.progress.CancellationToken;

/// A [TaskHandle] whose cancel only sets the engine's token: for runners that have no
/// JavaFX task of their own (inline and queued runners in ViewModel tests).
///
/// @param title the task's title
/// @param cancellationToken the token the work checks
public record TokenTaskHandle(String title, CancellationToken cancellationToken) implements TaskHandle {

    @Override
    public void cancel() {
        cancellationToken.cancel();
    }
}
