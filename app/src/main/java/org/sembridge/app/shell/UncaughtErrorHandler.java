package org.sembridge.app.shell;

import java.util.Objects;
import javafx.application.Platform;
import org.sembridge.app.common.DialogService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The workbench's last line of defence: an uncaught exception on any thread (the JavaFX
/// thread, an engine thread, a timer) is logged with its stack trace and shown as an error
/// dialog with the specific message and the trace in the details, so nothing fails silently.
///
/// The dialog is shown on the FX thread. The same error (class and message) raised again within
/// [#REPEAT_WINDOW_NANOS] is only logged, so a failing paint or a failing listener cannot bury
/// the window under dialogs.
public final class UncaughtErrorHandler implements Thread.UncaughtExceptionHandler {

    /// Repeats of the same error within this window (5 s) show no new dialog.
    static final long REPEAT_WINDOW_NANOS = 5_000_000_000L;

    private static final Logger LOG = LoggerFactory.getLogger(UncaughtErrorHandler.class);

    private final DialogService dialogs;
    private String lastShown;
    private long lastShownNanos;

    public UncaughtErrorHandler(DialogService dialogs) {
        this.dialogs = dialogs;
    }

    /// Installs this handler as the default of every thread and as the FX thread's own
    /// (JavaFX reports exceptions from event handlers to the FX thread's handler).
    public void install() {
        Thread.setDefaultUncaughtExceptionHandler(this);
        if (Platform.isFxApplicationThread()) {
            Thread.currentThread().setUncaughtExceptionHandler(this);
        }
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        LOG.error("Unexpected error on thread {}", thread.getName(), error);
        Runnable show = () -> show(thread, error);
        if (Platform.isFxApplicationThread()) {
            show.run();
        } else {
            try {
                Platform.runLater(show);
            } catch (IllegalStateException toolkitGone) {
                LOG.debug("Toolkit already stopped; the error above is only logged");
            }
        }
    }

    private void show(Thread thread, Throwable error) {
        String signature = error.getClass().getName() + ": " + Objects.toString(error.getMessage(), "");
        long now = System.nanoTime();
        if (signature.equals(lastShown) && now - lastShownNanos < REPEAT_WINDOW_NANOS) {
            return;
        }
        lastShown = signature;
        lastShownNanos = now;
        dialogs.showError("Unexpected error on " + thread.getName(), error);
    }
}
