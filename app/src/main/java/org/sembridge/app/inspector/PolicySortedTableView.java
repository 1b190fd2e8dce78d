package org.sembridge.app.inspector;

import javafx.scene.control.TableView;
import javafx.util.Callback;

/// A `TableView` whose [#sort()] only runs its sort policy. `TableView.sort` first copies every
/// selected cell into a list of `TablePosition`s (three weak references each: 786,000 for
/// 262,145 selected rows, a third of the FX thread's time per header click in a profile of
/// `TokenTableSelectAllGuiTest`), to restore the selection of JavaFX's own selection model
/// afterwards; the token table's [RowSelectionModel] restores its own, so the copy is waste.
/// Consuming the `SortEvent` does not skip it (the table checks the event it made, not the
/// consumed copy). The table's `comparator` property is not updated: the items are the view
/// model's order, never sorted by the table.
///
/// @param <S> the row type
final class PolicySortedTableView<S> extends TableView<S> {

    @Override
    public void sort() {
        Callback<TableView<S>, Boolean> policy = getSortPolicy();
        if (policy != null) {
            policy.call(this);
        }
    }
}
