package org.sembridge.engine.bench;

import java.util.Arrays;

/// The spread of repeated wall-clock measurements of the same work, in seconds.
///
/// The median is the figure to quote: on a shared machine single runs are slowed by other
/// processes, and the median of `n` runs ignores up to `(n - 1) / 2` disturbed ones. For an
/// even count it is the mean of the two middle values.
///
/// @param medianSeconds the median, `> 0`
/// @param fastestSeconds the shortest run
/// @param slowestSeconds the longest run
/// @param count how many runs, `>= 1`
public record TimingSummary(double medianSeconds, double fastestSeconds, double slowestSeconds, int count) {

    public TimingSummary {
        if (count < 1 || !(fastestSeconds > 0) || !(medianSeconds >= fastestSeconds)
                || !(slowestSeconds >= medianSeconds)) {
            throw new IllegalArgumentException("need count >= 1 and 0 < fastest <= median <= slowest, got "
                    + fastestSeconds + ", " + medianSeconds + ", " + slowestSeconds + " over " + count);
        }
    }

    /// Summarises measured durations in nanoseconds (at least one, each `> 0`).
    public static TimingSummary ofNanos(long[] nanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no measurements");
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + (double) sorted[n / 2]) / 2;
        return new TimingSummary(median / 1e9, sorted[0] / 1e9, sorted[n - 1] / 1e9, n);
    }
}
