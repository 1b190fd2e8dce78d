package org.sembridge.engine.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/// Median, fastest and slowest of repeated measurements.
class TimingSummaryTest {

    @Test
    void oddCountTakesTheMiddleValue() {
        TimingSummary t = TimingSummary.ofNanos(new long[] {3_000_000_000L, 1_000_000_000L, 2_000_000_000L});
        assertEquals(2.0, t.medianSeconds());
        assertEquals(1.0, t.fastestSeconds());
        assertEquals(3.0, t.slowestSeconds());
        assertEquals(3, t.count());
    }

    @Test
    void evenCountAveragesTheTwoMiddleValues() {
        TimingSummary t = TimingSummary.ofNanos(new long[] {4_000_000_000L, 1_000_000_000L, 2_000_000_000L,
            100_000_000_000L});
        assertEquals(3.0, t.medianSeconds());
    }
}
