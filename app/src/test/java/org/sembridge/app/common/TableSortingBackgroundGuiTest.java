package org.sembridge.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// [TableSorting] on a table of [TableSorting#BACKGROUND_ROWS] rows or more with a task runner:
/// the columns are ranked on the runner when the rows arrive, a header sort before the ranks land
/// shows the new order once they do, rows that change meanwhile make the ranking stale, and the
/// FX thread never reads a key. Orders are checked against a stable sort with each column's
/// comparator (seeded rows; the seed is printed).
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class TableSortingBackgroundGuiTest {

    private record Row(String name, String group, double score, boolean pinned) {
    }

    private static final long SEED = 2_026_120_7L;
    private static final int ROWS = TableSorting.BACKGROUND_ROWS + 5_000;
    private static final Comparator<Row> BY_NAME = Comparator.comparing(Row::name, TableSorting.TEXTS);
    private static final Comparator<Row> BY_SCORE = Comparator.comparingDouble(Row::score);

    private final QueuedTaskRunner queued = new QueuedTaskRunner();
    private final FxTaskRunner engine = new FxTaskRunner();
    /// Key reads on the FX thread, by the table ranked on `engine`.
    private final AtomicInteger fxKeyReads = new AtomicInteger();
    private ObservableList<Row> rows;
    private ObservableList<Row> engineRows;
    private TableView<Row> table;
    private TableColumn<Row, String> name;
    private TableColumn<Row, String> group;
    private TableColumn<Row, Double> score;
    private TableSorting<Row> sorting;
    private TableView<Row> engineTable;
    private TableColumn<Row, String> engineName;
    private TableSorting<Row> engineSorting;

    @Start
    void start(Stage stage) {
        System.out.println("TableSortingBackgroundGuiTest seed " + SEED);
        rows = FXCollections.observableArrayList(rows(new Random(SEED), ROWS));
        table = new TableView<>();
        name = column("name", Row::name);
        group = column("group", Row::group);
        score = new TableColumn<>("score");
        score.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().score()));
        table.getColumns().add(name);
        table.getColumns().add(group);
        table.getColumns().add(score);
        sorting = new TableSorting<>(table, rows, Row::pinned, queued)
                .byText(name, Row::name, TableSorting.TEXTS)
                .byText(group, Row::group, TableSorting.TEXTS)
                .byNumber(score, Row::score);

        engineRows = FXCollections.observableArrayList();
        engineTable = new TableView<>();
        engineName = column("name", Row::name);
        engineTable.getColumns().add(engineName);
        engineSorting = new TableSorting<>(engineTable, engineRows, Row::pinned, engine)
                .byText(engineName, row -> {
                    if (Platform.isFxApplicationThread()) {
                        fxKeyReads.incrementAndGet();
                    }
                    return row.name();
                }, TableSorting.TEXTS);
        stage.setScene(new Scene(new javafx.scene.layout.HBox(table, engineTable), 600, 400));
        stage.show();
    }

    @AfterEach
    void closeRunner() {
        engine.close();
    }

    private static TableColumn<Row, String> column(String title, java.util.function.Function<Row, String> value) {
        TableColumn<Row, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }

    /// Names of 1-3 letters in both cases (many ties), a few groups, scores with ties, one pinned
    /// row in the middle.
    private static List<Row> rows(Random random, int count) {
        List<Row> made = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder();
            for (int k = 0, length = 1 + random.nextInt(3); k < length; k++) {
                text.append((char) ((random.nextBoolean() ? 'a' : 'A') + random.nextInt(6)));
            }
            made.add(new Row(text.toString(), "g" + random.nextInt(4), random.nextInt(50) / 10.0, i == count / 2));
        }
        return made;
    }

    private void sort(FxRobot robot, TableView<Row> view, TableColumn.SortType type, List<TableColumn<Row, ?>> columns) {
        robot.interact(() -> {
            columns.forEach(column -> column.setSortType(type));
            view.getSortOrder().setAll(columns);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /// The pinned rows, then the others stably sorted by `order` (the expected table).
    private static List<Row> expected(List<Row> source, Comparator<Row> order) {
        List<Row> sorted = new ArrayList<>(source.stream().filter(Row::pinned).toList());
        List<Row> others = new ArrayList<>(source.stream().filter(row -> !row.pinned()).toList());
        if (order != null) {
            others.sort(order);
        }
        sorted.addAll(others);
        return sorted;
    }

    @Test
    void aSortBeforeTheRanksLandShowsTheRowsOrderThenTheSortedOrderWhenTheyArrive(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, queued.queuedCount(), "the rows' arrival queued one ranking of every column");
        sort(robot, table, TableColumn.SortType.ASCENDING, List.of(name));
        assertEquals(expected(rows, null), List.copyOf(table.getItems()), "no ranks yet: the rows keep their order");
        assertTrue(sorting.isRanking());

        robot.interact(queued::runAll);
        assertEquals(expected(rows, BY_NAME), List.copyOf(table.getItems()));
        assertFalse(sorting.isRanking());
    }

    @Test
    void onceRankedEverySortBothWaysAndByTwoColumnsNeedsNoMoreRanking(FxRobot robot) {
        robot.interact(queued::runAll);
        sort(robot, table, TableColumn.SortType.DESCENDING, List.of(name));
        assertEquals(expected(rows, BY_NAME.reversed()), List.copyOf(table.getItems()));
        sort(robot, table, TableColumn.SortType.ASCENDING, List.of(score));
        assertEquals(expected(rows, BY_SCORE), List.copyOf(table.getItems()));
        sort(robot, table, TableColumn.SortType.DESCENDING, List.of(group, score));
        Comparator<Row> byGroup = Comparator.comparing(Row::group, TableSorting.TEXTS);
        assertEquals(expected(rows, byGroup.reversed().thenComparing(BY_SCORE.reversed())),
                List.copyOf(table.getItems()), "group descending, then score descending, ties in the rows' order");
        assertEquals(0, queued.queuedCount(), "header sorts only applied the ranks made when the rows arrived");
    }

    @Test
    void rowsThatChangeWhileRankingMakeItStaleAndTheNewRowsAreRankedAndSorted(FxRobot robot) {
        sort(robot, table, TableColumn.SortType.ASCENDING, List.of(score));
        List<Row> newRows = rows(new Random(SEED + 1), ROWS + 10);
        robot.interact(() -> rows.setAll(newRows));
        assertEquals(1, queued.queuedCount(), "one ranking runs at a time");
        robot.interact(queued::runNext);
        assertEquals(1, queued.queuedCount(), "the stale ranking was followed by one for the new rows");
        assertEquals(expected(newRows, null), List.copyOf(table.getItems()), "the stale ranks were not applied");
        robot.interact(queued::runAll);
        assertEquals(expected(newRows, BY_SCORE), List.copyOf(table.getItems()));
    }

    @Test
    void aCancelledRankingTakesItsSortBackAndALaterSortRanksAgain(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        sort(robot, table, TableColumn.SortType.ASCENDING, List.of(name));
        robot.interact(() -> {
            queued.cancelNext();
            queued.runAll();
        });
        assertEquals(List.of(), List.copyOf(table.getSortOrder()), "no arrow for an order the rows are not in");
        assertEquals(expected(rows, null), List.copyOf(table.getItems()));
        assertFalse(sorting.isRanking());

        sort(robot, table, TableColumn.SortType.ASCENDING, List.of(name));
        assertEquals(1, queued.queuedCount(), "the header click ranks again");
        robot.interact(queued::runAll);
        assertEquals(expected(rows, BY_NAME), List.copyOf(table.getItems()));
        assertEquals(List.of(name), List.copyOf(table.getSortOrder()));
    }

    @Test
    void theFxThreadNeverReadsAKeyOfALargeTable(FxRobot robot) throws Exception {
        List<Row> made = rows(new Random(SEED + 2), ROWS);
        robot.interact(() -> engineRows.setAll(made));
        sort(robot, engineTable, TableColumn.SortType.DESCENDING, List.of(engineName));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(() -> !engineSorting.isRanking()).get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(expected(made, BY_NAME.reversed()), List.copyOf(engineTable.getItems()));
        sort(robot, engineTable, TableColumn.SortType.ASCENDING, List.of(engineName));
        assertEquals(expected(made, BY_NAME), List.copyOf(engineTable.getItems()));
        assertEquals(0, fxKeyReads.get(), "keys read on the FX thread");
    }
}
