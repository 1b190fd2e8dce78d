package org.sembridge.app;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/// Collects what JavaFX's CSS engine warns about (logger `javafx.css`: a looked-up colour that
/// resolves to no paint, an unknown property, a stylesheet that fails to parse), so a test can
/// assert that walking the workbench logs none. JavaFX logs through `java.util.logging`; the
/// production code never does (ArchitectureTest), only this test helper listens.
public final class CssWarningLog extends Handler {

    /// Held strongly: `java.util.logging` keeps loggers only weakly.
    private static final Logger CSS = Logger.getLogger("javafx.css");
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    private CssWarningLog() {
        setLevel(Level.WARNING);
    }

    /// Starts collecting the CSS engine's warnings.
    public static CssWarningLog install() {
        CssWarningLog log = new CssWarningLog();
        CSS.addHandler(log);
        return log;
    }

    /// The warnings so far, each as `message (source class.method)`.
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
            warnings.add(record.getMessage() + " (" + record.getSourceClassName() + "." + record.getSourceMethodName()
                    + ")");
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        CSS.removeHandler(this);
    }
}
