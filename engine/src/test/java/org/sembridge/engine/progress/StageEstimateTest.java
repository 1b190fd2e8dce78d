package org.sembridge.engine.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/// The rolling stage estimate on hand-made report times (no clock, no sleeps), against closed
/// forms: `spent + left x (window time / window units)` with the window from the last report at or
/// before half of the work done, at the earliest the first report with work done; none before 5%
/// of the work and 5 s of the stage.
class StageEstimateTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aSteadyRateGivesTheStageTimeAtFivePercent() {
        StageEstimate estimate = new StageEstimate(0);
        for (long done = 0; done <= 50; done += 10) {
            estimate.report(done / 10 * SECOND, done, 1000);
        }

        assertEquals(100.0, estimate.seconds().orElseThrow(), 1e-9);
        assertEquals(95.0, estimate.secondsLeft().orElseThrow(), 1e-9);
    }

    @Test
    void timeSpentBeforeTheFirstCountIsPartOfTheEstimate() {
        // 6 s preparing the texts (the first report, nothing done), then 10 units per second
        StageEstimate estimate = new StageEstimate(0);
        estimate.report(6 * SECOND, 0, 1000);
        for (long done = 10; done <= 60; done += 10) {
            estimate.report(6 * SECOND + done / 10 * SECOND, done, 1000);
        }

        assertEquals(6.0 + 100.0, estimate.seconds().orElseThrow(), 1e-9);
    }

    @Test
    void aSlowStartDropsOutOfTheRateWindow() {
        // units 1-20 take 1 s each (compiling the hot code), then 10 units per second
        StageEstimate estimate = new StageEstimate(0);
        long nanos = 0;
        for (long done = 1; done <= 20; done++) {
            nanos += SECOND;
            estimate.report(nanos, done, 1000);
        }
        for (long done = 30; done <= 60; done += 10) {
            nanos += SECOND;
            estimate.report(nanos, done, 1000);
        }

        // at 60 done after 24 s the window starts at the report of 30 (half of 60), at 21 s: 30
        // units in 3 s. (From the first report on, as before, it would be 1 + 23 x 999 / 59 = 390 s.)
        assertEquals(24.0 + 940.0 * 3 / 30, estimate.seconds().orElseThrow(), 1e-9);
    }

    @Test
    void theRateIsMeasuredOverTheSecondHalfOfTheWorkDone() {
        // 10 units per second up to 40, then 2 units per second
        StageEstimate estimate = new StageEstimate(0);
        for (long done = 10; done <= 40; done += 10) {
            estimate.report(done * SECOND / 10, done, 1000);
        }
        for (long done = 60; done <= 80; done += 20) {
            estimate.report(4 * SECOND + (done - 40) * SECOND / 2, done, 1000);
        }

        // now 80 done at 24 s; half is 40, reported at 4 s: 40 units in 20 s
        assertEquals(24.0 + 920.0 * 20 / 40, estimate.seconds().orElseThrow(), 1e-9);
    }

    @Test
    void theFirstBlockIsTimeSpentNotARate() {
        // the first 100 units take 6 s (native code, first allocations), the next 100 take 2 s
        StageEstimate estimate = new StageEstimate(0);
        estimate.report(6 * SECOND, 100, 1000);

        assertTrue(estimate.seconds().isEmpty(), "no rate is measured by one block");

        estimate.report(8 * SECOND, 200, 1000);

        assertEquals(8.0 + 800.0 * 2 / 100, estimate.seconds().orElseThrow(), 1e-9);
    }

    @Test
    void noEstimateBeforeFiveSecondsEvenPastFivePercent() {
        // 100 units per second: 49% done before the time floor
        StageEstimate estimate = new StageEstimate(0);
        for (long done = 70; done <= 490; done += 70) {
            estimate.report(done * SECOND / 100, done, 1000);
        }

        assertTrue(estimate.seconds().isEmpty(), "4.9 s into the stage");
        assertTrue(estimate.secondsLeft().isEmpty());

        estimate.report(5 * SECOND, 500, 1000);

        assertEquals(10.0, estimate.seconds().orElseThrow(), 1e-9);
        assertEquals(5.0, estimate.secondsLeft().orElseThrow(), 1e-9);
    }

    @Test
    void noEstimateBeforeFivePercent() {
        StageEstimate estimate = new StageEstimate(0);
        estimate.report(SECOND, 49, 1000);

        assertTrue(estimate.seconds().isEmpty());
        assertTrue(estimate.secondsLeft().isEmpty());
    }

    @Test
    void noEstimateOnceTheStageIsDone() {
        StageEstimate estimate = new StageEstimate(0);
        estimate.report(SECOND, 500, 1000);
        estimate.report(2 * SECOND, 1000, 1000);

        assertTrue(estimate.seconds().isEmpty());
    }

    @Test
    void noEstimateWithAnUnknownTotal() {
        StageEstimate estimate = new StageEstimate(0);
        estimate.report(SECOND, 500, -1);

        assertTrue(estimate.seconds().isEmpty());
    }

    @Test
    void reportsWithAnotherTotalOrFewerUnitsAreIgnored() {
        StageEstimate estimate = new StageEstimate(0);
        estimate.report(5 * SECOND, 100, 1000);
        estimate.report(10 * SECOND, 200, 1000);
        estimate.report(15 * SECOND, 900, 5000);
        estimate.report(20 * SECOND, 50, 1000);

        // 100 units in the 5 s of the second half, measured at 10 s
        assertEquals(10.0 + 800.0 * 5 / 100, estimate.seconds().orElseThrow(), 1e-9);
    }

    @Test
    void manyReportsKeepABoundedHistoryAndTheSameEstimate() {
        long total = 10_000_000;
        StageEstimate estimate = new StageEstimate(0);
        for (long done = 1; done <= total / 2; done++) {
            estimate.report(done * 1_000, done, total);
        }

        assertTrue(estimate.sampleCount() <= StageEstimate.MAX_SAMPLES + 2, "samples kept: " + estimate.sampleCount());
        // one unit per microsecond throughout: 10 s in all
        assertEquals(10.0, estimate.seconds().orElseThrow(), 1e-6);
    }
}
