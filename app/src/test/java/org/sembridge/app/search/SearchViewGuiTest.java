package org.sembridge.app.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sembridge.app.SampleRuns;
import org.sembridge.app.common.DirectTaskRunner;
import org.sembridge.app.common.RecordingDialogService;
import org.sembridge.app.workspace.OpenRun;
import org.sembridge.app.workspace.WorkbenchState;
import org.sembridge.app.workspace.Workspace;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// The search page, headless, on the real engine with the Korean SemBridge sample run: the demo
/// index is built when the page shows, a typed query shows hits with contribution chips beside
/// BM25, the document view highlights token weights, the evaluation table fills and "Show tokens"
/// focuses the inspector.
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class SearchViewGuiTest {

    /// Shared by the tests; the demo index is built into it before the first window opens, so
    /// each page start only opens it (TestFX limits a start to 60 s on a loaded machine).
    private static final Path WORKSPACE = temporaryWorkspace();

    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final List<String> pagesShown = new ArrayList<>();
    private WorkbenchState state;
    private SearchViewModel viewModel;

    @BeforeAll
    static void buildDemoIndex() throws IOException {
        WorkbenchState shared = new WorkbenchState(Workspace.open(WORKSPACE));
        shared.openRun(OpenRun.of(SampleRuns.korean("sembridge")));
        RecordingDialogService errors = new RecordingDialogService();
        SearchViewModel builder = new SearchViewModel(new DirectTaskRunner(), errors, shared, pageId -> { },
                SampleRuns.REPO);
        builder.pageShown();
        assertTrue(errors.errors.isEmpty(), errors.errors.toString());
    }

    @Start
    void start(Stage stage) throws IOException {
        state = new WorkbenchState(Workspace.open(WORKSPACE));
        state.openRun(OpenRun.of(SampleRuns.korean("sembridge")));
        viewModel = new SearchViewModel(new DirectTaskRunner(), dialogs, state, pagesShown::add, SampleRuns.REPO);
        stage.setScene(new Scene(new SearchView(viewModel, dialogs).root(), 1400, 900));
        stage.show();
    }

    @Test
    void theDemoIsReadyWhenThePageShows(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> indexes = robot.lookup("#indexTable").queryAs(TableView.class);
        assertFalse(indexes.getItems().isEmpty());
        assertTrue(robot.lookup("#indexStatus").queryAs(Label.class).getText().contains("204 documents"));
        assertEquals(41, robot.lookup("#evaluationTable").queryAs(TableView.class).getItems().size());
        assertFalse(robot.lookup("#sparseHits").queryAs(ListView.class).getItems().isEmpty());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void typingAQueryAndEnterShowsHitsChipsBm25AndTheDocument(FxRobot robot) {
        TextField query = robot.lookup("#queryField").queryAs(TextField.class);
        robot.clickOn(query);
        robot.interact(() -> query.setText("욕실과 베개"));
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("욕실과 베개", viewModel.searchResultProperty().get().query());
        ListView<?> sparse = robot.lookup("#sparseHits").queryAs(ListView.class);
        ListView<?> bm25 = robot.lookup("#bm25Hits").queryAs(ListView.class);
        assertFalse(sparse.getItems().isEmpty());
        assertFalse(bm25.getItems().isEmpty());
        Set<Node> chips = robot.lookup("#sparseHits .contribution-chip").queryAll();
        assertFalse(chips.isEmpty());
        Label chip = (Label) chips.iterator().next();
        assertTrue(chip.getText().contains("| idx "), chip.getText());
        robot.clickOn(chip);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(chip.getText().substring(0, chip.getText().indexOf("  ")), state.selectedTokenProperty().get(),
                "clicking a chip selects its token for the inspector");
        assertTrue(robot.lookup("#bm25Hits .contribution-chip").queryAll().isEmpty());
        assertTrue(robot.lookup("#bm25Hits .hit-id").queryAll().size() > 0);
        assertTrue(robot.lookup("#searchStatus").queryAs(Label.class).getText().contains("BM25 (ko)"));

        Set<Node> weighted = robot.lookup("#documentText .weighted-piece.weighted").queryAll();
        assertFalse(weighted.isEmpty(), "the first hit's document highlights weighted tokens");
        double maxOpacity = weighted.stream()
                .mapToDouble(node -> node.lookup(".weight-fill").getOpacity()).max().orElseThrow();
        assertEquals(1.0, maxOpacity, 1e-9, "the heaviest token in the text is fully highlighted, or none is");
        assertFalse(robot.lookup("#documentTopTokens .token-chip").queryAll().isEmpty());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void evaluationFillsTheTableAndShowTokensOpensTheInspector(FxRobot robot) {
        robot.clickOn("#evaluationTab");
        robot.clickOn("#runEvaluation");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<QueryRow> table = robot.lookup("#evaluationTable").queryAs(TableView.class);
        assertEquals(41, table.getItems().size());
        assertTrue(table.getItems().getFirst().mean());
        assertTrue(robot.lookup("#evaluationStatus").queryAs(Label.class).getText().startsWith("40 judged queries"));
        robot.interact(() -> table.getSelectionModel().select(5));
        QueryRow row = table.getSelectionModel().getSelectedItem();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(row.text(), viewModel.searchResultProperty().get().query(), "clicking a query shows its hits");
        robot.clickOn("#showTokens");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("query " + row.queryId() + ": " + row.tokens().size() + " tokens", state.focusProperty().get().label());
        assertEquals(List.of("inspector"), pagesShown);
    }

    @Test
    void theIndexBrowserListsTokensPostingsAndAVectorAndJumpsToTheInspector(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<org.sembridge.engine.index.TermStatistics> tokens = robot.lookup("#browserTokens")
                .queryAs(TableView.class);
        assertTrue(tokens.getItems().isEmpty(), "the tokens are read only when the browser is opened");
        robot.clickOn("#indexBrowserTab");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(tokens.getItems().isEmpty(), robot.lookup("#browserTokensStatus").queryAs(Label.class).getText());
        var first = tokens.getItems().getFirst();
        robot.interact(() -> tokens.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> postings = robot.lookup("#browserPostings").queryAs(TableView.class);
        assertEquals(Math.min(IndexBrowserViewModel.POSTINGS, first.documentFrequency()), postings.getItems().size());
        robot.interact(() -> viewModel.browser().showDocument(
                ((org.sembridge.engine.index.Posting) postings.getItems().getFirst()).docId()));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#browserVector").queryAs(TableView.class).getItems().isEmpty());
        robot.clickOn("#browserShowInInspector");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(first.token(), state.selectedTokenProperty().get());
        assertEquals(List.of("inspector"), pagesShown);
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void buildingFromAnEmptyCorpusIsRefusedAndKeepsTheOpenIndex(FxRobot robot) throws IOException {
        WaitForAsyncUtils.waitForFxEvents();
        Path demoIndex = viewModel.openedIndexProperty().get().folder();
        Path empty = Files.createTempDirectory("sembridge-empty-corpus").resolve("empty.jsonl");
        Files.writeString(empty, "");
        TextField corpus = robot.lookup("#corpusPath").queryAs(TextField.class);
        robot.interact(() -> corpus.setText(empty.toString()));
        Button build = robot.lookup("#buildIndex").queryButton();
        assertFalse(build.isDisabled(), "a run is current, so the build button is enabled");
        robot.interact(build::fire);
        WaitForAsyncUtils.waitForFxEvents();
        String refusal = empty + ": no documents; nothing to index";
        assertEquals(1, dialogs.errors.size(), dialogs.errors.toString());
        assertEquals(refusal, dialogs.errors.getFirst().getMessage());
        assertEquals("Build failed: " + refusal, robot.lookup("#buildStatus").queryAs(Label.class).getText());
        assertEquals(demoIndex, viewModel.openedIndexProperty().get().folder(), "the open index stays current");
        assertEquals(204, viewModel.openedIndexProperty().get().documentCount());
        assertFalse(Files.exists(state.workspace().indexes()
                .resolve(IndexFolderName.of(state.currentRunProperty().get().run().directory(), empty))),
                "no 0-document index folder is written");
        assertTrue(viewModel.indexes().stream().allMatch(entry -> entry.documentCount() > 0));
    }

    private static Path temporaryWorkspace() {
        try {
            Path folder = Files.createTempDirectory("sembridge-search-gui");
            folder.toFile().deleteOnExit();
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
