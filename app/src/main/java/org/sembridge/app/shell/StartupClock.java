package org.sembridge.app.shell;

import java.lang.management.ManagementFactory;

/// Startup timing: milliseconds since the JVM started (the `RuntimeMXBean` start time) and the
/// process CPU time, the figures the workbench logs when its first window is shown and
/// `--exit-after-shown` reports.
public final class StartupClock {

    private StartupClock() {
    }

    /// Milliseconds from the JVM's start to now (wall clock; resolution 1 ms).
    public static long millisSinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    /// CPU milliseconds the process has used so far, all threads together (JIT and GC included);
    /// `-1` when the platform does not say. Unlike wall time it hardly depends on how busy the
    /// machine is, so it is the fair figure on a shared machine.
    public static long processCpuMillis() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long nanos = os.getProcessCpuTime();
            return nanos < 0 ? -1 : nanos / 1_000_000;
        }
        return -1;
    }
}
