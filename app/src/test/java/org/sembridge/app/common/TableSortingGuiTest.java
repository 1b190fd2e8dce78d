package org.sembridge.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// [TableSorting] on a small table: header sorts by each column's key with ties in the rows' own
/// order both ways, pinned rows first, the selected row kept through sorts and through a new
/// list of rows.
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class TableSortingGuiTest {

    private record Row(String name, double score, boolean pinned) {
    }

    private static final Row MEAN = new Row("mean", 0.5, true);
    private static final Row B1 = new Row("b", 0.2, false);
    private static final Row A = new Row("A", 0.9, false);
    private static final Row B2 = new Row("B", 0.2, false);
    private static final Row C = new Row("c", Double.NaN, false);

    private final ObservableList<Row> rows = FXCollections.observableArrayList(B1, MEAN, A, B2, C);
    private TableView<Row> table;
    private TableColumn<Row, String> name;
    private TableColumn<Row, Double> score;

    @Start
    void start(Stage stage) {
        table = new TableView<>();
        name = new TableColumn<>("name");
        score = new TableColumn<>("score");
        name.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().name()));
        score.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().score()));
        table.getColumns().add(name);
        table.getColumns().add(score);
        new TableSorting<>(table, rows, Row::pinned)
                .byText(name, Row::name, TableSorting.TEXTS)
                .byNumber(score, Row::score);
        stage.setScene(new Scene(table, 400, 300));
        stage.show();
    }

    private void sort(FxRobot robot, TableColumn<Row, ?> column, TableColumn.SortType type) {
        robot.interact(() -> {
            column.setSortType(type);
            table.getSortOrder().setAll(column);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void unsortedTheRowsKeepTheirOrderBehindThePinnedRow() {
        assertEquals(List.of(MEAN, B1, A, B2, C), List.copyOf(table.getItems()));
    }

    @Test
    void textsSortIgnoringCaseThenExactlyWithThePinnedRowFirstBothWays(FxRobot robot) {
        sort(robot, name, TableColumn.SortType.ASCENDING);
        assertEquals(List.of(MEAN, A, B2, B1, C), List.copyOf(table.getItems()));
        sort(robot, name, TableColumn.SortType.DESCENDING);
        assertEquals(List.of(MEAN, C, B1, B2, A), List.copyOf(table.getItems()));
    }

    @Test
    void equalNumbersKeepTheRowsOrderBothWaysAndNaNIsGreatest(FxRobot robot) {
        sort(robot, score, TableColumn.SortType.ASCENDING);
        assertEquals(List.of(MEAN, B1, B2, A, C), List.copyOf(table.getItems()));
        sort(robot, score, TableColumn.SortType.DESCENDING);
        assertEquals(List.of(MEAN, C, A, B1, B2), List.copyOf(table.getItems()));
    }

    @Test
    void clearingTheSortOrderRestoresTheRowsOrder(FxRobot robot) {
        sort(robot, score, TableColumn.SortType.DESCENDING);
        robot.interact(() -> table.getSortOrder().clear());
        assertEquals(List.of(MEAN, B1, A, B2, C), List.copyOf(table.getItems()));
    }

    @Test
    void theSelectedRowStaysSelectedThroughSorts(FxRobot robot) {
        robot.interact(() -> table.getSelectionModel().select(2));
        assertEquals(A, table.getSelectionModel().getSelectedItem());
        sort(robot, name, TableColumn.SortType.ASCENDING);
        assertEquals(1, table.getSelectionModel().getSelectedIndex());
        assertEquals(A, table.getSelectionModel().getSelectedItem());
        sort(robot, score, TableColumn.SortType.DESCENDING);
        assertEquals(2, table.getSelectionModel().getSelectedIndex());
        assertEquals(A, table.getSelectionModel().getSelectedItem());
    }

    @Test
    void newRowsAreSortedAndKeepTheSelectedRowWhileItIsAmongThem(FxRobot robot) {
        sort(robot, name, TableColumn.SortType.ASCENDING);
        robot.interact(() -> table.getSelectionModel().select(B1));
        Row d = new Row("d", 0.1, false);
        robot.interact(() -> rows.setAll(d, B1, new Row("a", 0.3, false)));
        assertEquals(List.of("a", "b", "d"), table.getItems().stream().map(Row::name).toList());
        assertEquals(B1, table.getSelectionModel().getSelectedItem());
        assertEquals(1, table.getSelectionModel().getSelectedIndex());

        robot.interact(() -> rows.remove(B1));
        assertEquals(List.of("a", "d"), table.getItems().stream().map(Row::name).toList());
        assertNull(table.getSelectionModel().getSelectedItem(), "a removed row is no longer selected");
    }
}
