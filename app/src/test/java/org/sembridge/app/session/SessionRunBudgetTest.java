package org.sembridge.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.app.SampleRuns;
import org.sembridge.app.common.DirectTaskRunner;
import org.sembridge.app.common.RecordingDialogService;
import org.sembridge.app.workspace.OpenRun;
import org.sembridge.app.workspace.SessionPart;
import org.sembridge.app.workspace.WorkbenchState;
import org.sembridge.app.workspace.Workspace;
import org.sembridge.engine.run.LoadedRun;
import org.sembridge.engine.workflow.MemoryBudget;
import org.sembridge.engine.workflow.ModelTransfer;

/// Issue 15 item 9 on the session path: runs re-opened by a restore go through the same memory
/// budget as runs opened on the runs page, so a run that does not fit is refused from its
/// `run.json` (named, with its estimate) and the runs that fit are restored.
class SessionRunBudgetTest {

    private static final long MIB = 1L << 20;

    @TempDir
    Path before;

    @TempDir
    Path after;

    private final RecordingDialogService dialogs = new RecordingDialogService();

    /// A session of the Korean sample runs of `sembridge` and `mean` (each about 12 MiB by the
    /// estimate: 4 MiB + 560 B x 5,653 tokens, plus the 128-wide bridge rows of the sembridge run).
    private Path session() throws IOException {
        WorkbenchState state = new WorkbenchState(Workspace.open(before));
        state.openRun(OpenRun.of(SampleRuns.korean("mean")));
        state.openRun(OpenRun.of(SampleRuns.korean("sembridge")));
        Path file = state.workspace().sessions().resolve("two" + SessionStore.EXTENSION);
        new SessionStore().save(file, List.of(new WorkbenchStatePart(state, new DirectTaskRunner(), dialogs,
                WorkbenchStatePart.defaultOpener())));
        return file;
    }

    private WorkbenchState restore(Path file, MemoryBudget budget) throws Exception {
        WorkbenchState state = new WorkbenchState(Workspace.open(after));
        List<SessionPart> parts = List.of(new WorkbenchStatePart(state, new DirectTaskRunner(), dialogs,
                WorkbenchStatePart.budgetedOpener(ModelTransfer.using(SampleRuns.runner()).withBudget(budget))));
        List<String> problems = new SessionStore().restore(file, parts);
        assertEquals(List.of(), problems);
        return state;
    }

    @Test
    void aRestoredRunThatDoesNotFitIsRefusedByNameAndTheRunThatFitsIsOpened() throws Exception {
        Path file = session();
        LoadedRun mean = SampleRuns.korean("mean");
        // 100 MiB heap, 60 MiB in use: 20 MiB left for runs; the used figure grows by what each open takes
        long[] used = {60 * MIB};
        MemoryBudget budget = new MemoryBudget(100 * MIB, () -> used[0], () -> { });
        WorkbenchState state = new WorkbenchState(Workspace.open(after));
        List<SessionPart> parts = List.of(new WorkbenchStatePart(state, new DirectTaskRunner(), dialogs, folder -> {
            LoadedRun run = WorkbenchStatePart.budgetedOpener(ModelTransfer.using(SampleRuns.runner())
                    .withBudget(budget)).open(folder);
            used[0] += 12 * MIB;
            return run;
        }));

        assertEquals(List.of(), new SessionStore().restore(file, parts));

        assertEquals(List.of(mean.directory()), state.runs().stream().map(run -> run.run().directory()).toList(),
                "the first run fits and is open");
        assertEquals(1, dialogs.errors.size(), dialogs.errors.toString());
        String message = dialogs.errors.getFirst().getMessage();
        assertTrue(message.contains(SampleRuns.korean("sembridge").directory().toString())
                && message.contains("too large for the memory left") && message.contains("5,653 target tokens"),
                message);
    }

    @Test
    void runsThatFitAreAllRestored() throws Exception {
        WorkbenchState state = restore(session(), new MemoryBudget(4096 * MIB, () -> 100 * MIB, () -> { }));

        assertEquals(2, state.runs().size());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }
}
