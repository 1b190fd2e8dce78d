package org.sembridge.app.inspector;

import org.sembridge.app.common.IndexedRows;

/// The token table's items: an observable, read-only list of row indices backed by one `int[]`,
/// so a 250,000-row table holds one array instead of 250,000 item objects; the table asks only
/// for the rows it shows. [#setRows] replaces the content with one change event that lets a
/// table reuse its cells ([IndexedRows]).
public final class RowIndexList extends IndexedRows<Integer> {

    /// An empty list of row indices.
    public RowIndexList() {
        super(row -> row);
    }
}
