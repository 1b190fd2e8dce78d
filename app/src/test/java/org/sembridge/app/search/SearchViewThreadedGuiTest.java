package org.sembridge.app.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.app.SampleRuns;
import org.sembridge.app.common.FxTaskRunner;
import org.sembridge.app.common.RecordingDialogService;
import org.sembridge.app.workspace.OpenRun;
import org.sembridge.app.workspace.WorkbenchState;
import org.sembridge.app.workspace.Workspace;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// The search page with the workbench's real [FxTaskRunner] (engine threads, results on the FX
/// thread): showing the page builds the demo index in the background, evaluates the demo queries,
/// and then a typed query runs on the engine threads and fills both hit lists.
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class SearchViewThreadedGuiTest {

    @TempDir
    static Path workspace;

    /// The Korean sample run, made (a transfer, the first time in a test JVM) before the window is set
    /// up: TestFX gives `@Start` a bounded time, which a loaded machine can exceed.
    private static OpenRun korean;

    private final RecordingDialogService dialogs = new RecordingDialogService();
    private FxTaskRunner runner;
    private SearchViewModel viewModel;

    @BeforeAll
    static void makeTheRun() {
        korean = OpenRun.of(SampleRuns.korean("sembridge"));
    }

    @Start
    void start(Stage stage) throws IOException {
        runner = new FxTaskRunner();
        WorkbenchState state = new WorkbenchState(Workspace.open(workspace));
        state.openRun(korean);
        viewModel = new SearchViewModel(runner, dialogs, state, pageId -> { }, SampleRuns.REPO);
        stage.setScene(new Scene(new SearchView(viewModel, dialogs).root(), 1400, 900));
        stage.show();
    }

    @AfterEach
    void stopEngineThreads() {
        runner.close();
    }

    @Test
    void demoIsPreparedInTheBackgroundAndAQuerySearchesOnEngineThreads(FxRobot robot) throws TimeoutException {
        TableView<?> table = robot.lookup("#evaluationTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(600, TimeUnit.SECONDS, () -> table.getItems().size() == 41 || !dialogs.errors.isEmpty());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
        TextField query = robot.lookup("#queryField").queryAs(TextField.class);
        robot.clickOn(query);
        robot.interact(() -> query.setText("소파 의자"));
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> viewModel.searchResultProperty().get() != null
                && "소파 의자".equals(viewModel.searchResultProperty().get().query()));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#sparseHits").queryAs(ListView.class).getItems().isEmpty());
        assertFalse(robot.lookup("#bm25Hits").queryAs(ListView.class).getItems().isEmpty());
    }
}
