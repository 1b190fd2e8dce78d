package org.sembridge.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/// Progress lines: one at the start of a stage, one per 10% step, one at completion, none in
/// between; stages with an unknown total report counts at tenfold steps.
class StderrProgressTest {

    @Test
    void printsStageStartTenPercentStepsAndCompletion() {
        StringWriter text = new StringWriter();
        StderrProgress progress = new StderrProgress(new PrintWriter(text));
        for (long done = 0; done <= 1000; done += 25) {
            progress.onProgress("indexing", done, 1000);
        }
        List<String> lines = text.toString().lines().toList();
        assertEquals(11, lines.size(), text.toString());
        assertEquals("indexing: 0% (0 of 1,000)", lines.getFirst());
        assertEquals("indexing: 50% (500 of 1,000)", lines.get(5));
        assertEquals("indexing: 100% (1,000 of 1,000)", lines.getLast());
    }

    @Test
    void aNewStageStartsItsOwnLines() {
        StringWriter text = new StringWriter();
        StderrProgress progress = new StderrProgress(new PrintWriter(text));
        progress.onProgress("a", 10, 10);
        progress.onProgress("b", 1, 10);
        assertEquals(List.of("a: 100% (10 of 10)", "b: 10% (1 of 10)"), text.toString().lines().toList());
    }

    @Test
    void unknownTotalsPrintCountsAtTenfoldSteps() {
        StringWriter text = new StringWriter();
        StderrProgress progress = new StderrProgress(new PrintWriter(text));
        for (long done = 1; done <= 1000; done++) {
            progress.onProgress("reading", done, -1);
        }
        assertEquals(List.of("reading: 1 done", "reading: 10 done", "reading: 100 done", "reading: 1,000 done"),
                text.toString().lines().toList());
    }

    @Test
    void theReportThatGivesTheFirstEstimatePrintsItWithTheRecordedFigure() {
        StringWriter text = new StringWriter();
        long[] nanos = {0};
        StderrProgress progress = new StderrProgress(new PrintWriter(text), () -> nanos[0]);
        progress.onProgress("embedding", 0, -1);
        for (long done = 10; done <= 60; done += 10) {
            nanos[0] += 1_000_000_000L;
            progress.onProgress("embedding", done, 1000);
        }
        // 10 units per second from the start: 100 s in all, first known at 50 (5%)
        assertEquals(List.of("embedding: 0 done", "embedding: 5% (50 of 1,000), about 95 s left (100 s in all)"), text.toString().lines().toList());
    }
}
