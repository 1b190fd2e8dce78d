package org.sembridge.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sembridge.engine.OperationCancelledException;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// The workbench's task runner on the real toolkit: the task list the status bar shows never
/// keeps a task that has ended, however early it ended.
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class FxTaskRunnerGuiTest {

    private final FxTaskRunner runner = new FxTaskRunner();

    @Start
    void start(Stage stage) {
        stage.show();
    }

    @AfterEach
    void close() {
        runner.close();
    }

    @Test
    void aTaskCancelledBeforeItStartsLeavesNoGhostInTheTaskList(FxRobot robot) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Throwable> failures = new ArrayList<>();
        robot.interact(() -> {
            // Occupy every engine thread so the next task is still queued when it is cancelled.
            for (int i = 0; i < 3; i++) {
                runner.run("blocker " + i, (progress, cancel) -> release.await(5, TimeUnit.MINUTES), r -> { }, e -> { });
            }
            runner.run("queued", (progress, cancel) -> "never", r -> { }, failures::add).cancel();
        });
        release.countDown();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> runner.runningTasks().isEmpty());
        assertTrue(runner.runningTasks().isEmpty());
        assertEquals(1, failures.size());
        assertInstanceOf(OperationCancelledException.class, failures.getFirst());
    }

    @Test
    void aTaskShowsItsTitleBeforeItStarts(FxRobot robot) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        robot.interact(() -> {
            for (int i = 0; i < 3; i++) {
                runner.run("blocker " + i, (progress, cancel) -> release.await(5, TimeUnit.MINUTES), r -> { }, e -> { });
            }
            runner.run("Building the index", (progress, cancel) -> "done", r -> { }, e -> { });
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Building the index", runner.runningTasks().getLast().getTitle());
        release.countDown();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> runner.runningTasks().isEmpty());
    }
}
