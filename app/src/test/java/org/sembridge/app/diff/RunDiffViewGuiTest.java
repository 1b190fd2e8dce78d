package org.sembridge.app.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sembridge.app.SampleRuns;
import org.sembridge.app.common.ClipboardText;
import org.sembridge.app.common.DirectTaskRunner;
import org.sembridge.app.common.RecordingDialogService;
import org.sembridge.app.workspace.OpenRun;
import org.sembridge.app.workspace.WorkbenchState;
import org.sembridge.app.workspace.Workspace;
import org.sembridge.engine.workflow.TokenDifference;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// The diff page, headless, on the Korean SemBridge and OFA sample runs: nothing is computed until
/// Compare, Ctrl+Enter compares, the table shows every token most different first, the filter
/// narrows it, and Enter on a row shows the token in the inspector with both runs.
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class RunDiffViewGuiTest {

    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final List<String> pagesShown = new ArrayList<>();
    private final List<OpenRun> compared = new ArrayList<>();
    private WorkbenchState state;
    private RunDiffViewModel viewModel;
    private static OpenRun sembridge;
    private static OpenRun ofa;

    @BeforeAll
    static void makeRuns() {
        sembridge = OpenRun.of(SampleRuns.korean("sembridge"));
        ofa = OpenRun.of(SampleRuns.korean("ofa"));
    }

    @Start
    void start(Stage stage) {
        try {
            state = new WorkbenchState(Workspace.open(Files.createTempDirectory("diff-gui")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        state.openRun(sembridge);
        state.addRun(ofa);
        viewModel = new RunDiffViewModel(state, new DirectTaskRunner(), dialogs, pagesShown::add, compared::add);
        StackPane shell = new StackPane(new RunDiffView(viewModel).root());
        shell.getStyleClass().add("workbench");
        shell.getStylesheets().add(Objects.requireNonNull(
                org.sembridge.app.shell.MainWindow.class.getResource("workbench.css")).toExternalForm());
        stage.setScene(new Scene(shell, 1280, 800));
        stage.show();
    }

    @SuppressWarnings("unchecked")
    private static TableView<TokenDifference> table(FxRobot robot) {
        return robot.lookup("#diffTable").queryAs(TableView.class);
    }

    @Test
    void nothingIsComparedUntilCompareIsPressed(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(table(robot).getItems().isEmpty());
        assertFalse(robot.lookup("#diffCompare").queryAs(Button.class).isDisabled());
        assertTrue(robot.lookup("#diffExportCsv").queryAs(Button.class).isDisabled());

        robot.clickOn("#diffCompare");
        WaitForAsyncUtils.waitForFxEvents();

        TableView<TokenDifference> table = table(robot);
        assertEquals(sembridge.run().targetSize(), table.getItems().size());
        assertEquals(1, table.getItems().getFirst().rank());
        assertTrue(table.getItems().getFirst().divergenceBits() >= table.getItems().get(1).divergenceBits());
        assertTrue(robot.lookup("#diffSummary").queryAs(Label.class).getText().contains("built differently"));
        assertFalse(robot.lookup("#diffExportCsv").queryAs(Button.class).isDisabled());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void ctrlEnterComparesAndTheFilterNarrowsTheRows(FxRobot robot) {
        robot.clickOn("#diffFilter");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        int all = table(robot).getItems().size();
        assertEquals(sembridge.run().targetSize(), all);

        robot.clickOn("#diffMinDivergence").write("0.2");
        WaitForAsyncUtils.waitForFxEvents();
        List<TokenDifference> kept = List.copyOf(table(robot).getItems());
        assertTrue(kept.size() < all, kept.size() + " of " + all);
        assertTrue(kept.stream().allMatch(t -> t.comparable() && t.divergenceBits() >= 0.2));
    }

    @Test
    void enterOnASelectedRowShowsItsTokenInTheInspectorWithBothRuns(FxRobot robot) {
        robot.clickOn("#diffCompare");
        WaitForAsyncUtils.waitForFxEvents();
        IndexedCell<?> row = robot.lookup("#diffTable .table-row-cell").queryAll().stream()
                .map(node -> (IndexedCell<?>) node).filter(cell -> !cell.isEmpty()).findFirst().orElseThrow();
        TokenDifference difference = (TokenDifference) row.getItem();

        // a click selects the row and focuses the table; Enter is the keyboard's double-click (a
        // robot double-click's two clicks can arrive too far apart to count as one under load)
        robot.clickOn(row, MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(List.of("inspector"), pagesShown);
        assertSame(sembridge, state.currentRunProperty().get());
        assertEquals(List.of(ofa), compared);
        assertEquals(difference.token(), state.selectedTokenProperty().get());
    }

    @Test
    void copiedTextReachesTheClipboard(FxRobot robot) throws Exception {
        robot.interact(() -> ClipboardText.copy("{\"token\": \"집\"}"));
        String pasted = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString())
                .get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals("{\"token\": \"집\"}", pasted);
    }
}
