package org.sembridge.app.inspector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.IntStream;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sembridge.app.common.DirectTaskRunner;
import org.sembridge.app.common.RecordingDialogService;
import org.sembridge.app.workspace.WorkbenchState;
import org.sembridge.app.workspace.Workspace;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// Issue 15 item 1: a real-vocabulary token table (262,145 synthetic rows) with every row
/// selected (Ctrl+A) sorts by every column header, filters and exports without freezing, and the
/// selection follows the tokens. `TableView.sort`'s own selection restore and the selection
/// model's cell-by-cell shift are quadratic (minutes at this size); the bound below is only a
/// hang guard, the printed times are figures, not assertions.
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class TokenTableSelectAllGuiTest {

    private static final int ROWS = 262_145;
    private static final long SEED = 15L;
    private static final Duration HANG_GUARD = Duration.ofMinutes(3);
    private static TokenFigures figures;

    private final RecordingDialogService dialogs = new RecordingDialogService();
    private InspectorViewModel viewModel;
    private InspectorView view;

    @BeforeAll
    static void buildStore() {
        figures = SyntheticFigures.of(ROWS, SEED);
    }

    @Start
    void start(Stage stage) {
        WorkbenchState state;
        try {
            state = new WorkbenchState(Workspace.open(Files.createTempDirectory("inspector-select-all")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        viewModel = new InspectorViewModel(state, new DirectTaskRunner(), dialogs, null);
        view = new InspectorView(viewModel, state);
        stage.setScene(new Scene(view.root(), 1400, 900));
        stage.show();
        viewModel.show(figures, null);
    }

    @Test
    void selectAllThenClickingEveryColumnHeaderSortsAndKeepsEveryRowSelected(FxRobot robot) {
        TableView<Integer> table = view.table().node();
        robot.clickOn(robot.lookup(".table-row-cell").nth(2).queryAs(Node.class));
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ROWS, table.getSelectionModel().getSelectedIndices().size());
        int lead = viewModel.selectedRowProperty().get();
        for (TokenColumn column : TokenColumn.values()) {
            TableColumn<Integer, ?> header = table.getColumns().get(column.ordinal());
            for (TableColumn.SortType type : TableColumn.SortType.values()) {
                long start = System.nanoTime();
                // what a header click does: set the column's sort type and make it the sort order
                assertTimeoutPreemptively(HANG_GUARD, () -> robot.interact(() -> {
                    header.setSortType(type);
                    table.getSortOrder().setAll(header);
                }), () -> "sorting " + column + " with every row selected hangs");
                WaitForAsyncUtils.waitForFxEvents();
                System.out.printf(Locale.ROOT, "262k rows, all selected: sort %s -> laid-out table %.0f ms%n",
                        viewModel.sortProperty().get(), (System.nanoTime() - start) / 1e6);
                assertEquals(new TokenSort(column, type == TableColumn.SortType.ASCENDING),
                        viewModel.sortProperty().get());
                assertEquals(ROWS, table.getSelectionModel().getSelectedIndices().size(), column + " sort");
                assertEquals(lead, viewModel.selectedRowProperty().get(), "the inspected token stays");
                assertEquals(lead, (int) table.getSelectionModel().getSelectedItem(), "the lead row stays");
            }
        }
        int[] expected = RowSorter.sort(figures, viewModel.sortProperty().get());
        assertArrayEquals(expected, viewModel.rows().toRowArray());
    }

    @Test
    void selectAllThenFilterExportAndClickARowStayResponsive(FxRobot robot) {
        TableView<Integer> table = view.table().node();
        robot.interact(() -> table.getSelectionModel().selectAll());
        assertTimeoutPreemptively(HANG_GUARD, () -> robot.interact(() -> viewModel.filterTextProperty().set("q")),
                "filtering with every row selected hangs");
        int[] kept = viewModel.rows().toRowArray();
        assertTrue(kept.length > 0 && kept.length < ROWS, kept.length + " rows kept");
        int[] exported = assertTimeoutPreemptively(HANG_GUARD, () -> view.table().selectedRows());
        assertArrayEquals(kept, exported, "every kept row stays selected and is exported");

        assertTimeoutPreemptively(HANG_GUARD, () -> robot.interact(() -> viewModel.filterTextProperty().set("")),
                "clearing the filter hangs");
        assertEquals(ROWS, table.getItems().size());
        robot.interact(() -> table.getSelectionModel().selectAll());
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            robot.clickOn(robot.lookup(".table-row-cell").nth(4).queryAs(Node.class));
            WaitForAsyncUtils.waitForFxEvents();
        }, "clicking one row after Ctrl+A hangs");
        assertEquals(1, table.getSelectionModel().getSelectedIndices().size());
        assertEquals(table.getSelectionModel().getSelectedItem(), viewModel.selectedRowProperty().get());
    }

    @Test
    void aSparseSelectionFollowsItsTokensThroughASortAndAFilterAndIsExported(FxRobot robot) {
        TableView<Integer> table = view.table().node();
        int[] everyThird = IntStream.range(0, ROWS).filter(row -> row % 3 == 0).toArray();
        robot.interact(() -> table.getSelectionModel().selectIndices(everyThird[0],
                Arrays.copyOfRange(everyThird, 1, everyThird.length)));
        assertTimeoutPreemptively(HANG_GUARD, () -> robot.interact(() -> viewModel.sortBy(TokenColumn.ENTROPY, false)),
                "sorting with a scattered selection hangs");
        int[] selectedAfterSort = assertTimeoutPreemptively(HANG_GUARD, () -> view.table().selectedRows());
        assertArrayEquals(IntStream.of(RowSorter.sort(figures, new TokenSort(TokenColumn.ENTROPY, false)))
                .filter(row -> row % 3 == 0).toArray(), selectedAfterSort, "the same tokens, in the new order");

        assertTimeoutPreemptively(HANG_GUARD, () -> robot.interact(() -> viewModel.filterTextProperty().set("q")),
                "filtering with a scattered selection hangs");
        int[] kept = viewModel.rows().toRowArray();
        assertTrue(kept.length > 0 && kept.length < ROWS, kept.length + " rows kept");
        assertArrayEquals(IntStream.of(kept).filter(row -> row % 3 == 0).toArray(),
                view.table().selectedRows(),
                "the filtered-in selected tokens stay selected");
    }
}
