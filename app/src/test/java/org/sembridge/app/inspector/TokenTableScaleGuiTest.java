package org.sembridge.app.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
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

/// The token table with a synthetic 250,000-row store: only a screenful of cells exists, a
/// header sort and a typed filter give the right order, and the time from command to laid-out
/// table is printed (a figure, not an assertion).
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class TokenTableScaleGuiTest {

    private static final int ROWS = 250_000;
    private static final long SEED = 77L;
    private static TokenFigures figures;

    private InspectorViewModel viewModel;
    private InspectorView view;

    @BeforeAll
    static void buildStore() {
        System.out.println("TokenTableScaleGuiTest seed " + SEED);
        figures = SyntheticFigures.of(ROWS, SEED);
    }

    @Start
    void start(Stage stage) {
        WorkbenchState state;
        try {
            state = new WorkbenchState(Workspace.open(Files.createTempDirectory("inspector-scale")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        viewModel = new InspectorViewModel(state, new DirectTaskRunner(), new RecordingDialogService(),
                Files.exists(InspectorViewModelTest.LEXICON) ? InspectorViewModelTest.LEXICON : null);
        view = new InspectorView(viewModel, state);
        stage.setScene(new Scene(view.root(), 1400, 900));
        stage.show();
        viewModel.show(figures, null);
    }

    @Test
    void onlyAScreenfulOfCellsExistsForAQuarterMillionRows(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitForFxEvents();
        TableView<Integer> table = view.table().node();
        assertEquals(ROWS, table.getItems().size());
        robot.interact(() -> table.scrollTo(ROWS / 2));
        robot.interact(() -> table.scrollTo(ROWS - 1));
        WaitForAsyncUtils.waitForFxEvents();
        int rowCells = robot.lookup(".table-row-cell").queryAll().size();
        int cells = view.table().createdCellCount();
        System.out.printf(Locale.ROOT, "250k-row table: %d row cells, %d table cells created%n", rowCells, cells);
        int screenful = (int) Math.ceil(900 / table.getFixedCellSize()) + 10;
        assertTrue(rowCells <= screenful, rowCells + " row cells");
        assertTrue(cells <= screenful * TokenColumn.values().length, cells + " cells");
        // scrollTo(last) shows the end of the list (the very last row may sit just below the fold)
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> InspectorViewGuiTest.visibleRows(robot).stream()
                .anyMatch(row -> row.getItem() instanceof Integer item && item >= ROWS - 3));
    }

    @Test
    void headerSortByTopWeightDescendingOrdersAllRows(FxRobot robot) {
        TableView<Integer> table = view.table().node();
        TableColumn<Integer, ?> column = table.getColumns().get(TokenColumn.TOP_WEIGHT.ordinal());
        assertEquals("column-top-weight", column.getId());
        for (TokenColumn warmUp : new TokenColumn[] {TokenColumn.ENTROPY, TokenColumn.SUPPORT, TokenColumn.ID}) {
            robot.interact(() -> viewModel.sortBy(warmUp, false));
        }
        long start = System.nanoTime();
        robot.interact(() -> {
            column.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(column);
        });
        WaitForAsyncUtils.waitForFxEvents();
        System.out.printf(Locale.ROOT, "250k-row table: header sort by top weight, command to laid-out table %.0f ms "
                + "(%s)%n", (System.nanoTime() - start) / 1e6, viewModel.summaryProperty().get());
        assertEquals(new TokenSort(TokenColumn.TOP_WEIGHT, false), viewModel.sortProperty().get());
        assertDescendingTopWeight(table);
        assertEquals(ROWS, table.getItems().size());
    }

    @Test
    void typedFilterKeepsExactlyTheMatchingRowsInSortOrder(FxRobot robot) {
        TableView<Integer> table = view.table().node();
        robot.interact(() -> viewModel.sortBy(TokenColumn.TOP_WEIGHT, false));
        robot.clickOn("#tokenFilter").write("qz");
        WaitForAsyncUtils.waitForFxEvents();
        long expected = IntStream.range(0, ROWS).filter(row -> figures.token(row).contains("qz")).count();
        assertTrue(expected > 0, "synthetic tokens containing 'qz': " + expected);
        assertEquals(expected, table.getItems().size());
        assertTrue(table.getItems().stream().allMatch(row -> figures.token(row).contains("qz")));
        assertDescendingTopWeight(table);
        printFilterTimes(robot);
    }

    /// Times a filter change from the command to the laid-out table, after the typing above
    /// warmed the code up.
    private void printFilterTimes(FxRobot robot) {
        long idle = System.nanoTime();
        robot.interact(() -> { });
        WaitForAsyncUtils.waitForFxEvents();
        System.out.printf(Locale.ROOT, "250k-row table: baseline, an empty command to laid-out table %.0f ms%n",
                (System.nanoTime() - idle) / 1e6);
        for (String text : new String[] {"", "q", "qz", "", "e"}) {
            long start = System.nanoTime();
            robot.interact(() -> viewModel.filterTextProperty().set(text));
            WaitForAsyncUtils.waitForFxEvents();
            System.out.printf(Locale.ROOT, "250k-row table: filter '%s' -> %,d rows, command to laid-out table %.0f ms "
                    + "(filter alone %.1f ms)%n", text, view.table().node().getItems().size(),
                    (System.nanoTime() - start) / 1e6, viewModel.filterNanosProperty().get() / 1e6);
        }
    }

    private static void assertDescendingTopWeight(TableView<Integer> table) {
        for (int i = 1; i < table.getItems().size(); i++) {
            int previous = table.getItems().get(i - 1);
            int next = table.getItems().get(i);
            float a = figures.topWeight(previous);
            float b = figures.topWeight(next);
            boolean ordered = Float.isNaN(b) || (!Float.isNaN(a) && (a > b || (a == b && previous < next)));
            assertTrue(ordered, "position " + i + ": " + a + " then " + b);
        }
    }
}
