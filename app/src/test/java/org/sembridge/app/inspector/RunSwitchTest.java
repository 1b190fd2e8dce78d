package org.sembridge.app.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.app.SampleRuns;
import org.sembridge.app.common.BackgroundWork;
import org.sembridge.app.common.DirectTaskRunner;
import org.sembridge.app.common.QueuedTaskRunner;
import org.sembridge.app.common.RecordingDialogService;
import org.sembridge.app.common.TaskHandle;
import org.sembridge.app.common.TaskRunner;
import org.sembridge.app.workspace.OpenRun;
import org.sembridge.app.workspace.WorkbenchState;
import org.sembridge.app.workspace.Workspace;
import org.sembridge.engine.run.LoadedRun;
import org.sembridge.engine.run.TargetTokenKind;

/// Switching the current run (issue 15 item 3, issue 12's run-switch problems), without the
/// toolkit: open runs stay loaded, the detail pane shows the run of the table, and a token the
/// new run lacks clears the pane quietly.
class RunSwitchTest {

    private static final String READING = "Reading token figures of ";

    @TempDir
    Path temp;

    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final List<String> started = new ArrayList<>();

    /// Runs inline like [DirectTaskRunner] and records each task's title.
    private TaskRunner recording(TaskRunner inner) {
        return new TaskRunner() {
            @Override
            public <T> TaskHandle run(String title, BackgroundWork<T> work, Consumer<T> onSuccess,
                    Consumer<Throwable> onFailure) {
                started.add(title);
                return inner.run(title, work, onSuccess, onFailure);
            }
        };
    }

    private long reads() {
        return started.stream().filter(title -> title.startsWith(READING)).count();
    }

    private InspectorViewModel inspector(WorkbenchState state, TaskRunner runner) {
        return new InspectorViewModel(state, runner, dialogs, InspectorViewModelTest.LEXICON);
    }

    @Test
    void switchingBackAndForthReadsEachRunOnce() {
        WorkbenchState state = new WorkbenchState(new Workspace(temp));
        InspectorViewModel viewModel = inspector(state, recording(new DirectTaskRunner()));
        OpenRun sembridge = OpenRun.of(SampleRuns.korean("sembridge"));
        OpenRun ofa = OpenRun.of(SampleRuns.korean("ofa"));
        state.openRun(sembridge);
        TokenFigures sembridgeFigures = viewModel.figuresProperty().get();
        state.openRun(ofa);
        TokenFigures ofaFigures = viewModel.figuresProperty().get();
        assertEquals(2, reads(), started.toString());

        for (int i = 0; i < 3; i++) {
            state.currentRunProperty().set(sembridge);
            assertSame(sembridgeFigures, viewModel.figuresProperty().get());
            assertSame(sembridge, viewModel.figuresRunProperty().get());
            state.currentRunProperty().set(ofa);
            assertSame(ofaFigures, viewModel.figuresProperty().get());
        }

        assertEquals(2, reads(), "each run is read once: " + started);
        assertFalse(viewModel.loadingProperty().get());
    }

    @Test
    void aRunOpenedBesideTheCurrentOneIsReadAheadSoTheFirstSwitchIsInstantToo() {
        WorkbenchState state = new WorkbenchState(new Workspace(temp));
        QueuedTaskRunner queue = new QueuedTaskRunner();
        InspectorViewModel viewModel = inspector(state, recording(queue));
        state.openRun(OpenRun.of(SampleRuns.korean("sembridge")));
        queue.runAll();
        OpenRun ofa = OpenRun.of(SampleRuns.korean("ofa"));

        state.addRun(ofa);
        assertEquals(1, readsOf(ofa), "the new run is read ahead: " + started);
        queue.runAll();
        started.clear();
        state.currentRunProperty().set(ofa);

        assertEquals(0, reads(), "the switch itself reads nothing: " + started);
        assertSame(ofa, viewModel.figuresRunProperty().get());
        assertEquals(ofa.run().targetSize(), viewModel.rows().size());
        assertFalse(viewModel.loadingProperty().get());
    }

    @Test
    void aCancelledReadIsNotRepeatedByItself() {
        WorkbenchState state = new WorkbenchState(new Workspace(temp));
        QueuedTaskRunner queue = new QueuedTaskRunner();
        InspectorViewModel viewModel = inspector(state, recording(queue));
        OpenRun sembridge = OpenRun.of(SampleRuns.korean("sembridge"));
        state.openRun(sembridge);
        queue.runAll();
        OpenRun ofa = OpenRun.of(SampleRuns.korean("ofa"));
        state.openRun(ofa);
        viewModel.cancelLoad();
        queue.runAll();
        assertEquals(1, readsOf(ofa));

        state.currentRunProperty().set(sembridge);
        OpenRun mean = OpenRun.of(SampleRuns.korean("mean"));
        state.addRun(mean);
        queue.runAll();

        assertEquals(1, readsOf(mean), "another run opened is read ahead: " + started);
        assertEquals(1, readsOf(ofa), "the cancelled run is not read again by itself: " + started);
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());

        state.currentRunProperty().set(ofa);
        assertTrue(viewModel.loadingProperty().get(), "asking for the run again reads it");
        queue.runAll();
        assertEquals(2, readsOf(ofa));
        assertSame(ofa, viewModel.figuresRunProperty().get());
    }

    private long readsOf(OpenRun run) {
        return started.stream().filter((READING + run.label())::equals).count();
    }

    @Test
    void theDetailPaneShowsTheRunOfTheTableWhileTheNextRunIsRead() throws Exception {
        WorkbenchState state = new WorkbenchState(new Workspace(temp));
        QueuedTaskRunner runner = new QueuedTaskRunner();
        InspectorViewModel viewModel = inspector(state, runner);
        OpenRun sembridge = OpenRun.of(SampleRuns.korean("sembridge"));
        state.openRun(sembridge);
        runner.runAll();
        LoadedRun run = sembridge.run();
        int id = InspectorViewModelTest.firstNewTokenWithSupportAtLeast(run, 2);
        state.selectedTokenProperty().set(run.token(id).token());
        runner.runAll();
        OpenRun ofa = OpenRun.of(SampleRuns.korean("ofa"));

        state.openRun(ofa);
        assertTrue(viewModel.loadingProperty().get());
        assertSame(sembridge, viewModel.figuresRunProperty().get());
        assertSame(sembridge, viewModel.detail().detailRunProperty().get());
        assertEquals(run.token(id), viewModel.detail().detailProperty().get().record());

        runner.runAll();
        assertSame(ofa, viewModel.figuresRunProperty().get());
        assertSame(ofa, viewModel.detail().detailRunProperty().get());
        assertEquals(ofa.run().token(id), viewModel.detail().detailProperty().get().record());
    }

    @Test
    void switchingToARunOfAnotherLanguageClearsThePaneQuietlyWithAStatusLine() throws Exception {
        WorkbenchState state = new WorkbenchState(new Workspace(temp));
        InspectorViewModel viewModel = inspector(state, new DirectTaskRunner());
        LoadedRun korean = SampleRuns.korean("sembridge");
        LoadedRun russian = SampleRuns.of("ru", "sembridge");
        OpenRun ko = OpenRun.of(korean);
        OpenRun ru = OpenRun.of(russian);
        state.openRun(ru);
        state.openRun(ko);
        String token = koreanTokenNotIn(korean, russian);
        state.selectedTokenProperty().set(token);
        TokenDetailViewModel detail = viewModel.detail();
        detail.alphaProperty().set(6.0);
        assertTrue(detail.detailProperty().get().realigned());

        state.currentRunProperty().set(ru);

        assertTrue(dialogs.errors.isEmpty(), "no dialog: " + dialogs.errors);
        assertNull(detail.detailProperty().get());
        assertNull(detail.detailRunProperty().get());
        assertEquals(token + " is not in " + ru.label() + "; select one of its tokens", detail.statusProperty().get());
        assertEquals(russian.manifest().alpha(), detail.alphaProperty().get(), 1e-9);
        assertNull(detail.compareRecordProperty().get());
        assertEquals(-1, viewModel.selectedRowProperty().get());

        state.currentRunProperty().set(ko);
        assertEquals(korean.token(token).orElseThrow(), detail.detailProperty().get().record());
        assertSame(ko, detail.detailRunProperty().get());
        assertEquals(korean.manifest().alpha(), detail.alphaProperty().get(), 1e-9);
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    /// A built Korean token with two or more sources that the Russian run does not have.
    static String koreanTokenNotIn(LoadedRun korean, LoadedRun russian) throws Exception {
        for (int id : korean.idsOfKind(TargetTokenKind.NEW)) {
            String token = korean.token(id).token();
            if (korean.token(id).support() >= 2 && russian.idOf(token).isEmpty()) {
                return token;
            }
        }
        throw new AssertionError("no Korean token missing from " + russian.directory());
    }
}
