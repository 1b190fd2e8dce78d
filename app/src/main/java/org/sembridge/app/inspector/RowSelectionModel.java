package org.sembridge.app.inspector;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntFunction;
import javafx.collections.ObservableList;
import javafx.collections.ObservableListBase;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableView;

/// The token table's row selection, linear in the rows: one [BitSet] of selected positions, an
/// ascending `int[]` of them rebuilt once per change, and one list change per operation.
///
/// JavaFX's own table selection model is quadratic at real vocabulary size: it clears a
/// selection row by row, each with a count of the selected rows to its right (minutes after
/// Ctrl+A at 262,145 rows), reads a scattered selection back with a scan from the start per row,
/// and `TableView.sort` restores a selection with a list `contains` per selected cell. This model
/// selects rows only (no cell selection) and is never shifted by the table: after the rows
/// change, [TokenTableView] selects the same tokens at their new positions in one change, or
/// none when those are the positions already selected.
final class RowSelectionModel extends TableView.TableViewSelectionModel<Integer> {

    private final TableView<Integer> table;
    private final BitSet selected = new BitSet();
    private int[] positions = new int[0];
    private final View<Integer> indices = new View<>(position -> position);
    private final View<Integer> items = new View<>(this::itemAt);
    @SuppressWarnings({"rawtypes", "unchecked"})
    private final View<TablePosition> cells = new View<>(position -> new TablePosition(table(), position, null));

    RowSelectionModel(TableView<Integer> table) {
        super(table);
        this.table = table;
        setSelectionMode(SelectionMode.MULTIPLE);
    }

    private TableView<Integer> table() {
        return table;
    }

    private Integer itemAt(int position) {
        return position < table.getItems().size() ? table.getItems().get(position) : null;
    }

    /// Selects exactly `count` positions of `selection` (ascending, `lead` among them or -1) in
    /// one change, after the table's rows changed; `lead` becomes the selected index. When the
    /// positions are the ones selected already, only the selected items are announced (other
    /// tokens sit at those positions now).
    void selectExactly(int[] selection, int count, int lead) {
        changeRows(() -> {
            selected.clear();
            int size = getItemCount();
            for (int i = 0; i < count; i++) {
                if (selection[i] >= 0 && selection[i] < size) {
                    selected.set(selection[i]);
                }
            }
        }, lead);
    }

    /// How many rows are selected.
    int selectedCount() {
        return positions.length;
    }

    @Override
    public ObservableList<TablePosition> getSelectedCells() {
        return cells;
    }

    @Override
    public ObservableList<Integer> getSelectedIndices() {
        return indices;
    }

    @Override
    public ObservableList<Integer> getSelectedItems() {
        return items;
    }

    @Override
    public boolean isSelected(int index) {
        return index >= 0 && selected.get(index);
    }

    @Override
    public boolean isSelected(int row, TableColumn<Integer, ?> column) {
        return isSelected(row);
    }

    @Override
    public boolean isEmpty() {
        return selected.isEmpty();
    }

    @Override
    public void select(int row) {
        select(row, (TableColumn<Integer, ?>) null);
    }

    @Override
    public void select(int row, TableColumn<Integer, ?> column) {
        if (valid(row)) {
            change(() -> {
                if (getSelectionMode() == SelectionMode.SINGLE) {
                    selected.clear();
                }
                selected.set(row);
            }, row);
        }
    }

    @Override
    public void select(Integer item) {
        int position = item == null ? -1 : table.getItems().indexOf(item);
        if (position >= 0) {
            select(position);
        }
    }

    @Override
    public void clearAndSelect(int row) {
        clearAndSelect(row, (TableColumn<Integer, ?>) null);
    }

    @Override
    public void clearAndSelect(int row, TableColumn<Integer, ?> column) {
        if (valid(row)) {
            change(() -> {
                selected.clear();
                selected.set(row);
            }, row);
        }
    }

    @Override
    public void clearSelection(int index) {
        clearSelection(index, (TableColumn<Integer, ?>) null);
    }

    @Override
    public void clearSelection(int row, TableColumn<Integer, ?> column) {
        if (isSelected(row)) {
            int lead = getSelectedIndex() == row ? -1 : getSelectedIndex();
            change(() -> selected.clear(row), lead == -1 ? lastOtherThan(row) : lead);
        }
    }

    @Override
    public void clearSelection() {
        if (!selected.isEmpty()) {
            change(selected::clear, -1);
        }
    }

    @Override
    public void selectIndices(int row, int... rows) {
        if (getSelectionMode() == SelectionMode.SINGLE) {
            int last = rows.length == 0 ? row : rows[rows.length - 1];
            clearAndSelect(last);
            return;
        }
        int lead = valid(row) ? row : -1;
        for (int other : rows) {
            if (valid(other)) {
                lead = other;
            }
        }
        if (lead < 0) {
            return;
        }
        change(() -> {
            if (valid(row)) {
                selected.set(row);
            }
            for (int other : rows) {
                if (valid(other)) {
                    selected.set(other);
                }
            }
        }, lead);
    }

    @Override
    public void selectRange(int start, int end) {
        if (start == end) {
            return;
        }
        int low = Math.max(0, Math.min(start, end + 1));
        int high = Math.min(getItemCount() - 1, Math.max(start, end - 1));
        if (low > high) {
            return;
        }
        int lead = start < end ? high : low;
        change(() -> selected.set(low, high + 1), lead);
    }

    @Override
    public void selectRange(int minRow, TableColumnBase<Integer, ?> minColumn, int maxRow,
            TableColumnBase<Integer, ?> maxColumn) {
        int low = Math.max(0, Math.min(minRow, maxRow));
        int high = Math.min(getItemCount() - 1, Math.max(minRow, maxRow));
        if (low <= high) {
            change(() -> selected.set(low, high + 1), maxRow);
        }
    }

    @Override
    public void selectAll() {
        int size = getItemCount();
        if (getSelectionMode() == SelectionMode.SINGLE || size == 0) {
            return;
        }
        int focused = table.getFocusModel() == null ? -1 : table.getFocusModel().getFocusedIndex();
        change(() -> selected.set(0, size), focused >= 0 && focused < size ? focused : size - 1);
    }

    @Override
    public void selectFirst() {
        if (getItemCount() > 0) {
            clearAndSelect(0);
        }
    }

    @Override
    public void selectLast() {
        if (getItemCount() > 0) {
            clearAndSelect(getItemCount() - 1);
        }
    }

    @Override
    public void selectPrevious() {
        int focused = focusedIndex();
        if (focused == -1) {
            selectLast();
        } else if (focused > 0) {
            select(focused - 1);
        }
    }

    @Override
    public void selectNext() {
        int focused = focusedIndex();
        if (focused == -1) {
            selectFirst();
        } else if (focused < getItemCount() - 1) {
            select(focused + 1);
        }
    }

    @Override
    public void selectLeftCell() {
        // rows only
    }

    @Override
    public void selectRightCell() {
        // rows only
    }

    @Override
    public void selectAboveCell() {
        selectPrevious();
    }

    @Override
    public void selectBelowCell() {
        selectNext();
    }

    @Override
    protected int getItemCount() {
        return table.getItems() == null ? 0 : table.getItems().size();
    }

    @Override
    protected Integer getModelItem(int index) {
        return valid(index) ? table.getItems().get(index) : null;
    }

    private int focusedIndex() {
        return table.getFocusModel() == null ? -1 : table.getFocusModel().getFocusedIndex();
    }

    private boolean valid(int row) {
        return row >= 0 && row < getItemCount();
    }

    private int lastOtherThan(int row) {
        int last = selected.length() - 1;
        return last == row ? selected.previousSetBit(row - 1) : last;
    }

    /// Applies `mutation` to the bit set, rebuilds the positions and fires one change on the
    /// indices, items and cells lists, or none when the selected positions are the same (a sort
    /// with every row selected: a change would make the table's behaviour read a `TablePosition`
    /// per selected row); `lead` (or -1) becomes the selected index and item either way.
    private void change(Runnable mutation, int lead) {
        change(mutation, lead, false);
    }

    /// [#change(Runnable, int)] after the table's rows changed.
    private void changeRows(Runnable mutation, int lead) {
        change(mutation, lead, true);
    }

    private void change(Runnable mutation, int lead, boolean rowsChanged) {
        int[] old = positions;
        mutation.run();
        int[] now = new int[selected.cardinality()];
        for (int i = 0, position = selected.nextSetBit(0); position >= 0; position = selected.nextSetBit(position + 1)) {
            now[i++] = position;
        }
        boolean same = Arrays.equals(old, now);
        positions = same ? old : now;
        int leadRow = lead >= 0 && selected.get(lead) ? lead : now.length == 0 ? -1 : now[now.length - 1];
        setSelectedIndex(leadRow);
        setSelectedItem(leadRow < 0 ? null : itemAt(leadRow));
        if (leadRow >= 0) {
            focus(leadRow);
        }
        if (!same) {
            indices.fire(old, now);
            items.fire(old, now);
            cells.fire(old, now);
        } else if (rowsChanged) {
            items.fire(old, now);
        }
    }

    /// A read-only list over the current positions, each mapped by `value`.
    private final class View<T> extends ObservableListBase<T> {
        private final IntFunction<T> value;

        View(IntFunction<T> value) {
            this.value = value;
        }

        @Override
        public T get(int index) {
            return value.apply(positions[index]);
        }

        @Override
        public int size() {
            return positions.length;
        }

        void fire(int[] old, int[] now) {
            // a change copies its removed items at once: none is built for a list nobody observes
            if ((old.length == 0 && now.length == 0) || !hasListeners()) {
                return;
            }
            beginChange();
            if (old.length == 0) {
                nextAdd(0, now.length);
            } else {
                List<T> removed = new AbstractList<>() {
                    @Override
                    public T get(int index) {
                        return value.apply(old[index]);
                    }

                    @Override
                    public int size() {
                        return old.length;
                    }
                };
                if (now.length == 0) {
                    nextRemove(0, removed);
                } else {
                    nextReplace(0, now.length, removed);
                }
            }
            endChange();
        }
    }
}
