package org.sembridge.app.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sembridge.engine.progress.ProgressListener;

/// What the run page draws for one progress report, with refreshes run inline (no toolkit, no
/// timing): the stage and its count with the unit taken from the stage name.
class RunProgressTest {

    @ParameterizedTest(name = "{0}: {1} of {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
            "aligning target tokens | 1024 | 5653 | 1,024 of 5,653 tokens (18%)",
            "embedding target tokens | 5653 | 5653 | 5,653 of 5,653 tokens (100%)",
            "sampling rows | 1 | 3 | 1 of 3 rows (33%)",
            "loading weights | 0 | 10 | 0 of 10 values (0%)",
            "writing the run folder | 7 | -1 | 7 units",
    })
    void aReportIsShownAsStageAndCountWithItsUnit(String stage, long done, long total, String expectedCount) {
        RunProgress progress = new RunProgress(Runnable::run, () -> 0L);
        ProgressListener listener = progress.begin("Run test");
        listener.onProgress(stage, done, total);
        assertEquals(stage, progress.stageProperty().get());
        assertEquals(expectedCount, progress.countProperty().get());
    }
}
