package org.sembridge.app.shell;

import java.lang.management.ManagementFactory;

/// Startup timing: milliseconds since the JVM started (the `RuntimeMXBean` start time), the
/// figure the workbench logs when its first window is shown and `--exit-after-shown` reports.
public final class StartupClock {

    private StartupClock() {
    }

    /// Milliseconds from the JVM's start to now (wall clock; resolution 1 ms).
    public static long millisSinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }
}
