package org.sembridge.app.common;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import javafx.collections.ObservableListBase;

/// An observable, read-only list whose item at position `p` is `item(rows[p])`: the items of a
/// large table as one `int[]` of row numbers over the rows a caller keeps (the inspector's token
/// ids, the evaluation's queries, the diff's tokens), so a 250,000-row table holds one array and
/// asks only for the items it shows.
///
/// [#setRows] replaces the content in one change. The positions both lists share are announced
/// as updated and only the difference in length as removed or added at the end, so a table
/// keeps its cells and re-reads their items (a "replaced" change makes a `TableView` rebuild
/// every visible cell and restyle it: about a second per change at 250,000 rows on a loaded
/// 2-core machine), and its selection model does no per-row work (a permutation change makes
/// JavaFX's model build a boxed map of every position). Listeners that track items by identity
/// must re-read the list on an update; the owner re-selects what was selected.
///
/// @param <T> the item type
public class IndexedRows<T> extends ObservableListBase<T> {

    private IntFunction<T> item;
    private int[] rows = new int[0];

    /// A list of `item(row)` for the rows given to [#setRows]; empty at first.
    public IndexedRows(IntFunction<T> item) {
        this.item = item;
    }

    @Override
    public T get(int index) {
        return item.apply(rows[index]);
    }

    @Override
    public int size() {
        return rows.length;
    }

    /// The row at `position` without boxing.
    public int rowAt(int position) {
        return rows[position];
    }

    /// The position of `row`, or -1 when it is not shown (a linear scan).
    public int positionOf(int row) {
        for (int position = 0; position < rows.length; position++) {
            if (rows[position] == row) {
                return position;
            }
        }
        return -1;
    }

    /// A copy of the rows in display order.
    public int[] toRowArray() {
        return rows.clone();
    }

    /// Replaces the rows in one change (see the class comment); nothing fires when they are the
    /// same.
    public void setRows(int[] newRows) {
        if (!Arrays.equals(rows, newRows)) {
            replace(item, newRows, false);
        }
    }

    /// Replaces the rows and what they stand for (`newItem(row)`, after the caller's own list
    /// changed) in one change: every shared position is announced as updated, and removed
    /// items are read through the old function.
    public void setRows(IntFunction<T> newItem, int[] newRows) {
        IntFunction<T> oldItem = item;
        item = newItem;
        replace(oldItem, newRows, true);
    }

    private void replace(IntFunction<T> oldItem, int[] newRows, boolean everyPositionChanged) {
        int[] old = rows;
        rows = newRows.clone();
        int shared = Math.min(old.length, rows.length);
        beginChange();
        if (shared == 0) {
            if (old.length > 0) {
                nextRemove(0, view(oldItem, old));
            }
            if (rows.length > 0) {
                nextAdd(0, rows.length);
            }
        } else {
            if (old.length > shared) {
                nextRemove(shared, view(oldItem, Arrays.copyOfRange(old, shared, old.length)));
            } else if (rows.length > shared) {
                nextAdd(shared, rows.length);
            }
            for (int position = 0; position < shared; position++) {
                if (everyPositionChanged || old[position] != rows[position]) {
                    nextUpdate(position);
                }
            }
        }
        endChange();
    }

    /// A read-only list of the items of `values`, made only as a listener reads them.
    private static <T> List<T> view(IntFunction<T> item, int[] values) {
        return new AbstractList<>() {
            @Override
            public T get(int index) {
                return item.apply(values[index]);
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }
}
