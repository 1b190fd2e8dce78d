package org.sembridge.app.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.app.SampleRuns;
import org.sembridge.app.common.DirectTaskRunner;
import org.sembridge.app.common.RecordingDialogService;
import org.sembridge.app.common.TaskRunner;
import org.sembridge.app.workspace.OpenRun;
import org.sembridge.app.workspace.WorkbenchState;
import org.sembridge.app.workspace.Workspace;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.run.LoadedRun;
import org.sembridge.engine.run.TransferRequest;
import org.sembridge.engine.workflow.OpenedRun;
import org.sembridge.engine.workflow.RunDiff;
import org.sembridge.engine.workflow.RunDifference;
import org.sembridge.engine.workflow.RunDifferenceCsv;
import org.sembridge.engine.workflow.TokenDifference;

/// The run diff's state on the real Korean sample runs (SemBridge, OFA) and a Russian one,
/// without the toolkit: default choices, the refusal of another target tokenizer, the engine's
/// ranking in the table, filters, CSV export and the click through to the inspector.
class RunDiffViewModelTest {

    @TempDir
    static Path shared;

    private static OpenRun sembridge;
    private static OpenRun ofa;
    private static OpenRun russian;

    @TempDir
    Path temp;

    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final List<String> pagesShown = new ArrayList<>();
    private final List<OpenRun> compared = new ArrayList<>();
    private WorkbenchState state;

    @BeforeAll
    static void makeRuns() throws Exception {
        sembridge = OpenRun.of(SampleRuns.korean("sembridge"));
        ofa = OpenRun.of(SampleRuns.korean("ofa"));
        Path models = SampleRuns.sampleModels();
        Path out = shared.resolve("ru-mean");
        SampleRuns.runner().run(TransferRequest.builder(models.resolve("splade-tiny-en"),
                models.resolve("tokenizers").resolve("ru"), "mean", out).build(), ProgressListener.NONE,
                CancellationToken.create());
        russian = OpenRun.of(LoadedRun.open(out, SampleRuns.store()));
    }

    @BeforeEach
    void openState() {
        state = new WorkbenchState(new Workspace(temp));
    }

    private RunDiffViewModel viewModel(TaskRunner runner) {
        return new RunDiffViewModel(state, runner, dialogs, pagesShown::add, compared::add);
    }

    private RunDiffViewModel viewModel() {
        return viewModel(new DirectTaskRunner());
    }

    @Test
    void choosesTheCurrentRunAndTheFirstOtherRunOfItsTokenizer() {
        state.openRun(russian);
        state.openRun(sembridge);
        state.addRun(ofa);
        RunDiffViewModel viewModel = viewModel();

        assertSame(sembridge, viewModel.runAProperty().get());
        assertSame(ofa, viewModel.runBProperty().get());
        assertTrue(viewModel.comparableProperty().get());
        assertNull(viewModel.resultProperty().get(), "choosing runs computes nothing");
    }

    @Test
    void runsOfAnotherTargetTokenizerCannotBeComparedAndSaySoWithoutADialog() {
        state.openRun(sembridge);
        state.addRun(russian);
        RunDiffViewModel viewModel = viewModel();
        viewModel.runBProperty().set(russian);

        assertFalse(viewModel.comparableProperty().get());
        assertTrue(viewModel.summaryProperty().get().contains("different target tokenizers"),
                viewModel.summaryProperty().get());
        viewModel.compare();
        assertNull(viewModel.resultProperty().get());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void compareShowsTheEnginesRankingOfEveryToken() throws Exception {
        RunDiffViewModel viewModel = comparedSembridgeAndOfa();
        RunDifference expected = RunDiff.compare(OpenedRun.of(sembridge.run()), OpenedRun.of(ofa.run()),
                ProgressListener.NONE, CancellationToken.create());

        assertEquals(expected.tokens(), viewModel.rows());
        assertEquals(sembridge.run().targetSize(), viewModel.rows().size());
        assertTrue(viewModel.summaryProperty().get().contains("built differently"), viewModel.summaryProperty().get());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void filtersKeepMatchingRowsInRankOrder() {
        RunDiffViewModel viewModel = comparedSembridgeAndOfa();
        List<TokenDifference> all = List.copyOf(viewModel.rows());

        viewModel.topSourceChangedOnlyProperty().set(true);
        assertEquals(all.stream().filter(TokenDifference::topSourceChanged).toList(), viewModel.rows());

        viewModel.topSourceChangedOnlyProperty().set(false);
        viewModel.minDivergenceProperty().set(0.5);
        assertEquals(all.stream().filter(t -> t.comparable() && t.divergenceBits() >= 0.5).toList(), viewModel.rows());

        viewModel.minDivergenceProperty().set(0.0);
        String token = all.get(7).token();
        viewModel.filterTextProperty().set(token.toUpperCase(java.util.Locale.ROOT));
        assertTrue(viewModel.rows().contains(all.get(7)));
        assertTrue(viewModel.rows().stream().allMatch(t -> new DiffFilter(token, false, 0).keeps(t)));
    }

    @Test
    void changingARunDropsTheResult() {
        RunDiffViewModel viewModel = comparedSembridgeAndOfa();
        viewModel.runBProperty().set(sembridge);
        assertNull(viewModel.resultProperty().get());
        assertTrue(viewModel.rows().isEmpty());
        assertFalse(viewModel.comparableProperty().get(), "a run is not compared with itself");
    }

    @Test
    void exportWritesTheRowsShownAsCsv() throws Exception {
        RunDiffViewModel viewModel = comparedSembridgeAndOfa();
        viewModel.minDivergenceProperty().set(0.01);
        assertFalse(viewModel.rows().isEmpty());
        assertTrue(viewModel.rows().size() < sembridge.run().targetSize());
        Path file = temp.resolve("diff.csv");
        dialogs.nextChoice = file;
        viewModel.exportCsv();

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(RunDifferenceCsv.HEADER, lines.getFirst());
        assertEquals(viewModel.rows().size() + 1, lines.size());
        assertEquals(RunDifferenceCsv.line(viewModel.rows().getFirst()), lines.get(1));
        assertTrue(viewModel.summaryProperty().get().contains("exported"), viewModel.summaryProperty().get());
    }

    @Test
    void showInInspectorMakesAcurrentComparesBAndSelectsTheToken() {
        RunDiffViewModel viewModel = comparedSembridgeAndOfa();
        state.currentRunProperty().set(ofa);
        TokenDifference row = viewModel.rows().get(2);

        viewModel.showInInspector(row);

        assertSame(sembridge, state.currentRunProperty().get());
        assertEquals(List.of(ofa), compared);
        assertEquals(row.token(), state.selectedTokenProperty().get());
        assertEquals(List.of("inspector"), pagesShown);
    }

    @Test
    void closingAChosenRunDropsIt() {
        RunDiffViewModel viewModel = comparedSembridgeAndOfa();
        state.runs().remove(ofa);
        assertNull(viewModel.runBProperty().get());
        assertNull(viewModel.resultProperty().get());
    }

    private RunDiffViewModel comparedSembridgeAndOfa() {
        state.openRun(sembridge);
        state.addRun(ofa);
        RunDiffViewModel viewModel = viewModel();
        viewModel.compare();
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
        return viewModel;
    }
}
