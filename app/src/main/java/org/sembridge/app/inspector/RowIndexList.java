package org.sembridge.app.inspector;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import javafx.collections.ObservableListBase;

/// The token table's items: an observable, read-only list of row indices backed by one `int[]`,
/// so a 250,000-row table holds one array instead of 250,000 item objects; the table asks only
/// for the rows it shows. [#setRows] replaces the content with one change event that lets a
/// table reuse its cells.
public final class RowIndexList extends ObservableListBase<Integer> {

    private int[] rows = new int[0];

    @Override
    public Integer get(int index) {
        return rows[index];
    }

    @Override
    public int size() {
        return rows.length;
    }

    /// The row at `position` without boxing.
    public int rowAt(int position) {
        return rows[position];
    }

    /// The position of `row`, or -1 when it is filtered out (a linear scan).
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

    /// Replaces the rows in one change. The positions both lists share are announced as updated
    /// and only the difference in length as removed or added at the end, so a table keeps its
    /// cells and re-reads their items (a "replaced" change would make a `TableView` rebuild every
    /// visible cell, restyling them: about a second per keystroke at 250,000 rows on a loaded
    /// 2-core machine). Listeners that track items by identity must re-read the list on an update.
    public void setRows(int[] newRows) {
        if (Arrays.equals(rows, newRows)) {
            return;
        }
        int[] old = rows;
        rows = newRows.clone();
        int shared = Math.min(old.length, rows.length);
        beginChange();
        if (shared == 0) {
            if (old.length > 0) {
                nextRemove(0, view(old));
            }
            if (rows.length > 0) {
                nextAdd(0, rows.length);
            }
        } else {
            if (old.length > shared) {
                nextRemove(shared, view(Arrays.copyOfRange(old, shared, old.length)));
            } else if (rows.length > shared) {
                nextAdd(shared, rows.length);
            }
            for (int position = 0; position < shared; position++) {
                if (old[position] != rows[position]) {
                    nextUpdate(position);
                }
            }
        }
        endChange();
    }

    /// A read-only list view of `values`, boxing only what a listener reads.
    private static List<Integer> view(int[] values) {
        return new AbstractList<>() {
            @Override
            public Integer get(int index) {
                return values[index];
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }
}
