package org.sembridge.app.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import javafx.scene.Scene;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.app.HeaderSorts;
import org.sembridge.app.SampleRuns;
import org.sembridge.app.common.FxTaskRunner;
import org.sembridge.app.common.RecordingDialogService;
import org.sembridge.app.workspace.WorkbenchState;
import org.sembridge.app.workspace.Workspace;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// Issue 15.1 for the per-query evaluation table (one row per query of a queries file):
/// 250,000 rows, Ctrl+A, then a sort by every column, ascending and descending, each followed
/// by a repaint. The table selects one row at a time, so select-all leaves at most one selected
/// row to restore after a sort; the sort reads each column's keys once and sorts row numbers
/// (`TableSorting`). The test checks the order (mean row first, then the column's order) and the
/// selection after every sort, and prints each sort + repaint time, wall and the FX thread's CPU
/// time (the machine is shared; no timing assertion). The rows arrive as the page gets them, on
/// the workbench's task runner, which ranks the columns' keys in the background; the sorts start
/// once that is done (its time is printed too).
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class EvaluationTableScaleGuiTest {

    private static final int ROWS = 250_000;

    @TempDir
    static Path workspace;

    private final FxTaskRunner runner = new FxTaskRunner();
    private TableView<QueryRow> table;
    private long rowsNanos;

    @Start
    void start(Stage stage) throws IOException {
        RecordingDialogService dialogs = new RecordingDialogService();
        SearchViewModel viewModel = new SearchViewModel(runner, dialogs,
                new WorkbenchState(Workspace.open(workspace)), pageId -> { }, SampleRuns.REPO);
        EvaluationPanel panel = new EvaluationPanel(viewModel, dialogs, () -> { });
        List<QueryRow> rows = rows(ROWS, 20_260_115L);
        rowsNanos = System.nanoTime();
        viewModel.evaluationRows().setAll(rows);
        stage.setScene(new Scene(new StackPane(panel.root()), 1280, 800));
        stage.show();
    }

    @AfterEach
    void closeRunner() {
        runner.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void selectAllThenSortingEveryColumnKeepsOrderAndSelectionAt250000Rows(FxRobot robot) {
        String ranking = HeaderSorts.awaitBackgroundRanking(runner, rowsNanos);
        table = robot.lookup("#evaluationTable").queryAs(TableView.class);
        assertEquals(ROWS + 1, table.getItems().size());
        assertEquals(SelectionMode.SINGLE, table.getSelectionModel().getSelectionMode(),
                "one row at a time: a sort restores at most one selected row");
        robot.clickOn(table).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        List<String> timings = HeaderSorts.sortEveryColumn(robot, table, (column, ascending) -> {
            List<QueryRow> items = List.copyOf(table.getItems());
            assertTrue(items.getFirst().mean(), "the mean row stays first when sorting by " + column.getText());
            assertSorted(items.subList(1, items.size()), column, ascending);
            assertTrue(table.getSelectionModel().getSelectedIndices().size() <= 1,
                    "at most one selected row after sorting by " + column.getText());
        });
        System.out.println("EvaluationTableScaleGuiTest, " + ROWS + " rows, " + ranking + ", sort + repaint: "
                + timings);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void assertSorted(List<QueryRow> rows, TableColumn<QueryRow, ?> column, boolean ascending) {
        Comparator comparator = ascending ? column.getComparator() : column.getComparator().reversed();
        for (int i = 1; i < rows.size(); i++) {
            Object previous = column.getCellObservableValue(rows.get(i - 1)).getValue();
            Object current = column.getCellObservableValue(rows.get(i)).getValue();
            if (comparator.compare(previous, current) > 0) {
                throw new AssertionError("rows " + (i - 1) + " and " + i + " out of order by " + column.getText()
                        + (ascending ? " ascending" : " descending")
                        + ": " + previous + " before " + current);
            }
        }
    }

    private static List<QueryRow> rows(int count, long seed) {
        Random random = new Random(seed);
        List<QueryRow> rows = new ArrayList<>(count + 1);
        rows.add(new QueryRow("mean", "mean of " + count + " queries", 0.5, 0.5, 0.5, 0.5, List.of(), true));
        for (int i = 0; i < count; i++) {
            rows.add(new QueryRow("q" + random.nextInt(count), "query text " + random.nextInt(1_000_000),
                    random.nextDouble(), random.nextDouble(), random.nextDouble(), random.nextDouble(), List.of(),
                    false));
        }
        return rows;
    }
}
