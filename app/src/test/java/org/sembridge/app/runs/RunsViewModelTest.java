package org.sembridge.app.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.app.SampleRuns;
import org.sembridge.app.common.DirectTaskRunner;
import org.sembridge.app.common.RecordingDialogService;
import org.sembridge.app.common.TaskRunner;
import org.sembridge.app.models.ModelRole;
import org.sembridge.app.models.ModelsViewModel;
import org.sembridge.app.workspace.OpenRun;
import org.sembridge.app.workspace.WorkbenchState;
import org.sembridge.app.workspace.Workspace;
import org.sembridge.engine.run.DeviceChoice;
import org.sembridge.engine.run.BiasMode;

/// The runs page's state and commands on the real engine and the bundled sample models, inline
/// (no toolkit): runs appear in the shared state with the engine's counts, cancel leaves nothing,
/// bad folders show the engine's message, the demo runs are made once.
class RunsViewModelTest {

    @TempDir
    Path temp;

    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final ModelsViewModel models = new ModelsViewModel(new DirectTaskRunner(), dialogs);

    private WorkbenchState state() throws IOException {
        return new WorkbenchState(Workspace.open(temp.resolve("workspace")));
    }

    private RunsViewModel viewModel(TaskRunner tasks, WorkbenchState state) {
        models.deviceChoiceProperty().set(DeviceChoice.CPU);
        return new RunsViewModel(tasks, dialogs, state, models, SampleRuns.transfer(), Runnable::run);
    }

    private static List<String> entries(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void startIsBlockedUntilTheModelsAreLoaded() throws IOException {
        RunsViewModel viewModel = viewModel(new DirectTaskRunner(), state());
        assertEquals("Load the source encoder and target tokenizer and bridge encoder on the Models page (Ctrl+1)",
                viewModel.startBlockedReasonBinding().get());
        models.loadSampleModels(SampleRuns.REPO, "ko");
        assertEquals("", viewModel.startBlockedReasonBinding().get());
    }

    @Test
    void statisticalMethodsDoNotWaitForTheBridge() throws IOException {
        RunsViewModel viewModel = viewModel(new DirectTaskRunner(), state());
        models.load(ModelRole.SOURCE, SampleRuns.sampleModels().resolve("splade-tiny-en"));
        models.load(ModelRole.TARGET, SampleRuns.sampleModels().resolve("tokenizers/ko"));
        assertTrue(viewModel.startBlockedReasonBinding().get().contains("bridge"));
        viewModel.form().methodProperty().set(MethodChoice.of("mean"));
        assertEquals("", viewModel.startBlockedReasonBinding().get());
    }

    @Test
    void aSampleRunAppearsInTheSharedStateWithTheEnginesCounts() throws IOException {
        WorkbenchState state = state();
        RunsViewModel viewModel = viewModel(new DirectTaskRunner(), state);
        models.loadSampleModels(SampleRuns.REPO, "ko");
        assertEquals("sembridge-a4-ko", viewModel.form().runNameProperty().get());
        viewModel.start();

        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
        assertEquals(1, state.runs().size());
        OpenRun run = state.runs().getFirst();
        assertSame(run, state.currentRunProperty().get());
        assertEquals(state.workspace().runs().resolve("sembridge-a4-ko"), run.run().directory());
        Map<String, Integer> expected = SampleRuns.korean("sembridge").manifest().counts();
        Map<String, Integer> counts = run.run().manifest().counts();
        for (String key : List.of("target_tokens", "overlap", "new", "special")) {
            assertEquals(expected.get(key), counts.get(key), key);
        }
        RunFacts facts = RunFacts.of(run);
        assertEquals("5,653", facts.targetTokens());
        assertEquals(String.format("%,d / %,d", expected.get("overlap"), expected.get("new")), facts.overlapNew());
        assertEquals("4", facts.alpha());
        assertEquals("ko", facts.language(), "the target tokenizer's folder names the language");
    }

    @Test
    void theLogHasALinePerStageAndTheCounts() throws IOException {
        RunsViewModel viewModel = viewModel(new DirectTaskRunner(), state());
        models.loadSampleModels(SampleRuns.REPO, "ko");
        viewModel.form().methodProperty().set(MethodChoice.of("mean"));
        viewModel.start();
        List<String> log = viewModel.progress().log();
        assertEquals("Run mean-ko", log.getFirst());
        for (String stage : List.of("checking inputs", "loading the source model", "matching vocabularies",
                "planning mean", "writing the run folder")) {
            assertTrue(log.stream().anyMatch(line -> line.matches(" *\\d+\\.\\d\\d s  " + stage)), stage + " in " + log);
        }
        assertTrue(log.stream().anyMatch(line -> line.startsWith("method mean on cpu(): 5,653 target tokens = ")),
                log.toString());
        assertFalse(viewModel.progress().activeProperty().get());
    }

    @Test
    void aFinishedRunMovesTheDefaultNameOn() throws IOException {
        RunsViewModel viewModel = viewModel(new DirectTaskRunner(), state());
        models.loadSampleModels(SampleRuns.REPO, "ko");
        viewModel.form().methodProperty().set(MethodChoice.of("mean"));
        viewModel.start();
        assertEquals("mean-ko-2", viewModel.form().runNameProperty().get());
    }

    @Test
    void aCancelledRunLeavesNoFolderNoNewRunAndKeepsTheForm() throws IOException {
        WorkbenchState state = state();
        RunsViewModel earlier = viewModel(new DirectTaskRunner(), state);
        models.loadSampleModels(SampleRuns.REPO, "ko");
        earlier.form().methodProperty().set(MethodChoice.of("mean"));
        earlier.start();
        OpenRun kept = state.runs().getFirst();

        RunsViewModel viewModel = viewModel(DirectTaskRunner.cancellingAt("writing the run folder"::equals), state);
        viewModel.form().biasModeProperty().set(BiasMode.MAPPED);
        viewModel.form().alphaTextProperty().set("3");
        viewModel.start();

        assertEquals(List.of("mean-ko"), entries(state.workspace().runs()));
        assertEquals(List.of(kept), state.runs());
        assertTrue(dialogs.errors.isEmpty(), "a cancel is not an error: " + dialogs.errors);
        assertEquals(BiasMode.MAPPED, viewModel.form().biasModeProperty().get());
        assertEquals("sembridge-a3-ko", viewModel.form().runNameProperty().get());
        assertTrue(viewModel.progress().log().getLast().startsWith("cancelled after"),
                viewModel.progress().log().toString());
        assertFalse(viewModel.progress().activeProperty().get());
    }

    @Test
    void aFailedRunShowsTheEnginesMessageAndTouchesNothing() throws IOException {
        WorkbenchState state = state();
        RunsViewModel viewModel = viewModel(new DirectTaskRunner(), state);
        models.loadSampleModels(SampleRuns.REPO, "ko");
        // Someone else's folder appears under the chosen name after the form checked it.
        Path foreign = Files.createDirectories(state.workspace().runs().resolve("sembridge-a4-ko"));
        Files.writeString(foreign.resolve("notes.txt"), "not a run");
        viewModel.start();
        assertEquals(1, dialogs.errors.size());
        String message = dialogs.errors.getFirst().getMessage();
        assertTrue(message.contains("is not a run folder"), message);
        assertEquals(List.of("notes.txt"), entries(foreign));
        assertEquals(List.of("sembridge-a4-ko"), entries(state.workspace().runs()));
        assertTrue(state.runs().isEmpty());
        assertTrue(viewModel.progress().log().getLast().contains("is not a run folder"));
    }

    @Test
    void aFolderThatIsNotARunShowsTheEnginesMessage() throws IOException {
        WorkbenchState state = state();
        RunsViewModel viewModel = viewModel(new DirectTaskRunner(), state);
        Path notARun = Files.createDirectories(temp.resolve("holiday-photos"));
        dialogs.nextChoice = notARun;
        viewModel.openRunFolder();
        assertEquals(1, dialogs.errors.size());
        String message = dialogs.errors.getFirst().getMessage();
        assertTrue(message.contains(notARun.resolve("run.json").toString()), message);
        assertTrue(state.runs().isEmpty());
    }

    @Test
    void aMissingFolderIsNamedInTheMessage() throws IOException {
        RunsViewModel viewModel = viewModel(new DirectTaskRunner(), state());
        viewModel.openRunFolder(temp.resolve("no-such-run"));
        assertTrue(dialogs.errors.getFirst().getMessage().contains("no-such-run"));
    }

    @Test
    void anOpenedRunFolderBecomesCurrent() throws IOException {
        WorkbenchState state = state();
        RunsViewModel viewModel = viewModel(new DirectTaskRunner(), state);
        viewModel.openRunFolder(SampleRuns.korean("ofa").directory());
        assertEquals(SampleRuns.korean("ofa").directory(), state.currentRunProperty().get().run().directory());
    }

    @Test
    void closingTheCurrentRunMakesTheLastOneCurrent() throws IOException {
        WorkbenchState state = state();
        RunsViewModel viewModel = viewModel(new DirectTaskRunner(), state);
        viewModel.openRunFolder(SampleRuns.korean("ofa").directory());
        viewModel.openRunFolder(SampleRuns.korean("mean").directory());
        viewModel.close(state.currentRunProperty().get());
        assertEquals(1, state.runs().size());
        assertSame(state.runs().getFirst(), state.currentRunProperty().get());
        viewModel.close(state.runs().getFirst());
        assertNull(state.currentRunProperty().get());
        assertTrue(Files.isDirectory(SampleRuns.korean("mean").directory()), "closing keeps the folder");
    }

    @Test
    void theWorkspacesRunFoldersAreListedAtStartAndOthersReported() throws IOException {
        WorkbenchState state = state();
        RunsViewModel first = viewModel(new DirectTaskRunner(), state);
        models.loadSampleModels(SampleRuns.REPO, "ko");
        first.form().methodProperty().set(MethodChoice.of("mean"));
        first.start();
        Files.createDirectories(state.workspace().runs().resolve("not-a-run"));
        Files.createDirectories(state.workspace().runs().resolve(".mean-ko.12345"));

        WorkbenchState restarted = state();
        RunsViewModel viewModel = viewModel(new DirectTaskRunner(), restarted);
        viewModel.openWorkspaceRuns();
        assertEquals(List.of("mean-ko"), restarted.runs().stream()
                .map(run -> run.run().directory().getFileName().toString()).toList());
        assertSame(restarted.runs().getFirst(), restarted.currentRunProperty().get());
        assertTrue(viewModel.progress().log().getLast().startsWith("opened 1 run(s) from "),
                viewModel.progress().log().toString());
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.getFirst().getMessage().contains("not-a-run"), dialogs.errors.getFirst().getMessage());
    }

    @Test
    void demoRunsAreMadeOnceThenOpenedWithSemBridgeCurrent() throws IOException {
        WorkbenchState state = state();
        RunsViewModel viewModel = viewModel(new DirectTaskRunner(), state);
        List<String> madeCurrent = new ArrayList<>();
        state.currentRunProperty().subscribe(run -> madeCurrent.add(run == null ? null : run.label()));
        viewModel.ensureDemoRuns(SampleRuns.REPO, "ko");
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
        assertEquals(Arrays.asList(null, "sembridge α=4 · demo-ko-sembridge"), madeCurrent,
                "the OFA run is listed without becoming current in between");
        assertEquals(List.of("demo-ko-ofa", "demo-ko-sembridge"), entries(state.workspace().runs()));
        assertEquals("demo-ko-sembridge", state.currentRunProperty().get().run().directory().getFileName().toString());
        assertEquals(4.0, state.currentRunProperty().get().run().manifest().alpha());

        WorkbenchState restarted = state();
        RunsViewModel again = viewModel(DirectTaskRunner.cancellingAt("checking inputs"::equals), restarted);
        again.ensureDemoRuns(SampleRuns.REPO, "ko");
        assertEquals(2, restarted.runs().size(), "opened without a transfer (a transfer here would be cancelled)");
        assertEquals("demo-ko-sembridge",
                restarted.currentRunProperty().get().run().directory().getFileName().toString());
    }

    @Test
    void theSessionPartSavesTheForm() throws IOException {
        RunsViewModel viewModel = viewModel(new DirectTaskRunner(), state());
        viewModel.form().methodProperty().set(MethodChoice.of("gauss"));
        viewModel.form().seedProperty().set(5L);
        RunsViewModel restored = viewModel(new DirectTaskRunner(), state());
        restored.restore(viewModel.save());
        assertEquals("runs", restored.key());
        assertEquals("gauss", restored.form().methodProperty().get().name());
        assertEquals(5L, restored.form().seedProperty().get());
    }

    @Test
    void cancelWithoutARunDoesNothing() throws IOException {
        RunsViewModel viewModel = viewModel(new DirectTaskRunner(), state());
        viewModel.cancel();
        assertFalse(viewModel.progress().activeProperty().get());
        assertTrue(viewModel.progress().log().isEmpty());
    }
}
