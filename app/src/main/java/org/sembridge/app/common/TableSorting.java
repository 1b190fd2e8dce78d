package org.sembridge.app.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/// Header sorting for a table of many rows (the evaluation's queries, the run diff's tokens, the
/// index browser's tokens): each column sorts by a key of its rows, and a sort costs one
/// `n log n` pass over `int` row numbers, whatever the table's size and selection.
///
/// JavaFX's own path (a `SortedList` bound to the table's comparator) makes a cell value per
/// comparison, compares texts with a new `Collator` each time (over a minute per sort at 250,000
/// rows), and announces the new order as a permutation, for which the selection model builds a
/// boxed map of every position. Here a column's keys are read once per row into dense ranks (one
/// sort of the rows by the column's order) and kept until the rows change; a header sort is then
/// one sort of `long`s packing the rank and the row number; the table's items are an
/// [IndexedRows] that announces the new order as updated positions; and the one selected row (a
/// table sorted this way selects one row at a time) is selected again at its new position.
///
/// Equal keys keep the rows' own order (the view model's) in both directions, as JavaFX's stable
/// sort does; rows marked pinned stay first whatever the sort (the evaluation's mean row).
/// FX thread only.
///
/// @param <T> the row type
public final class TableSorting<T> {

    /// Texts ignoring case, then exactly (no `Collator`): `Alpha`, `alpha`, `Beta`, `beta`.
    public static final Comparator<String> TEXTS = String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

    private final TableView<T> table;
    private final ObservableList<T> source;
    private final Predicate<T> pinned;
    /// Each column's dense ranks of the given rows (equal keys share a rank).
    private final Map<TableColumn<T, ?>, Function<Object[], int[]>> keys = new HashMap<>();
    /// Each sorted column's ranks of the current rows, until they change.
    private final Map<TableColumn<T, ?>, int[]> ranks = new HashMap<>();
    private final IndexedRows<T> shown;
    private Object[] rows;
    private long lastSortNanos;

    /// Sorts `table`, whose rows are `source` (the view model's list, in its own order), by the
    /// columns registered with [#byText], [#byNumber] and [#byInt]; `pinned` rows (or none, when
    /// `null`) stay first. The table gets a list of its own as items and selects one row at a time.
    public TableSorting(TableView<T> table, ObservableList<T> source, Predicate<T> pinned) {
        this.table = table;
        this.source = source;
        this.pinned = pinned;
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

    /// How long the last ordering of the rows took, in nanoseconds (keys read and row numbers
    /// sorted; not the table's repaint).
    public long lastSortNanos() {
        return lastSortNanos;
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

    /// The row numbers in the order of the pinned rows, then the table's sort order. One sort
    /// column (a header click) is one `long` sort: pinned flag, the column's rank (reversed when
    /// descending) and the row number packed into each key, so ties keep the rows' order; more
    /// columns (Shift+click) sort row numbers by their ranks column after column.
    private int[] order() {
        long startNanos = System.nanoTime();
        Object[] items = rows;
        boolean[] first = new boolean[items.length];
        if (pinned != null) {
            for (int row = 0; row < first.length; row++) {
                first[row] = pinned.test(item(items, row));
            }
        }
        List<int[]> columnRanks = new ArrayList<>();
        List<Boolean> descending = new ArrayList<>();
        for (TableColumn<T, ?> column : table.getSortOrder()) {
            Function<Object[], int[]> key = keys.get(column);
            if (key != null) {
                columnRanks.add(ranks.computeIfAbsent(column, c -> key.apply(items)));
                descending.add(column.getSortType() == TableColumn.SortType.DESCENDING);
            }
        }
        int[] order = columnRanks.size() > 1 ? byColumns(first, columnRanks, descending)
                : byOneColumn(first, columnRanks.isEmpty() ? null : columnRanks.getFirst(),
                        !descending.isEmpty() && descending.getFirst());
        lastSortNanos = System.nanoTime() - startNanos;
        return order;
    }

    private static int[] byOneColumn(boolean[] first, int[] rank, boolean descending) {
        long[] packed = new long[first.length];
        for (int row = 0; row < packed.length; row++) {
            long key = rank == null ? 0 : descending ? Integer.MAX_VALUE - rank[row] : rank[row];
            packed[row] = (first[row] ? 0L : 1L << 62) | key << 31 | row;
        }
        Arrays.sort(packed);
        int[] order = new int[packed.length];
        for (int position = 0; position < order.length; position++) {
            order[position] = (int) (packed[position] & Integer.MAX_VALUE);
        }
        return order;
    }

    private static int[] byColumns(boolean[] first, List<int[]> columnRanks, List<Boolean> descending) {
        int[] order = new int[first.length];
        for (int row = 0; row < order.length; row++) {
            order[row] = row;
        }
        RowNumberSort.sort(order, (a, b) -> {
            if (first[a] != first[b]) {
                return first[a] ? -1 : 1;
            }
            for (int k = 0; k < columnRanks.size(); k++) {
                int[] rank = columnRanks.get(k);
                int byColumn = descending.get(k) ? Integer.compare(rank[b], rank[a]) : Integer.compare(rank[a], rank[b]);
                if (byColumn != 0) {
                    return byColumn;
                }
            }
            return 0;
        });
        return order;
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
