package org.sembridge.app.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/// Elapsed and remaining times of [RunClock] on a hand-driven clock, against the closed form of
/// a steady rate, `remaining = (total - done) * t / done` (the engine's rolling estimate, which
/// `StageEstimateTest` covers for changing rates, reduces to it once a second block is reported),
/// and none before 5% is done and 5 s have passed.
class RunClockTest {

    private static final long SECOND = 1_000_000_000L;

    /// A clock the test moves by hand.
    private static final class ManualClock {
        long nanos;
    }

    @ParameterizedTest(name = "{0} of {1} after {2} s leaves {3} s")
    @CsvSource({
            "20, 100, 10, 40",
            "50, 100, 10, 10",
            "3, 12, 6, 18",
            "100, 100, 7, 0",
            "50, 1000, 5, 95",
    })
    void remainingIsTheStageRateTimesWhatIsLeft(long done, long total, long afterSeconds, long expectedSeconds) {
        ManualClock time = new ManualClock();
        RunClock clock = new RunClock(() -> time.nanos);
        clock.report("aligning target tokens", 0, total);
        for (long second = 1; second <= afterSeconds; second++) {
            time.nanos += SECOND;
            clock.report("aligning target tokens", done * second / afterSeconds, total);
        }
        assertEquals(OptionalLong.of(expectedSeconds * SECOND), clock.remainingNanos());
    }

    @Test
    void noEstimateBeforeAnythingIsDone() {
        ManualClock time = new ManualClock();
        RunClock clock = new RunClock(() -> time.nanos);
        clock.report("aligning target tokens", 0, 100);
        time.nanos += 5 * SECOND;
        assertTrue(clock.remainingNanos().isEmpty());
    }

    @Test
    void noEstimateBeforeFivePercentIsDone() {
        ManualClock time = new ManualClock();
        RunClock clock = new RunClock(() -> time.nanos);
        clock.report("aligning target tokens", 0, 1000);
        time.nanos += 6 * SECOND;
        clock.report("aligning target tokens", 3, 1000);
        assertTrue(clock.remainingNanos().isEmpty());
    }

    @Test
    void noEstimateWhileTheTotalIsUnknown() {
        ManualClock time = new ManualClock();
        RunClock clock = new RunClock(() -> time.nanos);
        clock.report("loading the source model", 0, -1);
        time.nanos += 2 * SECOND;
        clock.report("loading the source model", 10, -1);
        assertTrue(clock.remainingNanos().isEmpty());
    }

    @Test
    void aNewStageMeasuresFromItsOwnStart() {
        ManualClock time = new ManualClock();
        RunClock clock = new RunClock(() -> time.nanos);
        clock.report("embedding 100 target tokens", 0, 100);
        time.nanos += 20 * SECOND;
        clock.report("embedding 100 target tokens", 100, 100);
        clock.report("aligning target tokens", 0, 200);
        time.nanos += 5 * SECOND / 2;
        clock.report("aligning target tokens", 25, 200);
        time.nanos += 5 * SECOND / 2;
        clock.report("aligning target tokens", 50, 200);
        assertEquals(OptionalLong.of(15 * SECOND), clock.remainingNanos());
    }

    @Test
    void theEstimateUsesTheTimeOfTheLastReportNotOfTheQuestion() {
        ManualClock time = new ManualClock();
        RunClock clock = new RunClock(() -> time.nanos);
        clock.report("aligning target tokens", 0, 100);
        time.nanos += 5 * SECOND;
        clock.report("aligning target tokens", 25, 100);
        time.nanos += 5 * SECOND;
        clock.report("aligning target tokens", 50, 100);
        time.nanos += 4 * SECOND;
        assertEquals(OptionalLong.of(10 * SECOND), clock.remainingNanos());
    }

    @Test
    void changingStageReturnsTheFinishedStageWithItsLength() {
        ManualClock time = new ManualClock();
        time.nanos = 1_000 * SECOND;
        RunClock clock = new RunClock(() -> time.nanos);
        assertTrue(clock.report("checking inputs", 0, -1).isEmpty());
        time.nanos += 3 * SECOND;
        RunClock.FinishedStage finished = clock.report("loading the source model", 0, -1).orElseThrow();
        assertEquals(new RunClock.FinishedStage("checking inputs", 3 * SECOND), finished);
        time.nanos += 2 * SECOND;
        assertEquals(new RunClock.FinishedStage("loading the source model", 2 * SECOND), clock.finish().orElseThrow());
        assertEquals(5 * SECOND, clock.elapsedNanos());
        assertTrue(clock.finish().isEmpty());
    }
}
