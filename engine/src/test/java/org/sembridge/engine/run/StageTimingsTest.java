package org.sembridge.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StageTimingsTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void estimateIsTheFirstBatchPlusTheRestAtTheRateSinceThen() {
        // first batch of 10 units took 5 s (warm-up), then 40 units in 4 s: 90 units left at 10 units/s
        double estimate = StageTimings.rollingEstimate(0, 5 * SECOND, 10, 9 * SECOND, 50, 1000);

        assertEquals(5.0 + 4.0 * 990 / 40, estimate, 1e-9);
    }

    @Test
    void estimateOfAStageThatIsDoneInOneReportIsItsTime() {
        assertEquals(3.0, StageTimings.rollingEstimate(0, 3 * SECOND, 100, 3 * SECOND, 100, 100), 1e-9);
    }
}
