package org.sembridge.app;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.sembridge.app.common.FxTaskRunner;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/// Sorts a large table by every column, ascending then descending, as header clicks do
/// (`TableColumnHeader`: a first click sets the column ascending and makes it the only sort
/// column, a second sets it descending), and measures each sort from the command to the
/// laid-out table, wall time and the FX thread's CPU time. The figures are
/// printed by the caller, never asserted (the machine is shared); `check` verifies each order.
public final class HeaderSorts {

    /// Checks the table after a sort by `column` in direction `ascending`.
    @FunctionalInterface
    public interface Check<T> {
        /// Throws when the table's items are not in the expected order.
        void verify(TableColumn<T, ?> column, boolean ascending);
    }

    /// Whether the table shows the order of a sort by `column` in direction `ascending` yet
    /// (for tables that sort off the FX thread).
    @FunctionalInterface
    public interface Settled<T> {
        /// True once the sort has landed.
        boolean test(TableColumn<T, ?> column, boolean ascending);
    }

    private HeaderSorts() {
    }

    /// As [#sortEveryColumn(FxRobot, TableView, Check)] for a table whose sorts land later: each
    /// time runs until `settled` holds (polled every few milliseconds, at most five minutes).
    public static <T> List<String> sortEveryColumn(FxRobot robot, TableView<T> table, Settled<T> settled,
            Check<T> check) {
        return sort(robot, table, settled, check);
    }

    /// Sorts `table` by each column both ways and returns one line per sort:
    /// `token desc 412 ms (FX thread CPU 380 ms)`.
    public static <T> List<String> sortEveryColumn(FxRobot robot, TableView<T> table, Check<T> check) {
        return sort(robot, table, (column, ascending) -> true, check);
    }

    private static <T> List<String> sort(FxRobot robot, TableView<T> table, Settled<T> settled, Check<T> check) {
        List<String> figures = new ArrayList<>();
        for (TableColumn<T, ?> column : List.copyOf(table.getColumns())) {
            for (TableColumn.SortType type : TableColumn.SortType.values()) {
                long[] fxCpuNanos = new long[1];
                long start = System.nanoTime();
                robot.interact(() -> {
                    long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                    column.setSortType(type);
                    if (table.getSortOrder().size() != 1 || table.getSortOrder().getFirst() != column) {
                        table.getSortOrder().setAll(column);
                    }
                    table.layout();
                    fxCpuNanos[0] = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu;
                });
                boolean ascending = type == TableColumn.SortType.ASCENDING;
                try {
                    WaitForAsyncUtils.waitFor(5, TimeUnit.MINUTES, () -> settled.test(column, ascending));
                } catch (TimeoutException e) {
                    throw new AssertionError("the sort by " + title(column) + " did not land in five minutes", e);
                }
                WaitForAsyncUtils.waitForFxEvents();
                long nanos = System.nanoTime() - start;
                figures.add(String.format(Locale.ROOT, "%s %s %.0f ms (FX thread CPU %.0f ms)", title(column),
                        ascending ? "asc" : "desc", nanos / 1e6, fxCpuNanos[0] / 1e6));
                check.verify(column, ascending);
            }
        }
        return figures;
    }

    /// Waits until `runner` has no task left (the columns' ranks made in the background after the
    /// rows arrived at `rowsNanos`, a `System.nanoTime()`) and returns
    /// `ranked in the background 812 ms after the rows arrived`.
    public static String awaitBackgroundRanking(FxTaskRunner runner, long rowsNanos) {
        WaitForAsyncUtils.waitForFxEvents();
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.MINUTES,
                    () -> WaitForAsyncUtils.asyncFx(() -> runner.runningTasks().isEmpty()).get());
        } catch (TimeoutException e) {
            throw new AssertionError("the background ranking did not finish in five minutes", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        return String.format(Locale.ROOT, "ranked in the background %.0f ms after the rows arrived",
                (System.nanoTime() - rowsNanos) / 1e6);
    }

    /// The column's header text (its graphic's text when it has one).
    public static String title(TableColumn<?, ?> column) {
        if (column.getText() != null && !column.getText().isEmpty()) {
            return column.getText();
        }
        return column.getGraphic() instanceof javafx.scene.control.Labeled label ? label.getText() : column.getId();
    }
}
