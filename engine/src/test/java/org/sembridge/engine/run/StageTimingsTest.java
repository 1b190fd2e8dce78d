package org.sembridge.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sembridge.engine.progress.ProgressListener;

/// Stage times and first estimates of [StageTimings] on a hand-driven clock: the estimate is the
/// [org.sembridge.engine.progress.StageEstimate] rule, measured from the stage's start.
class StageTimingsTest {

    private static final long SECOND = 1_000_000_000L;

    /// A clock the test moves by hand.
    private static final class ManualClock {
        long nanos;
    }

    private final ManualClock time = new ManualClock();
    private final StageTimings stages = new StageTimings(ProgressListener.NONE, () -> time.nanos);
    private final ProgressListener progress = stages.listener();

    @Test
    void theFirstEstimateCountsTheTimeBeforeTheFirstCountAndTheRateSince() {
        stages.start("embedding target tokens with bridge");
        time.nanos += 6 * SECOND; // preparing the texts
        progress.onProgress("embedding target tokens with bridge", 0, 1000);
        for (int done = 10; done <= 50; done += 10) {
            time.nanos += SECOND;
            progress.onProgress("embedding target tokens with bridge", done, 1000);
        }

        assertEquals(Map.of("embedding target tokens with bridge", 6.0 + 100.0), stages.estimates());
    }

    @Test
    void theFirstEstimateIsKept() {
        stages.start("embedding");
        time.nanos += SECOND;
        progress.onProgress("embedding", 100, 1000);
        time.nanos += 10 * SECOND;
        progress.onProgress("embedding", 200, 1000);
        time.nanos += SECOND;
        progress.onProgress("embedding", 300, 1000);

        // first made at 200: 11 s spent, 100 units in the 10 s since the first block, 800 left
        assertEquals(Map.of("embedding", 11.0 + 80.0), stages.estimates());
    }

    @Test
    void aStageReportedInsideATimedStageStartsAtItsFirstReport() {
        stages.start("planning sembridge");
        time.nanos += 30 * SECOND;
        progress.onProgress("aligning target tokens", 0, 100);
        time.nanos += 3 * SECOND;
        progress.onProgress("aligning target tokens", 10, 100);
        time.nanos += 3 * SECOND;
        progress.onProgress("aligning target tokens", 20, 100);
        time.nanos += 18 * SECOND;
        stages.end();

        // 6 s since its first report, 10 units in the last 3 s, 80 left
        assertEquals(Map.of("aligning target tokens", 6.0 + 80.0 * 3 / 10), stages.estimates());
        assertEquals(Map.of("planning sembridge", 54.0), stages.seconds());
        assertTrue(stages.estimatedStageSeconds().isEmpty(), "not finished: no time taken yet");
    }

    @Test
    void aFinishedStageRecordsItsTimeNextToItsFirstEstimate() {
        stages.start("embedding target tokens with bridge");
        for (int done = 0; done <= 100; done += 20) {
            progress.onProgress("embedding target tokens with bridge", done, 100);
            time.nanos += 4 * SECOND;
        }
        progress.onProgress("embedding target tokens with bridge", 100, 100); // repeated 4 s later: no change

        // first estimate at 40 (8 s): 8 + 60 x 4 / 20 = 20 s; it took 20 s from the stage's start
        assertEquals(Map.of("embedding target tokens with bridge", 20.0), stages.estimates());
        assertEquals(Map.of("embedding target tokens with bridge", 20.0), stages.estimatedStageSeconds());
    }

    @Test
    void aStageDoneInOneBlockRecordsItsTime() {
        stages.start("planning sembridge");
        progress.onProgress("aligning target tokens", 0, 300);
        time.nanos += 2 * SECOND;
        progress.onProgress("aligning target tokens", 300, 300);

        assertEquals(Map.of("aligning target tokens", 2.0), stages.estimates());
        assertEquals(Map.of("aligning target tokens", 2.0), stages.estimatedStageSeconds());
    }

    @Test
    void noEstimateForAStageThatNeverReachesFivePercent() {
        stages.start("writing the run folder");
        time.nanos += SECOND;
        progress.onProgress("writing the run folder", 4, 100);

        assertTrue(stages.estimates().isEmpty());
    }

    @Test
    void everyReportReachesTheRunsListenerAndEveryStartAnnouncesTheStage() {
        List<String> seen = new ArrayList<>();
        StageTimings recorded = new StageTimings((stage, done, total) -> seen.add(stage + " " + done + "/" + total),
                () -> 0L);
        recorded.start("matching vocabularies");
        recorded.listener().onProgress("matching vocabularies", 3, 10);

        assertEquals(List.of("matching vocabularies 0/-1", "matching vocabularies 3/10"), seen);
    }
}
