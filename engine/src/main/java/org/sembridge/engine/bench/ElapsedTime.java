package org.sembridge.engine.bench;

import java.lang.management.ManagementFactory;

/// Wall time and process CPU time of one piece of work, in nanoseconds.
///
/// On a shared machine the wall time of a long measurement depends on what else runs; the CPU
/// time of the process (all its threads: libtorch's, the fork-join pool's, the JVM's own) counts
/// only the work done, so a ratio of CPU times stays fair when the load changes between two
/// measurements. `cpuNanos` is `-1` when the JVM cannot tell.
///
/// @param wallNanos wall-clock nanoseconds, `> 0`
/// @param cpuNanos process CPU nanoseconds, or `-1`
public record ElapsedTime(long wallNanos, long cpuNanos) {

    /// Wall seconds.
    public double wallSeconds() {
        return wallNanos / 1e9;
    }

    /// CPU seconds, `-1` when unknown.
    public double cpuSeconds() {
        return cpuNanos < 0 ? -1 : cpuNanos / 1e9;
    }

    /// A running measurement; [#stop()] ends it.
    public static Start start() {
        return new Start(System.nanoTime(), processCpuNanos());
    }

    /// CPU nanoseconds of this process so far, or `-1`.
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    /// The clocks at the start of a measurement.
    public record Start(long wallStart, long cpuStart) {

        /// The time since the start.
        public ElapsedTime stop() {
            long cpu = processCpuNanos();
            return new ElapsedTime(Math.max(1, System.nanoTime() - wallStart),
                    cpu < 0 || cpuStart < 0 ? -1 : cpu - cpuStart);
        }
    }
}
