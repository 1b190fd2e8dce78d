package org.sembridge.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sembridge.app.common.BundledFonts;
import org.sembridge.app.common.DirectTaskRunner;
import org.sembridge.app.common.FxTaskRunner;
import org.sembridge.app.common.Navigator;
import org.sembridge.app.common.RecordingDialogService;
import org.sembridge.app.diff.RunDiffView;
import org.sembridge.app.diff.RunDiffViewModel;
import org.sembridge.app.inspector.InspectorView;
import org.sembridge.app.inspector.InspectorViewModel;
import org.sembridge.app.map.MapSearchMode;
import org.sembridge.app.map.MapView;
import org.sembridge.app.map.MapViewModel;
import org.sembridge.app.models.ModelsView;
import org.sembridge.app.models.ModelsViewModel;
import org.sembridge.app.runs.RunsView;
import org.sembridge.app.runs.RunsViewModel;
import org.sembridge.app.search.QueryRow;
import org.sembridge.app.search.SearchView;
import org.sembridge.app.search.SearchViewModel;
import org.sembridge.app.shell.KeyMap;
import org.sembridge.app.shell.MainWindow;
import org.sembridge.app.shell.ShellViewModel;
import org.sembridge.app.shell.WorkbenchPage;
import org.sembridge.app.workspace.OpenRun;
import org.sembridge.app.workspace.WorkbenchState;
import org.sembridge.app.workspace.Workspace;
import org.sembridge.engine.projection.ProjectionMethod;
import org.sembridge.engine.run.AlignmentRecord;
import org.sembridge.engine.run.LoadedRun;
import org.sembridge.engine.run.SourceWeight;
import org.sembridge.engine.workflow.RunMapping;
import org.sembridge.engine.workflow.TokenDifference;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// Issue 12 item 8: walks `docs/demo.md`, the ten-minute demo script, on a fresh workspace (the
/// demo runs made as the workbench makes them on its first start) with the keyboard shortcuts the
/// script names, and checks at each step what the script says the audience sees. One test per
/// section of the script, in its order, on one window; presenting and in the dark theme, as the
/// script sets up the room.
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoScriptGuiTest {

    /// The script's token: `책` ("book").
    private static final String BOOK = "책";
    /// The script's query: "sofa chair".
    private static final String QUERY = "소파 의자";

    private static RecordingDialogService dialogs;
    private static WorkbenchState state;
    private static ShellViewModel shell;
    private static ModelsViewModel models;
    private static RunsViewModel runs;
    private static InspectorViewModel inspector;
    private static MapViewModel map;
    private static SearchViewModel search;
    private static RunDiffViewModel diff;
    private static FxTaskRunner runner;
    private static MainWindow window;
    private static Scene scene;
    private static Path workspace;
    private static CssWarningLog cssWarnings;

    /// The fresh workspace and its demo runs, made as the workbench does on a first start
    /// ([RunsViewModel#ensureDemoRuns]), off the FX thread (a few seconds each).
    @BeforeAll
    static void freshWorkspaceWithTheDemoRuns() throws IOException, TimeoutException {
        cssWarnings = CssWarningLog.install();
        FxToolkit.registerPrimaryStage();
        workspace = Files.createTempDirectory("sembridge-demo-script");
        dialogs = new RecordingDialogService();
        DirectTaskRunner tasks = new DirectTaskRunner();
        state = new WorkbenchState(Workspace.open(workspace));
        shell = new ShellViewModel();
        Navigator navigator = pageId -> window.showPage(pageId);
        models = new ModelsViewModel(tasks, dialogs);
        runs = new RunsViewModel(tasks, dialogs, state, models, SampleRuns.transfer(), Runnable::run);
        inspector = new InspectorViewModel(state, tasks, dialogs, SampleRuns.REPO.resolve(RunMapping.BUNDLED_LEXICON));
        map = new MapViewModel(state, tasks, dialogs, navigator, Runnable::run);
        search = new SearchViewModel(tasks, dialogs, state, navigator, SampleRuns.REPO);
        diff = new RunDiffViewModel(state, tasks, dialogs, navigator, inspector.detail().compareRunProperty()::set);
        models.loadSampleModels(SampleRuns.REPO, "ko");
        runs.ensureDemoRuns(SampleRuns.REPO, "ko");
    }

    @AfterAll
    static void stopRunner() {
        if (runner != null) {
            runner.close();
        }
        cssWarnings.close();
    }

    @Start
    void start(Stage stage) {
        if (window == null) {
            BundledFonts.load();
            runner = new FxTaskRunner();
            List<WorkbenchPage> pages = List.of(
                    new WorkbenchPage("models", "Models", "Models", () -> new ModelsView(models, dialogs).root()),
                    new WorkbenchPage("runs", "Runs", "Runs", () -> new RunsView(runs).root()),
                    new WorkbenchPage("inspector", "Inspector", "Inspector", () -> new InspectorView(inspector, state).root()),
                    new WorkbenchPage("map", "Map", "Map", () -> new MapView(map).root()),
                    new WorkbenchPage("search", "Search", "Search", () -> new SearchView(search, dialogs).root()),
                    new WorkbenchPage("diff", "Diff", "Diff", () -> new RunDiffView(diff).root()));
            window = new MainWindow(pages, runner, shell, new KeyMap());
            // the headless platform's screen is 1000 x 1000 px
            scene = new Scene(window.root(), 1000, 760);
            window.installShortcuts(scene);
        }
        if (scene.getWindow() != stage) {
            if (scene.getWindow() instanceof Stage previous) {
                previous.setScene(null);
            }
            stage.setScene(scene);
        }
        stage.show();
        stage.toFront();
    }

    @Test
    @Order(0)
    void beforeTheAudienceArrivesTheDemoRunsAreReadyAndTheRoomIsSetUp(FxRobot robot) {
        assertEquals(List.of(), dialogs.errors, "the first start made the demo runs without an error");
        assertEquals(List.of("sembridge", "ofa"), state.runs().stream().map(run -> run.run().manifest().method()).toList(),
                "the two demo runs, SemBridge first");
        assertEquals(4.0, sembridgeRun().manifest().alpha(), 1e-9, "the SemBridge demo run is at alpha 4");
        assertEquals("sembridge", state.currentRunProperty().get().run().manifest().method());

        press(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P);
        assertTrue(window.root().getStyleClass().contains("presentation"), "Ctrl+Shift+P: presentation mode");
        press(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D);
        assertTrue(window.root().getStyleClass().contains("theme-dark"), "Ctrl+Shift+D: the dark theme");
        Node overlay = robot.lookup("#shortcutOverlay").query();
        press(robot, KeyCode.F1);
        assertTrue(overlay.isVisible(), "F1 shows every shortcut");
        press(robot, KeyCode.ESCAPE);
        assertFalse(overlay.isVisible(), "Esc closes it");
    }

    @Test
    @Order(1)
    void step1TheModelsPageShowsTheThreeModels(FxRobot robot) throws TimeoutException {
        press(robot, KeyCode.CONTROL, KeyCode.DIGIT1);
        assertEquals("models", shell.currentPageProperty().get());
        for (String card : List.of("source", "target", "bridge")) {
            assertTrue(robot.lookup("#" + card + "Card").query().isVisible(), card + " card");
        }
        String source = fieldsText(robot, "source");
        assertTrue(source.contains("MLM head") && source.contains("yes"), "the English sparse encoder has its MLM head: "
                + source);
        String target = fieldsText(robot, "target");
        assertTrue(target.contains("sample split"), "the tokenizer card splits a sample sentence: " + target);
        // the Korean words into word pieces; the Russian, Arabic, Hindi and Chinese ones, which
        // the Korean tokenizer has no pieces for, into [UNK]
        assertTrue(target.contains("책 · ##을"), "Korean word pieces: " + target);
        assertTrue(target.contains("[UNK]"), "the other scripts' words are unknown to it: " + target);
        assertFalse(robot.lookup("#bridgeHeadline").queryAs(Label.class).getText().isBlank(), "the bridge card");
    }

    @Test
    @Order(2)
    void step2TheRunsPageListsTheTwoDemoRuns(FxRobot robot) {
        press(robot, KeyCode.CONTROL, KeyCode.DIGIT2);
        assertEquals("runs", shell.currentPageProperty().get());
        TableView<?> table = robot.lookup("#runsTable").queryAs(TableView.class);
        assertEquals(2, table.getItems().size(), "the table lists the two demo runs");
        List<String> headers = table.getColumns().stream().map(TableColumn::getText).toList();
        String joined = String.join(" ", headers).toLowerCase(Locale.ROOT);
        assertTrue(joined.contains("method") && joined.contains("alpha"), "method and alpha columns: " + headers);
    }

    @Test
    @Order(3)
    void step3TheInspectorShowsWhatBookIsBuiltFromAndAlphaReSolvesIt(FxRobot robot) throws Exception {
        press(robot, KeyCode.CONTROL, KeyCode.DIGIT3);
        assertEquals("inspector", shell.currentPageProperty().get());
        press(robot, KeyCode.CONTROL, KeyCode.F);
        TextField filter = robot.lookup("#tokenFilter").queryAs(TextField.class);
        assertTrue(filter.isFocused(), "Ctrl+F focuses the filter");
        robot.interact(() -> filter.setText(BOOK));
        TableView<Integer> tokens = robot.lookup("#tokenTable").queryAs(TableView.class);
        LoadedRun run = sembridgeRun();
        int id = run.idOf(BOOK).orElseThrow();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> tokens.getItems().size() < run.targetSize()
                && tokens.getItems().contains(id));
        WaitForAsyncUtils.waitForFxEvents();
        // the presenter picks 책's row
        robot.interact(() -> {
            tokens.requestFocus();
            tokens.getSelectionModel().clearAndSelect(tokens.getItems().indexOf(id));
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(BOOK, state.selectedTokenProperty().get());

        AlignmentRecord record = run.token(id);
        List<String> built = record.sources().stream().map(SourceWeight::token).toList();
        assertTrue(built.containsAll(List.of("book", "volume", "##book")), "책 is built from book, volume and ##book: "
                + built);
        assertEquals(built, barTokens(robot), "the detail pane's weight bars are the run's sources");

        // alpha 1 is softmax: every English source gets some weight
        Slider slider = robot.lookup("#alphaSlider").queryAs(Slider.class);
        robot.interact(() -> slider.setValue(1.0));
        WaitForAsyncUtils.waitForFxEvents();
        AlignmentRecord softmax = run.realign(id, 1.0);
        assertEquals(run.sourceVocabulary().size(), softmax.support(), "alpha 1: the whole source vocabulary");
        assertTrue(robot.lookup("#realignStatus").queryAs(Label.class).getText().startsWith("re-aligned at α = 1"),
                robot.lookup("#realignStatus").queryAs(Label.class).getText());
        assertTrue(barTokens(robot).size() > built.size(), "more sources at alpha 1 than at 4");
        robot.interact(() -> slider.setValue(8.0));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(run.realign(id, 8.0).support() <= record.support(), "alpha 8: the fewest sources");
        assertEquals(run.realign(id, 8.0).sources().stream().map(SourceWeight::token).toList(), barTokens(robot));
        press(robot, KeyCode.CONTROL, KeyCode.R);
        assertEquals(4.0, slider.getValue(), 1e-9, "Ctrl+R puts the run's alpha back");
        assertEquals(built, barTokens(robot));

        // by English source: every Korean token built from book
        robot.clickOn("#filterInSources");
        int before = tokens.getItems().size();
        robot.interact(() -> filter.setText("book"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> tokens.getItems().size() != before);
        WaitForAsyncUtils.waitForFxEvents();
        TableView<Integer> table = tokens;
        assertFalse(table.getItems().isEmpty());
        List<String> listed = new ArrayList<>();
        for (int row : table.getItems()) {
            AlignmentRecord listedRecord = run.token(row);
            listed.add(listedRecord.token());
            assertTrue(listedRecord.sources().stream().anyMatch(s -> s.token().contains("book")),
                    listedRecord.token() + " is built from a source with 'book'");
        }
        assertTrue(listed.contains(BOOK), "책 is among the tokens built from book: " + listed);
        robot.clickOn("#filterInSources");
        robot.interact(() -> filter.setText(BOOK));
        WaitForAsyncUtils.waitForFxEvents();

        // SemBridge vs OFA: the same token's rows side by side
        ComboBox<OpenRun> compare = robot.lookup("#compareRun").queryAs(ComboBox.class);
        OpenRun ofa = compare.getItems().stream().filter(r -> r.run().manifest().method().equals("ofa")).findFirst()
                .orElseThrow(() -> new AssertionError("the OFA run is offered: " + compare.getItems()));
        robot.interact(() -> compare.setValue(ofa));
        WaitForAsyncUtils.waitForFxEvents();
        AlignmentRecord ofaRecord = ofa.run().token(BOOK).orElseThrow();
        List<String> ofaBars = robot.lookup("#compareBars .bar-token").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        assertEquals(ofaRecord.sources().stream().map(SourceWeight::token).limit(ofaBars.size()).toList(), ofaBars,
                "the OFA run's rows for 책 beside SemBridge's");
        assertFalse(ofaBars.isEmpty());

        // Copy JSON: the token's detail for a notebook
        // fired, not clicked: in a full suite run TestFX found the button "not visible" there
        robot.interact(() -> robot.lookup("#copyDetailJson").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        List<String> copied = new ArrayList<>();
        robot.interact(() -> copied.add(Clipboard.getSystemClipboard().getString()));
        assertTrue(copied.getFirst() != null && copied.getFirst().contains("\"" + BOOK + "\"")
                && copied.getFirst().contains("\"book\""), "the copied JSON: " + copied.getFirst());
    }

    @Test
    @Order(4)
    void step4TheDiffRanksTokensByDivergenceAndEnterOpensOneSideBySide(FxRobot robot) {
        press(robot, KeyCode.CONTROL, KeyCode.DIGIT6);
        assertEquals("diff", shell.currentPageProperty().get());
        assertEquals("sembridge", diff.runAProperty().get().run().manifest().method(), "run A is the SemBridge run");
        assertEquals("ofa", diff.runBProperty().get().run().manifest().method(), "run B is the OFA run");
        press(robot, KeyCode.CONTROL, KeyCode.ENTER);
        TableView<TokenDifference> table = robot.lookup("#diffTable").queryAs(TableView.class);
        assertEquals(sembridgeRun().targetSize(), table.getItems().size(), "every target token is ranked");
        for (int i = 1; i < table.getItems().size(); i++) {
            assertTrue(table.getItems().get(i - 1).divergenceBits() >= table.getItems().get(i).divergenceBits(),
                    "ranked by Jensen-Shannon divergence, most different first (row " + i + ")");
        }
        // a minimum divergence of half the largest narrows the list
        double minimumBits = Math.floor(50 * table.getItems().getFirst().divergenceBits()) / 100;
        TextField minimum = robot.lookup("#diffMinDivergence").queryAs(TextField.class);
        robot.interact(() -> minimum.setText(String.format(Locale.ROOT, "%.2f", minimumBits)));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(table.getItems().isEmpty());
        assertTrue(table.getItems().size() < sembridgeRun().targetSize(), "a minimum divergence narrows the list");
        assertTrue(table.getItems().stream().allMatch(row -> row.divergenceBits() >= minimumBits));

        TokenDifference first = table.getItems().getFirst();
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(0);
        });
        press(robot, KeyCode.ENTER);
        assertEquals("inspector", shell.currentPageProperty().get(), "Enter opens the token in the inspector");
        assertEquals(first.token(), state.selectedTokenProperty().get());
        assertEquals("ofa", inspector.detail().compareRunProperty().get().run().manifest().method(),
                "with both runs side by side");
        robot.interact(() -> state.selectedTokenProperty().set(BOOK));
    }

    @Test
    @Order(5)
    void step5TheMapShowsSourcesAndTargetsFindsBookAndListsNeighbours(FxRobot robot) throws TimeoutException {
        press(robot, KeyCode.CONTROL, KeyCode.DIGIT4);
        assertEquals("map", shell.currentPageProperty().get());
        ComboBox<ProjectionMethod> method = robot.lookup("#mapMethod").queryAs(ComboBox.class);
        robot.interact(() -> method.setValue(ProjectionMethod.TSNE));
        WaitForAsyncUtils.waitForFxEvents();
        String estimate = robot.lookup("#mapPointsEstimate").queryAs(Label.class).getText();
        assertTrue(estimate.contains(" points (") && estimate.contains("t-SNE about"),
                "the points control says how many points and how long: " + estimate);
        press(robot, KeyCode.CONTROL, KeyCode.ENTER);
        Label summaryLabel = robot.lookup("#mapSummary").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> map.layoutProperty().get() != null
                && summaryLabel.getText() != null && summaryLabel.getText().startsWith("t-SNE map of"));
        String summary = summaryLabel.getText();
        assertTrue(summary.startsWith("t-SNE map of"), summary);
        assertTrue(summary.contains("ko target") && summary.contains("en source"), "sources and targets share it: "
                + summary);

        press(robot, KeyCode.CONTROL, KeyCode.F);
        TextField find = robot.lookup("#mapSearch").queryAs(TextField.class);
        assertTrue(find.isFocused(), "Ctrl+F focuses the map search");
        ComboBox<MapSearchMode> mode = robot.lookup("#mapSearchMode").queryAs(ComboBox.class);
        MapSearchMode englishSource = mode.getItems().stream()
                .filter(m -> m.toString().toLowerCase(Locale.ROOT).contains("english")).findFirst()
                .orElseThrow(() -> new AssertionError("an English-source mode: " + mode.getItems()));
        robot.interact(() -> mode.setValue(englishSource));
        robot.interact(() -> {
            find.requestFocus();
            find.setText("book");
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(map.searchResultProperty().get().size() > 0, map.searchResultProperty().get().message());
        press(robot, KeyCode.ENTER);
        assertEquals(map.searchResultProperty().get().matches()[0], map.selectedProperty().get(),
                "Enter steps to the first match");
        press(robot, KeyCode.ESCAPE);
        assertFalse(map.searchResultProperty().get().active(), "Esc clears the search");

        // a click on 책's point
        robot.interact(() -> map.selectPoint(map.layoutProperty().get().indexOfTarget(BOOK)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(10, robot.lookup("#mapOriginalNeighbours").queryAs(ListView.class).getItems().size(),
                "ten nearest neighbours in the original space");
        assertEquals(10, robot.lookup("#mapMapNeighbours").queryAs(ListView.class).getItems().size(),
                "and on the map, side by side");
    }

    @Test
    @Order(6)
    void step6AQueryShowsItsExplainedHitsBesideBm25AndItsTokens(FxRobot robot) throws TimeoutException {
        press(robot, KeyCode.CONTROL, KeyCode.DIGIT5);
        assertEquals("search", shell.currentPageProperty().get());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> search.openedIndexProperty().get() != null);
        assertTrue(search.openedIndexProperty().get().documentCount() > 0, "the demo index is open");
        press(robot, KeyCode.CONTROL, KeyCode.L);
        TextField query = robot.lookup("#queryField").queryAs(TextField.class);
        assertTrue(query.isFocused(), "Ctrl+L focuses the query box");
        robot.interact(() -> query.setText(QUERY));
        press(robot, KeyCode.ENTER);
        assertEquals(QUERY, search.searchResultProperty().get().query());
        assertEquals("hitsTab", selectedSearchTab(robot).getId(), "the hits show");
        ListView<?> sparse = robot.lookup("#sparseHits").queryAs(ListView.class);
        assertFalse(sparse.getItems().isEmpty(), "sparse hits");
        assertFalse(robot.lookup("#bm25Hits").queryAs(ListView.class).getItems().isEmpty(), "BM25's hits beside them");
        List<Label> chips = robot.lookup("#sparseHits .contribution-chip").queryAllAs(Label.class).stream().toList();
        assertFalse(chips.isEmpty(), "each hit lists the query tokens that scored it");
        assertTrue(chips.getFirst().getText().contains("| idx "), "exact and 9-bit indexed: " + chips.getFirst().getText());
        robot.clickOn(robot.lookup("#sparseHits .hit-id").queryAs(Labeled.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#documentText .weighted-piece.weighted").queryAll().isEmpty(),
                "the document with its token weights highlighted");

        press(robot, KeyCode.CONTROL, KeyCode.T);
        assertEquals("inspector", shell.currentPageProperty().get(), "Ctrl+T opens the query's tokens in the inspector");
        assertNotNull(state.focusProperty().get());
        assertTrue(state.focusProperty().get().label().contains(QUERY), state.focusProperty().get().label());

        press(robot, KeyCode.CONTROL, KeyCode.DIGIT5);
        robot.clickOn("#indexBrowserTab");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#browserTokens").queryAs(TableView.class).getItems().isEmpty(),
                "the index browser lists the index's tokens");
    }

    @Test
    @Order(7)
    void step7TheEvaluationComparesSparseWithBm25PerQueryMeanFirst(FxRobot robot) {
        press(robot, KeyCode.CONTROL, KeyCode.E);
        assertEquals("evaluationTab", selectedSearchTab(robot).getId(), "Ctrl+E shows the evaluation");
        TableView<QueryRow> table = robot.lookup("#evaluationTable").queryAs(TableView.class);
        assertFalse(table.getItems().isEmpty(), "the demo queries were evaluated");
        assertTrue(table.getItems().getFirst().mean(), "the mean row first");
        TableColumn<QueryRow, ?> delta = table.getColumns().stream().filter(c -> c.getText().equals("Δ nDCG@10"))
                .findFirst().orElseThrow();
        // what a click on the column's header does. A robot click on the header (press, release
        // and click delivered to it, the mouse still) left the sort order empty in this headless
        // test; not explained yet, so the sort order is set as the header would set it
        robot.interact(() -> {
            delta.setSortType(TableColumn.SortType.ASCENDING);
            table.getSortOrder().setAll(delta);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(delta), List.copyOf(table.getSortOrder()), "sorted by Δ nDCG@10");
        assertTrue(table.getItems().getFirst().mean(), "the mean row stays first when sorted");
        double direction = delta.getSortType() == TableColumn.SortType.ASCENDING ? 1 : -1;
        for (int i = 2; i < table.getItems().size(); i++) {
            double before = table.getItems().get(i - 1).sparseNdcg() - table.getItems().get(i - 1).bm25Ndcg();
            double after = table.getItems().get(i).sparseNdcg() - table.getItems().get(i).bm25Ndcg();
            if (!Double.isNaN(before) && !Double.isNaN(after)) {
                assertTrue(direction * (after - before) >= -1e-12, "sorted by Δ nDCG@10 (" + delta.getSortType()
                        + ") at row " + i + ": " + before + ", " + after);
            }
        }
        robot.interact(() -> table.getSelectionModel().select(1));
        robot.interact(() -> robot.lookup("#copyRowJson").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        List<String> copied = new ArrayList<>();
        robot.interact(() -> copied.add(Clipboard.getSystemClipboard().getString()));
        assertTrue(copied.getFirst() != null && copied.getFirst().contains(table.getItems().get(1).queryId()),
                "the row's JSON: " + copied.getFirst());
        assertEquals(List.of(), dialogs.errors, "no step showed an error");
    }

    @Test
    @Order(8)
    void theWholeWalkLogsNoCssWarning() {
        // the screenshot tour's log showed a ClassCastException for a toggle button's looked-up
        // background colour (issue 12)
        assertEquals(List.of(), cssWarnings.warnings());
    }

    private static LoadedRun sembridgeRun() {
        return state.runs().stream().filter(run -> run.run().manifest().method().equals("sembridge")).findFirst()
                .orElseThrow().run();
    }

    private static void press(FxRobot robot, KeyCode... keys) {
        robot.press(keys);
        for (int i = keys.length - 1; i >= 0; i--) {
            robot.release(keys[i]);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String fieldsText(FxRobot robot, String card) {
        StringBuilder text = new StringBuilder();
        robot.lookup("#" + card + "Fields .label").queryAllAs(Label.class).forEach(l -> text.append(l.getText()).append(' '));
        return text.toString();
    }

    private static List<String> barTokens(FxRobot robot) {
        return robot.lookup("#detailBars .bar-token").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    private static Tab selectedSearchTab(FxRobot robot) {
        return robot.lookup("#searchTabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem();
    }
}
