package org.sembridge.app.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/// Header sorting for a table of many rows (the evaluation's queries, the run diff's tokens, the
/// index browser's tokens): each column sorts by a key of its rows, and a header sort costs the
/// FX thread a few linear passes over `int` arrays, whatever the table's size and selection.
///
/// JavaFX's own path (a `SortedList` bound to the table's comparator) makes a cell value per
/// comparison, compares texts with a new `Collator` each time (over a minute per sort at 250,000
/// rows), and announces the new order as a permutation, for which the selection model builds a
/// boxed map of every position. Here a column's keys are read once per row into dense ranks (one
/// `n log n` sort of the rows by the column's order, the only comparison sort) and kept until the
/// rows change. A header sort then orders row numbers by those ranks with stable counting sorts
/// (one per sort column, the last first, then the pinned rows to the front): linear in the rows.
/// The table's items are an [IndexedRows] that announces the new order as updated positions, and
/// the one selected row (a table sorted this way selects one row at a time) is selected again at
/// its new position.
///
/// Where the ranks are made: a table built with a [TaskRunner] ranks every registered column of
/// [#BACKGROUND_ROWS] rows or more on it as soon as the rows arrive (250,000 evaluation rows: the
/// query-id order took 0.4-0.6 s of comparisons, 1.36 s with the repaint, when it ran on the FX
/// thread at the first header click). A header click before they land shows the sort's arrow at
/// once and the new order when the ranks arrive; rows that change meanwhile make the running
/// ranking stale and start one more for the newest rows. A ranking that is cancelled (from the
/// task bar) or fails takes back the sort it was for, arrow included. Smaller tables, and tables built without
/// a runner, rank a column on the FX thread at its first sort (below [#BACKGROUND_ROWS] rows, a
/// twelfth of the 250,000-row work at most).
///
/// Equal keys keep the rows' own order (the view model's) in both directions, as JavaFX's stable
/// sort does; rows marked pinned stay first whatever the sort (the evaluation's mean row).
/// FX thread only.
///
/// @param <T> the row type
public final class TableSorting<T> {

    /// Texts ignoring case, then exactly (no `Collator`): `Alpha`, `alpha`, `Beta`, `beta`.
    public static final Comparator<String> TEXTS = String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

    /// From this many rows a table with a [TaskRunner] ranks its columns off the FX thread.
    public static final int BACKGROUND_ROWS = 20_000;

    /// Dense ranks of one column's rows: `rank[row]` in `[0, count)`, equal keys share a rank.
    private record Ranks(int[] rank, int count) {
    }

    private final TableView<T> table;
    private final ObservableList<T> source;
    private final Predicate<T> pinned;
    private final TaskRunner ranker;
    /// Each column's dense ranks of the given rows (equal keys share a rank).
    private final Map<TableColumn<T, ?>, Function<Object[], int[]>> keys = new HashMap<>();
    /// Each ranked column's ranks of the current rows, until they change.
    private final Map<TableColumn<T, ?>, Ranks> ranks = new HashMap<>();
    private final IndexedRows<T> shown;
    /// The current rows; volatile so a background ranking sees that its rows went stale.
    private volatile Object[] rows;
    private long lastSortNanos;
    /// Whether a background ranking runs, and whether the rows changed since it started.
    private boolean ranking;
    private boolean rankAgain;

    /// Sorts `table`, whose rows are `source` (the view model's list, in its own order), by the
    /// columns registered with [#byText], [#byNumber] and [#byInt], ranking each column on the FX
    /// thread at its first sort; `pinned` rows (or none, when `null`) stay first. The table gets a
    /// list of its own as items and selects one row at a time.
    public TableSorting(TableView<T> table, ObservableList<T> source, Predicate<T> pinned) {
        this(table, source, pinned, null);
    }

    /// As [TableSorting#TableSorting(TableView, ObservableList, Predicate)], ranking every column
    /// of [#BACKGROUND_ROWS] rows or more on `ranker` when the rows arrive (see the class comment).
    public TableSorting(TableView<T> table, ObservableList<T> source, Predicate<T> pinned, TaskRunner ranker) {
        this.table = table;
        this.source = source;
        this.pinned = pinned;
        this.ranker = ranker;
        Object[] initial = source.toArray();
        this.rows = initial;
        this.shown = new IndexedRows<>(row -> item(initial, row));
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        table.setItems(shown);
        shown.setRows(order());
        source.addListener((ListChangeListener<T>) change -> rowsChanged());
        table.setSortPolicy(sorted -> {
            resort();
            return true;
        });
        if (inBackground()) {
            // the columns are registered after this constructor returns
            Platform.runLater(() -> {
                if (inBackground()) {
                    rankInBackground();
                }
            });
        }
    }

    /// Sorts `column` by the text `key` of each row in `order`.
    public TableSorting<T> byText(TableColumn<T, ?> column, Function<T, String> key, Comparator<String> order) {
        Objects.requireNonNull(order, "order");
        keys.put(column, items -> {
            String[] texts = new String[items.length];
            for (int row = 0; row < texts.length; row++) {
                texts[row] = key.apply(item(items, row));
            }
            return ranks(texts, order);
        });
        return this;
    }

    /// Sorts `column` by the number `key` of each row (`Double.compare`: `NaN` greatest; map it
    /// in `key` to sort it elsewhere).
    public TableSorting<T> byNumber(TableColumn<T, ?> column, ToDoubleFunction<T> key) {
        keys.put(column, items -> {
            double[] values = new double[items.length];
            for (int row = 0; row < values.length; row++) {
                values[row] = key.applyAsDouble(item(items, row));
            }
            double[] distinct = values.clone();
            Arrays.sort(distinct);
            int count = 0;
            for (int i = 0; i < distinct.length; i++) {
                if (i == 0 || Double.compare(distinct[i], distinct[count - 1]) != 0) {
                    distinct[count++] = distinct[i];
                }
            }
            int[] rank = new int[values.length];
            for (int row = 0; row < values.length; row++) {
                rank[row] = Arrays.binarySearch(distinct, 0, count, values[row]);
            }
            return rank;
        });
        return this;
    }

    /// Sorts `column` by the whole number `key` of each row (exact as a `double`, so ranked like
    /// [#byNumber]).
    public TableSorting<T> byInt(TableColumn<T, ?> column, ToIntFunction<T> key) {
        return byNumber(column, item -> key.applyAsInt(item));
    }

    /// How long the last ordering of the rows on the FX thread took, in nanoseconds (ranks made
    /// there, if any, and row numbers ordered; not the table's repaint).
    public long lastSortNanos() {
        return lastSortNanos;
    }

    /// Whether the table waits for ranks made in the background: a ranking runs, or the current
    /// sort needs a column not ranked yet (the table shows the sort once they land).
    public boolean isRanking() {
        return ranking || missingRanks();
    }

    @SuppressWarnings("unchecked")
    private static <T> T item(Object[] items, int row) {
        return (T) items[row];
    }

    /// The header's sort changed: the same rows in the new order, the selected row kept.
    private void resort() {
        int selectedRow = selectedRow();
        shown.setRows(order());
        reselect(selectedRow);
        // a ranking already running ranks every column of these rows; asking for one more would
        // undo a cancel of it
        if (inBackground() && missingRanks() && !ranking) {
            rankInBackground();
        }
    }

    /// The view model's rows changed: the new rows in the table's order, the selected row kept
    /// when it is still there (the same object, or an equal one).
    private void rowsChanged() {
        T selected = table.getSelectionModel().getSelectedItem();
        Object[] now = source.toArray();
        rows = now;
        ranks.clear();
        int[] order = order();
        shown.setRows(row -> item(now, row), order);
        reselect(selected == null ? -1 : indexOf(now, selected));
        if (inBackground()) {
            rankInBackground();
        }
    }

    private boolean inBackground() {
        return ranker != null && rows.length >= BACKGROUND_ROWS;
    }

    private boolean missingRanks() {
        return table.getSortOrder().stream().anyMatch(this::unranked);
    }

    /// Whether `column` sorts here and has no ranks of the current rows yet.
    private boolean unranked(TableColumn<T, ?> column) {
        return keys.containsKey(column) && !ranks.containsKey(column);
    }

    /// Ranks every registered column of the current rows on the runner, the sort's columns
    /// first; one ranking at a time, a stale one followed by one for the newest rows.
    private void rankInBackground() {
        if (ranking) {
            rankAgain = true;
            return;
        }
        Object[] items = rows;
        Map<TableColumn<T, ?>, Function<Object[], int[]>> columns = new LinkedHashMap<>();
        for (TableColumn<T, ?> column : table.getSortOrder()) {
            if (keys.containsKey(column)) {
                columns.put(column, keys.get(column));
            }
        }
        keys.forEach(columns::putIfAbsent);
        columns.keySet().removeAll(ranks.keySet());
        if (columns.isEmpty()) {
            return;
        }
        ranking = true;
        rankAgain = false;
        ranker.run("Ranking " + String.format(Locale.ROOT, "%,d", items.length) + " rows for sorting",
                (progress, cancel) -> {
                    Map<TableColumn<T, ?>, Ranks> made = new HashMap<>();
                    int done = 0;
                    for (Map.Entry<TableColumn<T, ?>, Function<Object[], int[]>> column : columns.entrySet()) {
                        if (items != rows || cancel.isCancelled()) {
                            break;
                        }
                        made.put(column.getKey(), dense(column.getValue().apply(items)));
                        progress.onProgress("Ranking rows for sorting", ++done, columns.size());
                    }
                    return made;
                }, made -> rankingDone(items, made), error -> rankingDone(items, Map.of()));
    }

    private void rankingDone(Object[] items, Map<TableColumn<T, ?>, Ranks> made) {
        ranking = false;
        boolean current = items == rows;
        if (current) {
            ranks.putAll(made);
        }
        if (rankAgain || !current) {
            rankAgain = false;
            if (inBackground()) {
                rankInBackground();
            }
        }
        if (current && !ranking && missingRanks()) {
            // cancelled (or failed) before the sort's columns were ranked: the sort is taken back,
            // so that no header shows an arrow for an order the rows are not in (the sort policy
            // shows the rows' order; a later header click ranks again)
            table.getSortOrder().removeIf(this::unranked);
        } else if (current && !made.isEmpty() && !table.getSortOrder().isEmpty()) {
            resort();
        }
    }

    private int selectedRow() {
        int position = table.getSelectionModel().getSelectedIndex();
        return position >= 0 && position < shown.size() ? shown.rowAt(position) : -1;
    }

    private void reselect(int row) {
        int position = row < 0 ? -1 : shown.positionOf(row);
        if (position < 0) {
            if (table.getSelectionModel().getSelectedIndex() >= 0) {
                table.getSelectionModel().clearSelection();
            }
        } else if (table.getSelectionModel().getSelectedIndex() != position
                || table.getSelectionModel().getSelectedItem() != shown.get(position)) {
            table.getSelectionModel().clearAndSelect(position);
        }
    }

    private static int indexOf(Object[] items, Object wanted) {
        for (int row = 0; row < items.length; row++) {
            if (items[row] == wanted) {
                return row;
            }
        }
        for (int row = 0; row < items.length; row++) {
            if (wanted.equals(items[row])) {
                return row;
            }
        }
        return -1;
    }

    /// The row numbers in the order of the pinned rows, then the table's sort order: a stable
    /// counting sort by each sort column's ranks (reversed when descending), the least
    /// significant column first, then the pinned rows moved to the front; ties keep the rows'
    /// order. While a background-ranked table waits for a column's ranks, the rows keep their
    /// order behind the pinned rows.
    private int[] order() {
        long startNanos = System.nanoTime();
        Object[] items = rows;
        int[] order = new int[items.length];
        for (int row = 0; row < order.length; row++) {
            order[row] = row;
        }
        List<TableColumn<T, ?>> sortColumns = new ArrayList<>();
        for (TableColumn<T, ?> column : table.getSortOrder()) {
            if (keys.containsKey(column)) {
                sortColumns.add(column);
            }
        }
        boolean waiting = inBackground() && missingRanks();
        for (int k = sortColumns.size() - 1; k >= 0 && !waiting; k--) {
            TableColumn<T, ?> column = sortColumns.get(k);
            Ranks columnRanks = ranks.computeIfAbsent(column, c -> dense(keys.get(c).apply(items)));
            order = byRank(order, columnRanks, column.getSortType() == TableColumn.SortType.DESCENDING);
        }
        if (pinned != null) {
            order = pinnedFirst(order, items);
        }
        lastSortNanos = System.nanoTime() - startNanos;
        return order;
    }

    private static Ranks dense(int[] rank) {
        int count = 0;
        for (int value : rank) {
            count = Math.max(count, value + 1);
        }
        return new Ranks(rank, count);
    }

    /// `order` stably reordered by `ranks` (highest rank first when `descending`): a counting
    /// sort, linear in the rows plus the distinct keys.
    static int[] byRank(int[] order, int[] rank, int count, boolean descending) {
        int[] start = new int[count + 1];
        for (int row : order) {
            start[(descending ? count - 1 - rank[row] : rank[row]) + 1]++;
        }
        for (int key = 0; key < count; key++) {
            start[key + 1] += start[key];
        }
        int[] sorted = new int[order.length];
        for (int row : order) {
            sorted[start[descending ? count - 1 - rank[row] : rank[row]]++] = row;
        }
        return sorted;
    }

    private static int[] byRank(int[] order, Ranks ranks, boolean descending) {
        return byRank(order, ranks.rank(), ranks.count(), descending);
    }

    private int[] pinnedFirst(int[] order, Object[] items) {
        int[] sorted = new int[order.length];
        int position = 0;
        for (int row : order) {
            if (pinned.test(item(items, row))) {
                sorted[position++] = row;
            }
        }
        for (int row : order) {
            if (!pinned.test(item(items, row))) {
                sorted[position++] = row;
            }
        }
        return sorted;
    }

    /// Dense ranks of `texts` in `order`: texts that compare equal share a rank. For [#TEXTS] on
    /// texts without surrogates the rows are sorted by folded copies (each character through
    /// `toUpperCase`, then `toLowerCase`, as `String.CASE_INSENSITIVE_ORDER` compares them), then
    /// exactly, with `String.compareTo`: the same order at a fraction of the time (262,145 tokens:
    /// the case-insensitive comparator took ~0.6 s of the FX thread, at load 12-17).
    static int[] ranks(String[] texts, Comparator<String> order) {
        int[] byText = new int[texts.length];
        for (int row = 0; row < byText.length; row++) {
            byText[row] = row;
        }
        String[] folded = order == TEXTS ? folded(texts) : null;
        if (folded != null) {
            RowNumberSort.sort(byText, (a, b) -> {
                int ignoringCase = folded[a].compareTo(folded[b]);
                return ignoringCase != 0 ? ignoringCase : texts[a].compareTo(texts[b]);
            });
        } else {
            RowNumberSort.sort(byText, (a, b) -> order.compare(texts[a], texts[b]));
        }
        int[] rank = new int[texts.length];
        int current = -1;
        String previous = null;
        for (int i = 0; i < byText.length; i++) {
            String text = texts[byText[i]];
            if (i == 0 || order.compare(previous, text) != 0) {
                current++;
                previous = text;
            }
            rank[byText[i]] = current;
        }
        return rank;
    }

    /// Each text with every character folded as [#TEXTS] compares them; `null` when a text
    /// holds a surrogate (the comparator compares those by code point).
    private static String[] folded(String[] texts) {
        String[] folded = new String[texts.length];
        for (int row = 0; row < texts.length; row++) {
            String text = texts[row];
            char[] chars = null;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isSurrogate(c)) {
                    return null;
                }
                char fold = Character.toLowerCase(Character.toUpperCase(c));
                if (fold != c && chars == null) {
                    chars = text.toCharArray();
                }
                if (chars != null) {
                    chars[i] = fold;
                }
            }
            folded[row] = chars == null ? text : new String(chars);
        }
        return folded;
    }
}
