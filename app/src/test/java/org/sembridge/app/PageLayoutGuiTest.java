package org.sembridge.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
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
import org.sembridge.app.map.MapView;
import org.sembridge.app.map.MapViewModel;
import org.sembridge.app.models.ModelsView;
import org.sembridge.app.models.ModelsViewModel;
import org.sembridge.app.runs.RunsView;
import org.sembridge.app.runs.RunsViewModel;
import org.sembridge.app.search.SearchView;
import org.sembridge.app.search.SearchViewModel;
import org.sembridge.app.shell.KeyMap;
import org.sembridge.app.shell.LayoutAudit;
import org.sembridge.app.shell.MainWindow;
import org.sembridge.app.shell.ShellViewModel;
import org.sembridge.app.shell.WorkbenchPage;
import org.sembridge.app.workspace.OpenRun;
import org.sembridge.app.workspace.WorkbenchState;
import org.sembridge.app.workspace.Workspace;
import org.sembridge.engine.workflow.RunMapping;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// Issue 12 item 2: every page of the real workbench (the sample models loaded, the Korean
/// sample runs open, the demo token selected, the demo index searched and evaluated), at the
/// projector sizes 1280 x 800 and 1920 x 1080, in presentation mode and in the dark theme: no
/// text is cut to "...", drawn over another text or pushed past the window's edge
/// ([LayoutAudit]). The header stays on screen, the Search page shows the mean row and at least
/// eight evaluation rows without scrolling the page, and the inspector's column headers stay
/// whole when presenting at 1280 x 800 (scrolled sideways or not).
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class PageLayoutGuiTest {

    private static final int[][] SIZES = {{1280, 800}, {1920, 1080}};
    private static final String DEMO_TOKEN = "책";

    private static MainWindow window;
    private static ShellViewModel shell;
    private static WorkbenchState state;
    private static FxTaskRunner runner;
    private static MapViewModel map;
    private static RunDiffViewModel diff;
    @Start
    void start(Stage stage) throws IOException {
        if (window == null) {
            build();
        }
    }

    /// The sample runs are made off the FX thread (a few seconds each; @Start has a time limit).
    @BeforeAll
    static void makeRuns() {
        SampleRuns.korean("sembridge");
        SampleRuns.korean("ofa");
    }

    @AfterAll
    static void stopRunner() {
        if (runner != null) {
            runner.close();
        }
    }

    private static void build() throws IOException {
        BundledFonts.load();
        runner = new FxTaskRunner();
        DirectTaskRunner tasks = new DirectTaskRunner();
        RecordingDialogService dialogs = new RecordingDialogService();
        state = new WorkbenchState(Workspace.open(Files.createTempDirectory("sembridge-layout")));
        shell = new ShellViewModel();
        Navigator navigator = pageId -> window.showPage(pageId);
        ModelsViewModel models = new ModelsViewModel(tasks, dialogs);
        RunsViewModel runs = new RunsViewModel(tasks, dialogs, state, models, SampleRuns.transfer(), Runnable::run);
        InspectorViewModel inspector = new InspectorViewModel(state, tasks, dialogs,
                SampleRuns.REPO.resolve(RunMapping.BUNDLED_LEXICON));
        map = new MapViewModel(state, tasks, dialogs, navigator, Runnable::run);
        SearchViewModel search = new SearchViewModel(tasks, dialogs, state, navigator, SampleRuns.REPO);
        diff = new RunDiffViewModel(state, tasks, dialogs, navigator, inspector.detail().compareRunProperty()::set);
        List<WorkbenchPage> pages = List.of(
                new WorkbenchPage("models", "Models", "Models", () -> new ModelsView(models, dialogs).root()),
                new WorkbenchPage("runs", "Runs", "Runs", () -> new RunsView(runs).root()),
                new WorkbenchPage("inspector", "Inspector", "Inspector", () -> new InspectorView(inspector, state).root()),
                new WorkbenchPage("map", "Map", "Map", () -> new MapView(map).root()),
                new WorkbenchPage("search", "Search", "Search", () -> new SearchView(search, dialogs).root()),
                new WorkbenchPage("diff", "Diff", "Diff", () -> new RunDiffView(diff).root()));
        window = new MainWindow(pages, runner, shell, new KeyMap());
        models.loadSampleModels(SampleRuns.REPO, "ko");
        state.openRun(OpenRun.of(SampleRuns.korean("sembridge")));
        state.addRun(OpenRun.of(SampleRuns.korean("ofa")));
    }

    @Test
    void theModelsPageKeepsEveryTextWhole(FxRobot robot) {
        assertWholeAtProjectorSizes(robot, "models");
    }

    @Test
    void theRunsPageKeepsEveryTextWhole(FxRobot robot) {
        assertWholeAtProjectorSizes(robot, "runs");
    }

    @Test
    void theRunsPageShowsBothOpenRunsWholeAtProjectorSizes(FxRobot robot) {
        // at 1280x800 presenting, the split's 0.62 divider left the open-runs table 1.5 rows
        List<String> tooFew = new ArrayList<>();
        for (int[] size : SIZES) {
            for (boolean presentation : new boolean[] {true, false}) {
                show(robot, "runs", size, presentation);
                TableView<?> table = (TableView<?>) window.root().lookup("#runsTable");
                List<Long> shown = new ArrayList<>();
                robot.interact(() -> shown.add(robot.from(table).lookup(".table-row-cell").queryAll().stream()
                        .filter(row -> ((TableRow<?>) row).getItem() != null)
                        .filter(LayoutAudit::shownFullHeight)
                        .count()));
                if (shown.getFirst() < 2) {
                    tooFew.add(size[0] + "x" + size[1] + (presentation ? " presenting" : " dark") + ": "
                            + shown.getFirst() + " of 2 open runs shown whole");
                }
            }
        }
        assertEquals(List.of(), tooFew);
    }

    @Test
    void theInspectorPageKeepsEveryTextWhole(FxRobot robot) {
        assertWholeAtProjectorSizes(robot, "inspector");
    }

    @Test
    void theMapPageKeepsEveryTextWhole(FxRobot robot) {
        // the page makes no map by itself: a presenter presses Run
        show(robot, "map", SIZES[0], false);
        robot.interact(map::runMap);
        WaitForAsyncUtils.waitForFxEvents();
        assertWholeAtProjectorSizes(robot, "map");
    }

    @Test
    void theDiffPageKeepsEveryTextWhole(FxRobot robot) {
        // the page compares nothing by itself: a presenter presses Compare
        show(robot, "diff", SIZES[0], false);
        robot.interact(diff::compare);
        WaitForAsyncUtils.waitForFxEvents();
        assertWholeAtProjectorSizes(robot, "diff");
    }

    @Test
    void theSearchPageKeepsEveryTextWholeAndShowsEightEvaluationRows(FxRobot robot) {
        robot.interact(() -> window.showPage("search"));
        WaitForAsyncUtils.waitForFxEvents();
        show(robot, "search", SIZES[0], false);
        Button evaluate = (Button) window.root().lookup("#runEvaluation");
        robot.interact(evaluate::fire);
        WaitForAsyncUtils.waitForFxEvents();
        // every tab: the hits (shown first), the evaluation, the index browser with its tokens read,
        // the index
        for (String tab : List.of("hitsTab", "evaluationTab", "indexBrowserTab", "indexTab")) {
            selectTab(robot, tab);
            assertWholeAtProjectorSizes(robot, "search");
        }
        selectTab(robot, "evaluationTab");
        List<String> tooFew = new ArrayList<>();
        for (int[] size : SIZES) {
            for (boolean presentation : new boolean[] {true, false}) {
                show(robot, "search", size, presentation);
                TableView<?> table = (TableView<?>) window.root().lookup("#evaluationTable");
                List<Long> shown = new ArrayList<>();
                // rows a reader sees without scrolling the page: their whole height inside the
                // window, the page's viewport and the table's own clip
                robot.interact(() -> shown.add(robot.from(table).lookup(".table-row-cell").queryAll().stream()
                        .filter(row -> ((TableRow<?>) row).getItem() != null)
                        .filter(LayoutAudit::shownFullHeight)
                        .count()));
                if (shown.getFirst() < 9) {
                    tooFew.add("the mean row and at least 8 queries at " + size[0] + "x" + size[1]
                            + (presentation ? " presenting" : " dark") + ": " + shown.getFirst() + " rows shown");
                }
            }
        }
        assertEquals(List.of(), tooFew);
    }

    @Test
    void theInspectorsColumnHeadersAreWholeWhenPresentingAt1280x800(FxRobot robot) {
        show(robot, "inspector", SIZES[0], true);
        TableView<?> table = (TableView<?>) window.root().lookup("#tokenTable");
        List<List<LayoutAudit.Finding>> cut = new ArrayList<>();
        robot.interact(() -> cut.add(LayoutAudit.cutHeaders(table)));
        assertEquals(List.of(), cut.getFirst(), "headers shown or scrolled sideways out of view");
        assertTrue(table.lookupAll(".column-header").size() >= table.getVisibleLeafColumns().size(),
                "every column has a header laid out");
    }

    private static void selectTab(FxRobot robot, String tabId) {
        robot.interact(() -> {
            TabPane tabs = (TabPane) window.root().lookup("#searchTabs");
            tabs.getTabs().stream().filter(tab -> tabId.equals(tab.getId())).findFirst()
                    .ifPresent(tab -> tabs.getSelectionModel().select(tab));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /// Shows `page` at both sizes, presenting (light) and in the dark theme (normal font), and
    /// collects every finding; one assertion lists them all.
    private void assertWholeAtProjectorSizes(FxRobot robot, String page) {
        List<String> findings = new ArrayList<>();
        for (int[] size : SIZES) {
            for (boolean presentation : new boolean[] {true, false}) {
                show(robot, page, size, presentation);
                String where = page + " at " + size[0] + "x" + size[1] + (presentation ? ", presenting" : ", dark");
                audit(robot).forEach(finding -> findings.add(where + ": " + finding));
                Node toggle = window.root().lookup("#presentationToggle");
                double headerTop = toggle.localToScene(toggle.getLayoutBounds()).getMinY();
                if (headerTop < 0) {
                    findings.add(where + ": the header is pushed off the top of the window (" + headerTop + ")");
                }
            }
        }
        findings.forEach(System.out::println);
        assertEquals(List.of(), findings);
    }

    private static List<LayoutAudit.Finding> audit(FxRobot robot) {
        List<List<LayoutAudit.Finding>> result = new ArrayList<>();
        robot.interact(() -> result.add(LayoutAudit.audit(window.root())));
        return result.getFirst();
    }

    private void show(FxRobot robot, String page, int[] size, boolean presentation) {
        // as a presenter does: the window at the projector's size first, then the mode switched on
        robot.interact(() -> {
            if (window.root().getScene() != null) {
                window.root().getScene().setRoot(new Group());
            }
            shell.presentationProperty().set(false);
            shell.darkThemeProperty().set(false);
            // laid out in a scene of the projector's size without a window: the headless
            // platform's screen is 1000 x 1000 px and cannot show a larger window
            new Scene(window.root(), size[0], size[1]);
            window.showPage(page);
            if (page.equals("inspector") || page.equals("map")) {
                state.selectedTokenProperty().set(DEMO_TOKEN);
            }
            window.root().applyCss();
            window.root().layout();
        });
        robot.interact(() -> {
            shell.presentationProperty().set(presentation);
            shell.darkThemeProperty().set(!presentation);
        });
        // the shell fits the page's text after each layout pulse, which lays it out again: a few
        // rounds of what a pulse does
        for (int i = 0; i < 4; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                window.root().applyCss();
                window.root().layout();
                window.fitPageText();
            });
        }
    }
}
