package org.sembridge.app.inspector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sembridge.app.SampleRuns;
import org.sembridge.app.common.BackgroundWork;
import org.sembridge.app.common.DirectTaskRunner;
import org.sembridge.app.common.QueuedTaskRunner;
import org.sembridge.app.common.RecordingDialogService;
import org.sembridge.app.common.TaskHandle;
import org.sembridge.app.common.TaskRunner;
import org.sembridge.app.workspace.OpenRun;
import org.sembridge.app.workspace.TokenFocus;
import org.sembridge.app.workspace.WorkbenchState;
import org.sembridge.app.workspace.Workspace;
import org.sembridge.engine.run.AlignmentRecord;
import org.sembridge.engine.run.LexiconEvaluation;
import org.sembridge.engine.run.LexiconEvaluator;
import org.sembridge.engine.run.LoadedRun;
import org.sembridge.engine.run.SourceWeight;
import org.sembridge.engine.run.TargetTokenKind;

/// The inspector's state on the real Korean sample runs, without the JavaFX toolkit: the table's
/// rows, filters and sorts against the engine's own figures, live re-alignment, export, session.
class InspectorViewModelTest {

    static final Path LEXICON = SampleRuns.REPO.resolve("assets/lexicon/concepts.tsv");

    @TempDir
    Path temp;

    private final RecordingDialogService dialogs = new RecordingDialogService();

    private WorkbenchState state() {
        return new WorkbenchState(new Workspace(temp));
    }

    private InspectorViewModel open(WorkbenchState state, String method, TaskRunner runner) {
        InspectorViewModel viewModel = new InspectorViewModel(state, runner, dialogs, LEXICON);
        state.openRun(OpenRun.of(SampleRuns.korean(method)));
        return viewModel;
    }

    private InspectorViewModel open(String method) {
        return open(state(), method, new DirectTaskRunner());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sembridge", "ofa"})
    void rowsEqualTheRunsTargetSize(String method) {
        InspectorViewModel viewModel = open(method);
        LoadedRun run = SampleRuns.korean(method);
        assertEquals(run.targetSize(), viewModel.rows().size());
        assertEquals(run.targetSize(), viewModel.figuresProperty().get().size());
        assertArrayEquals(IntStream.range(0, run.targetSize()).toArray(), viewModel.rows().toRowArray());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @ParameterizedTest
    @CsvSource({"sembridge, NEW", "sembridge, OVERLAP", "sembridge, SPECIAL", "ofa, NEW", "ofa, OVERLAP"})
    void kindFilterGivesTheEnginesCount(String method, TargetTokenKind kind) {
        InspectorViewModel viewModel = open(method);
        viewModel.kindFilterProperty().set(kind);
        int[] expected = SampleRuns.korean(method).idsOfKind(kind);
        assertTrue(expected.length > 0, "the sample run has " + kind + " tokens");
        assertArrayEquals(expected, viewModel.rows().toRowArray());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sembridge", "ofa"})
    void figuresEqualTheEnginesRecords(String method) throws Exception {
        InspectorViewModel viewModel = open(method);
        LoadedRun run = SampleRuns.korean(method);
        TokenFigures figures = viewModel.figuresProperty().get();
        for (int id = 0; id < run.targetSize(); id += 97) {
            AlignmentRecord record = run.token(id);
            assertEquals(record.token(), figures.token(id));
            assertEquals(record.support(), figures.support(id));
            assertEquals((float) record.entropyNats(), figures.entropyNats(id), 0.0f);
            assertEquals(record.sources().isEmpty() ? "" : record.sources().getFirst().token(), figures.topSource(id));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sembridge", "ofa"})
    void sortByTopWeightDescendingIsOrdered(String method) {
        InspectorViewModel viewModel = open(method);
        viewModel.sortBy(TokenColumn.TOP_WEIGHT, false);
        TokenFigures figures = viewModel.figuresProperty().get();
        int[] rows = viewModel.rows().toRowArray();
        assertEquals(figures.size(), rows.length);
        for (int i = 1; i < rows.length; i++) {
            float previous = figures.topWeight(rows[i - 1]);
            float next = figures.topWeight(rows[i]);
            assertTrue(previous > next || (previous == next && rows[i - 1] < rows[i]),
                    "position " + i + ": " + previous + " then " + next);
        }
    }

    @Test
    void sortsRunInTheBackgroundAndTheLatestWins() {
        WorkbenchState state = state();
        QueuedTaskRunner runner = new QueuedTaskRunner();
        InspectorViewModel viewModel = open(state, "sembridge", runner);
        runner.runAll();
        TokenFigures figures = viewModel.figuresProperty().get();
        viewModel.sortBy(TokenColumn.SUPPORT, false);
        viewModel.sortBy(TokenColumn.ENTROPY, true);
        viewModel.sortBy(TokenColumn.TOP_WEIGHT, false);
        assertEquals(1, runner.queuedCount(), "one sort runs at a time");
        assertArrayEquals(IntStream.range(0, figures.size()).toArray(), viewModel.rows().toRowArray(),
                "id order until the sort lands");
        runner.runAll();
        assertArrayEquals(RowSorter.sort(figures, new TokenSort(TokenColumn.TOP_WEIGHT, false)),
                viewModel.rows().toRowArray());
    }

    @Test
    void textAndSupportFiltersNarrowTheRows() {
        InspectorViewModel viewModel = open("sembridge");
        TokenFigures figures = viewModel.figuresProperty().get();
        viewModel.filterTextProperty().set("집");
        viewModel.minSupportProperty().set(2);
        int[] expected = IntStream.range(0, figures.size())
                .filter(row -> figures.token(row).contains("집") && figures.support(row) >= 2)
                .toArray();
        assertTrue(expected.length > 0 && expected.length < figures.size());
        assertArrayEquals(expected, viewModel.rows().toRowArray());
    }

    @Test
    void lexiconOutcomesCountLikeTheEnginesEvaluation() throws Exception {
        InspectorViewModel viewModel = open("sembridge");
        LoadedRun run = SampleRuns.korean("sembridge");
        LexiconEvaluation evaluation = LexiconEvaluator.evaluate(run,
                LexiconEvaluator.read(LEXICON, Optional.empty(), run));
        TokenFigures figures = viewModel.figuresProperty().get();
        long hits1 = IntStream.range(0, figures.size()).filter(r -> figures.lexicon(r) == LexiconOutcome.HIT_AT_1).count();
        long hits5 = IntStream.range(0, figures.size()).filter(r -> figures.lexicon(r) == LexiconOutcome.HIT_AT_5).count();
        long judged = IntStream.range(0, figures.size()).filter(r -> figures.lexicon(r).judged()).count();
        assertTrue(evaluation.evaluated() > 0);
        assertEquals(evaluation.evaluated(), judged);
        assertEquals(evaluation.hitsAt1(), hits1);
        assertEquals(evaluation.hitsAt5(), hits1 + hits5);
        viewModel.lexiconFilterProperty().set(LexiconFilter.IN_LEXICON);
        assertEquals(judged, viewModel.rows().size());
    }

    @Test
    void aLexiconWithoutTheRunsLanguageSaysNotAvailable() throws Exception {
        Path lexicon = java.nio.file.Files.writeString(temp.resolve("greek.tsv"), "concept\ten\tel\nbook\tbook\tβιβλίο\n");
        WorkbenchState state = state();
        InspectorViewModel viewModel = new InspectorViewModel(state, new DirectTaskRunner(), dialogs, lexicon);
        state.openRun(OpenRun.of(SampleRuns.korean("sembridge")));
        assertFalse(viewModel.figuresProperty().get().hasLexicon());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void aMalformedLexiconIsReportedWithItsFileNotShownAsNotAvailable() throws Exception {
        Path lexicon = java.nio.file.Files.writeString(temp.resolve("broken.tsv"), "concept\ten\tko\nbook\tbook\n");
        WorkbenchState state = state();
        new InspectorViewModel(state, new DirectTaskRunner(), dialogs, lexicon);
        state.openRun(OpenRun.of(SampleRuns.korean("sembridge")));
        assertEquals(1, dialogs.errors.size(), dialogs.errors.toString());
        assertTrue(dialogs.errors.getFirst().getMessage().contains("broken.tsv"), dialogs.errors.getFirst().getMessage());
    }

    @Test
    void missingLexiconSaysNotAvailable() {
        WorkbenchState state = state();
        InspectorViewModel viewModel = new InspectorViewModel(state, new DirectTaskRunner(), dialogs,
                temp.resolve("no-lexicon.tsv"));
        state.openRun(OpenRun.of(SampleRuns.korean("sembridge")));
        TokenFigures figures = viewModel.figuresProperty().get();
        assertFalse(figures.hasLexicon());
        assertEquals("n/a", figures.lexicon(0).label());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sembridge"})
    void realignAtAlphaOneAndAHalfVersusFourChangesTheSupportAsTheEngineDoes(String method) throws Exception {
        WorkbenchState state = state();
        InspectorViewModel viewModel = open(state, method, new DirectTaskRunner());
        LoadedRun run = SampleRuns.korean(method);
        int id = firstNewTokenWithSupportAtLeast(run, 2);
        state.selectedTokenProperty().set(run.token(id).token());
        TokenDetailViewModel detail = viewModel.detail();

        detail.alphaProperty().set(1.5);
        TokenDetail wide = detail.detailProperty().get();
        detail.alphaProperty().set(4.0);
        TokenDetail sparse = detail.detailProperty().get();

        int engineWide = run.realign(id, 1.5).support();
        int engineSparse = Math.abs(run.manifest().alpha() - 4.0) < 1e-9 ? run.token(id).support()
                : run.realign(id, 4.0).support();
        System.out.printf("%s sample run, token %s: support %d at alpha 1.5 (re-aligned in %.1f ms), %d at alpha 4%n",
                method, wide.record().token(), wide.record().support(), wide.elapsedNanos() / 1e6,
                sparse.record().support());
        assertTrue(wide.realigned());
        assertEquals(engineWide, wide.record().support());
        assertEquals(engineSparse, sparse.record().support());
        assertNotEquals(engineWide, engineSparse);
        assertTrue(detail.statusProperty().get().startsWith("the run's weights"), detail.statusProperty().get());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void rapidAlphaMovesRunOnlyTheLatest() throws Exception {
        WorkbenchState state = state();
        QueuedTaskRunner runner = new QueuedTaskRunner();
        InspectorViewModel viewModel = open(state, "sembridge", runner);
        runner.runAll();
        LoadedRun run = SampleRuns.korean("sembridge");
        int id = firstNewTokenWithSupportAtLeast(run, 2);
        state.selectedTokenProperty().set(run.token(id).token());
        runner.runAll();
        TokenDetailViewModel detail = viewModel.detail();

        detail.alphaProperty().set(2.0);
        detail.alphaProperty().set(2.5);
        detail.alphaProperty().set(3.0);
        detail.alphaProperty().set(5.0);
        assertEquals(1, runner.queuedCount(), "one re-alignment runs at a time");
        runner.runAll();

        TokenDetail shown = detail.detailProperty().get();
        assertEquals(5.0, shown.alpha(), 1e-9);
        assertEquals(run.realign(id, 5.0).support(), shown.record().support());
    }

    @Test
    void resetAlphaShowsTheRunsOwnRecord() throws Exception {
        WorkbenchState state = state();
        InspectorViewModel viewModel = open(state, "sembridge", new DirectTaskRunner());
        LoadedRun run = SampleRuns.korean("sembridge");
        int id = firstNewTokenWithSupportAtLeast(run, 2);
        state.selectedTokenProperty().set(run.token(id).token());
        viewModel.detail().alphaProperty().set(2.0);
        viewModel.detail().resetAlpha();
        assertEquals(run.manifest().alpha(), viewModel.detail().alphaProperty().get(), 1e-9);
        assertFalse(viewModel.detail().detailProperty().get().realigned());
        assertEquals(run.token(id), viewModel.detail().detailProperty().get().record());
    }

    @Test
    void selectionFollowsTheSharedTokenBothWays() throws Exception {
        WorkbenchState state = state();
        InspectorViewModel viewModel = open(state, "sembridge", new DirectTaskRunner());
        LoadedRun run = SampleRuns.korean("sembridge");
        viewModel.select(42);
        assertEquals(run.token(42).token(), state.selectedTokenProperty().get());
        state.selectedTokenProperty().set(run.token(7).token());
        assertEquals(7, viewModel.selectedRowProperty().get());
        assertEquals(7, viewModel.detail().detailProperty().get().record().id());
    }

    @Test
    void aFreshPageShowsALexiconHitInDetail() {
        WorkbenchState state = state();
        InspectorViewModel viewModel = open(state, "sembridge", new DirectTaskRunner());
        int row = viewModel.selectedRowProperty().get();
        TokenFigures figures = viewModel.figuresProperty().get();
        assertTrue(row >= 0);
        assertEquals(figures.token(row), state.selectedTokenProperty().get());
        assertEquals(LexiconOutcome.HIT_AT_1, figures.lexicon(row));
        assertEquals(row, viewModel.detail().detailProperty().get().record().id());
    }

    @Test
    void focusKeepsTheFocusedTokensUntilCleared() {
        WorkbenchState state = state();
        InspectorViewModel viewModel = open(state, "sembridge", new DirectTaskRunner());
        TokenFigures figures = viewModel.figuresProperty().get();
        state.focusProperty().set(new TokenFocus("query 3: 2 tokens", List.of(figures.token(10), figures.token(20))));
        assertArrayEquals(new int[] {10, 20}, viewModel.rows().toRowArray());
        viewModel.clearFocus();
        assertNull(state.focusProperty().get());
        assertEquals(figures.size(), viewModel.rows().size());
    }

    @Test
    void bookmarkToggleAndBookmarkedFilter() {
        WorkbenchState state = state();
        InspectorViewModel viewModel = open(state, "sembridge", new DirectTaskRunner());
        viewModel.bookmarkedOnlyProperty().set(true);
        assertEquals(0, viewModel.rows().size());
        viewModel.select(5);
        viewModel.detail().toggleBookmark();
        assertTrue(viewModel.detail().bookmarkedProperty().get());
        assertArrayEquals(new int[] {5}, viewModel.rows().toRowArray());
        viewModel.detail().toggleBookmark();
        assertFalse(viewModel.detail().bookmarkedProperty().get());
        assertEquals(0, viewModel.rows().size());
    }

    @Test
    void notesAreKeptPerToken() {
        WorkbenchState state = state();
        InspectorViewModel viewModel = open(state, "sembridge", new DirectTaskRunner());
        viewModel.select(3);
        viewModel.detail().noteProperty().set("looks like a loan word");
        viewModel.select(4);
        assertEquals("", viewModel.detail().noteProperty().get());
        viewModel.select(3);
        assertEquals("looks like a loan word", viewModel.detail().noteProperty().get());
        assertEquals(1, state.notes().size());
    }

    @Test
    void theOtherOpenRunIsComparedWithoutAClick() throws Exception {
        WorkbenchState state = state();
        InspectorViewModel viewModel = open(state, "sembridge", new DirectTaskRunner());
        OpenRun ofa = OpenRun.of(SampleRuns.korean("ofa"));
        state.runs().add(ofa);
        int id = firstNewTokenWithSupportAtLeast(SampleRuns.korean("sembridge"), 1);
        viewModel.select(id);
        assertEquals(ofa, viewModel.detail().compareRunProperty().get());
        AlignmentRecord expected = SampleRuns.korean("ofa").token(id);
        assertEquals(expected, viewModel.detail().compareRecordProperty().get());
        assertEquals(ofa.label(), viewModel.detail().compareStatusProperty().get());
    }

    @Test
    void theCurrentRunIsNotOfferedAsItsOwnComparison() {
        WorkbenchState state = state();
        InspectorViewModel viewModel = open(state, "sembridge", new DirectTaskRunner());
        OpenRun sembridge = state.currentRunProperty().get();
        OpenRun ofa = OpenRun.of(SampleRuns.korean("ofa"));
        state.runs().add(ofa);
        assertEquals(List.of(ofa), viewModel.detail().comparableRuns());

        state.currentRunProperty().set(ofa);

        assertEquals(List.of(sembridge), viewModel.detail().comparableRuns());
        assertEquals(sembridge, viewModel.detail().compareRunProperty().get());
    }

    @Test
    void switchingRunsAsksForTheDetailAndTheComparisonOnce() throws Exception {
        WorkbenchState state = state();
        Map<String, Integer> started = new HashMap<>();
        DirectTaskRunner direct = new DirectTaskRunner();
        TaskRunner counting = new TaskRunner() {
            @Override
            public <T> TaskHandle run(String title, BackgroundWork<T> work, Consumer<T> onSuccess,
                    Consumer<Throwable> onFailure) {
                started.merge(title, 1, Integer::sum);
                return direct.run(title, work, onSuccess, onFailure);
            }
        };
        InspectorViewModel viewModel = open(state, "sembridge", counting);
        OpenRun sembridge = state.currentRunProperty().get();
        OpenRun ofa = OpenRun.of(SampleRuns.korean("ofa"));
        state.runs().add(ofa);
        int id = firstNewTokenWithSupportAtLeast(SampleRuns.korean("sembridge"), 1);
        viewModel.select(id);
        started.clear();

        state.currentRunProperty().set(ofa);

        assertEquals(1, started.get("Re-aligning token"), started.toString());
        assertEquals(1, started.get("Comparing token"), started.toString());
        assertEquals(SampleRuns.korean("ofa").token(id), viewModel.detail().detailProperty().get().record());
        assertEquals(sembridge, viewModel.detail().compareRunProperty().get());
        assertEquals(SampleRuns.korean("sembridge").token(id), viewModel.detail().compareRecordProperty().get());
    }

    @Test
    void csvExportParsesBackToTheRecords() throws Exception {
        WorkbenchState state = state();
        InspectorViewModel viewModel = open(state, "sembridge", new DirectTaskRunner());
        LoadedRun run = SampleRuns.korean("sembridge");
        viewModel.sortBy(TokenColumn.SUPPORT, false);
        viewModel.kindFilterProperty().set(TargetTokenKind.NEW);
        Path file = temp.resolve("export/tokens.csv");
        dialogs.nextChoice = file;
        viewModel.exportRows(new int[0]);

        List<List<String>> lines = CsvLines.parse(Files.readString(file, StandardCharsets.UTF_8));
        assertEquals(TokenCsvExport.header(), String.join(",", lines.getFirst()));
        int[] rows = viewModel.rows().toRowArray();
        assertEquals(rows.length + 1, lines.size());
        for (int i = 0; i < rows.length; i += 53) {
            List<String> line = lines.get(i + 1);
            AlignmentRecord record = run.token(rows[i]);
            assertEquals(record.id(), Integer.parseInt(line.get(0)));
            assertEquals(record.token(), line.get(1));
            assertEquals("new", line.get(2));
            assertEquals(record.support(), Integer.parseInt(line.get(3)));
            assertEquals(record.entropyNats(), Double.parseDouble(line.get(4)), 1e-6);
            for (int k = 0; k < Math.min(TokenCsvExport.SOURCES, record.sources().size()); k++) {
                SourceWeight source = record.sources().get(k);
                assertEquals(source.token(), line.get(6 + 3 * k));
                assertEquals(source.weight(), Double.parseDouble(line.get(7 + 3 * k)), 1e-6);
                assertEquals(source.similarity(), Double.parseDouble(line.get(8 + 3 * k)), 1e-6);
            }
        }
    }

    @Test
    void exportOfSelectedRowsWritesOnlyThoseInOrder() throws IOException {
        WorkbenchState state = state();
        InspectorViewModel viewModel = open(state, "sembridge", new DirectTaskRunner());
        Path file = temp.resolve("three.csv");
        dialogs.nextChoice = file;
        viewModel.exportRows(new int[] {30, 10, 20});
        List<List<String>> lines = CsvLines.parse(Files.readString(file, StandardCharsets.UTF_8));
        assertEquals(List.of("30", "10", "20"), lines.stream().skip(1).map(List::getFirst).toList());
    }

    @Test
    void csvQuotesFieldsWithCommasAndQuotes() {
        assertEquals("\"a,b\"", TokenCsvExport.field("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", TokenCsvExport.field("say \"hi\""));
        assertEquals(List.of(List.of("a,b", "say \"hi\"")),
                CsvLines.parse(TokenCsvExport.field("a,b") + "," + TokenCsvExport.field("say \"hi\"") + "\n"));
    }

    @Test
    void cancelledLoadKeepsTheFiguresShownBefore() {
        WorkbenchState state = state();
        QueuedTaskRunner runner = new QueuedTaskRunner();
        InspectorViewModel viewModel = open(state, "sembridge", runner);
        runner.runAll();
        TokenFigures before = viewModel.figuresProperty().get();
        state.openRun(OpenRun.of(SampleRuns.korean("ofa")));
        assertTrue(viewModel.loadingProperty().get());
        viewModel.cancelLoad();
        runner.runAll();
        assertSame(before, viewModel.figuresProperty().get());
        assertEquals(SampleRuns.korean("sembridge").directory(), viewModel.figuresRunProperty().get().run().directory());
        assertFalse(viewModel.loadingProperty().get());
        assertTrue(viewModel.summaryProperty().get().startsWith("Reading cancelled"), viewModel.summaryProperty().get());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void sessionRestoresFiltersSortSelectionAndAlpha() {
        WorkbenchState state = state();
        InspectorViewModel viewModel = open(state, "sembridge", new DirectTaskRunner());
        viewModel.filterTextProperty().set("a");
        viewModel.kindFilterProperty().set(TargetTokenKind.NEW);
        viewModel.bookmarkedOnlyProperty().set(true);
        viewModel.minSupportProperty().set(2);
        viewModel.maxSupportProperty().set(9);
        viewModel.lexiconFilterProperty().set(LexiconFilter.MISS);
        viewModel.sortBy(TokenColumn.ENTROPY, false);
        viewModel.select(12);
        viewModel.detail().alphaProperty().set(2.5);
        var saved = viewModel.save();

        WorkbenchState fresh = state();
        InspectorViewModel restored = open(fresh, "sembridge", new DirectTaskRunner());
        restored.restore(saved);
        assertEquals(viewModel.filter(), restored.filter());
        assertEquals(new TokenSort(TokenColumn.ENTROPY, false), restored.sortProperty().get());
        assertEquals(state.selectedTokenProperty().get(), fresh.selectedTokenProperty().get());
        assertEquals(2.5, restored.detail().alphaProperty().get(), 1e-9);
        assertEquals(saved, restored.save());
    }

    @Test
    void sessionAlphaSurvivesTheRunOpenedAfterTheRestore() {
        WorkbenchState state = state();
        InspectorViewModel viewModel = new InspectorViewModel(state, new DirectTaskRunner(), dialogs, LEXICON);
        viewModel.restore(com.google.gson.JsonParser.parseString("{\"alpha\": 2.5}"));
        state.openRun(OpenRun.of(SampleRuns.korean("sembridge")));
        assertEquals(2.5, viewModel.detail().alphaProperty().get(), 1e-9);
        assertTrue(viewModel.detail().detailProperty().get().realigned());
        state.openRun(OpenRun.of(SampleRuns.korean("ofa")));
        assertEquals(SampleRuns.korean("ofa").manifest().alpha(), viewModel.detail().alphaProperty().get(), 1e-9);
    }

    @Test
    void sessionWithUnknownValuesKeepsDefaults() {
        InspectorViewModel viewModel = open("sembridge");
        viewModel.restore(com.google.gson.JsonParser.parseString(
                "{\"filter\": {\"kind\": \"weird\", \"lexicon\": 3, \"minSupport\": -4}, \"sort\": {\"column\": \"NOPE\"}}"));
        assertEquals(TokenFilter.ALL, viewModel.filter());
        assertEquals(TokenSort.BY_ID, viewModel.sortProperty().get());
    }

    /// The first built token with at least `support` sources (the sample tokenizer is WordPiece:
    /// `집`, `##다`).
    @Test
    void anOfaRunShowsItsOwnWeightsAndNeverReSolvesThemWithEntmax() throws Exception {
        WorkbenchState state = state();
        InspectorViewModel viewModel = open(state, "ofa", new DirectTaskRunner());
        LoadedRun run = SampleRuns.korean("ofa");
        int id = firstNewTokenWithSupportAtLeast(run, 2);
        state.selectedTokenProperty().set(run.token(id).token());
        TokenDetailViewModel detail = viewModel.detail();

        detail.alphaProperty().set(1.5);

        assertFalse(detail.realignableProperty().get());
        assertFalse(detail.alphaEnabledProperty().get());
        assertFalse(detail.detailProperty().get().realigned());
        assertEquals(run.token(id), detail.detailProperty().get().record());
        assertEquals("the run's weights (ofa does not use alpha)", detail.statusProperty().get());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void selectingAnotherTokenSetsTheSliderBackToTheRunsAlpha() throws Exception {
        WorkbenchState state = state();
        InspectorViewModel viewModel = open(state, "sembridge", new DirectTaskRunner());
        LoadedRun run = SampleRuns.korean("sembridge");
        List<Integer> built = IntStream.of(run.idsOfKind(TargetTokenKind.NEW)).boxed()
                .filter(id -> support(run, id) >= 2).limit(2).toList();
        TokenDetailViewModel detail = viewModel.detail();
        state.selectedTokenProperty().set(run.token(built.get(0)).token());
        detail.alphaProperty().set(1.5);
        assertTrue(detail.detailProperty().get().realigned());

        state.selectedTokenProperty().set(run.token(built.get(1)).token());

        assertEquals(run.manifest().alpha(), detail.alphaProperty().get(), 1e-9);
        assertFalse(detail.detailProperty().get().realigned());
        assertEquals(run.token(built.get(1)), detail.detailProperty().get().record());
    }

    @Test
    void anOverlapTokenShowsItsCopyWithTheSliderDisabledWhateverTheAlpha() throws Exception {
        WorkbenchState state = state();
        InspectorViewModel viewModel = open(state, "sembridge", new DirectTaskRunner());
        LoadedRun run = SampleRuns.korean("sembridge");
        int copy = firstCopiedToken(run);
        TokenDetailViewModel detail = viewModel.detail();
        state.selectedTokenProperty().set(run.token(firstNewTokenWithSupportAtLeast(run, 2)).token());
        detail.alphaProperty().set(1.5);
        assertTrue(detail.alphaEnabledProperty().get());

        state.selectedTokenProperty().set(run.token(copy).token());
        detail.alphaProperty().set(1.2);

        assertFalse(detail.alphaEnabledProperty().get());
        TokenDetail shown = detail.detailProperty().get();
        assertFalse(shown.realigned());
        assertEquals(run.token(copy), shown.record());
        assertTrue(shown.record().isCopy());
        assertEquals("the run's weights (copied from a source token: alpha does not apply)",
                detail.statusProperty().get());
    }

    private static int support(LoadedRun run, int id) {
        try {
            return run.token(id).support();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static int firstCopiedToken(LoadedRun run) throws Exception {
        for (int id : run.idsOfKind(TargetTokenKind.OVERLAP)) {
            if (run.token(id).isCopy()) {
                return id;
            }
        }
        throw new AssertionError("no copied token in " + run.directory());
    }

    static int firstNewTokenWithSupportAtLeast(LoadedRun run, int support) throws Exception {
        for (int id : run.idsOfKind(TargetTokenKind.NEW)) {
            if (run.token(id).support() >= support) {
                return id;
            }
        }
        throw new AssertionError("no new token with support >= " + support + " in " + run.directory());
    }
}
