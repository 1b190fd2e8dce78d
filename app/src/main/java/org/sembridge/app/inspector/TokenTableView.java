package org.sembridge.app.inspector;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.Label;
import org.sembridge.app.common.Formats;

/// The token table: one [TableColumn] per [TokenColumn] over the row indices of
/// [InspectorViewModel#rows()]. Cells format their value from [TokenFigures] when shown, so a
/// 250,000-row table creates only a screenful of cells ([#createdCellCount()]).
///
/// Header clicks go to [InspectorViewModel#sortBy] (the table never sorts its items itself); a
/// row click selects the token everywhere; a selection made elsewhere selects and scrolls to the
/// row. Multiple rows can be selected for export.
///
/// Every selection path is linear in the rows ([RowSelectionModel]; JavaFX's own model is
/// quadratic, minutes with 262,145 rows selected): around every change of the row list the
/// selected tokens are remembered as a bit set of rows and selected at their new positions in
/// one change, or none when the positions stay (a sort with every row selected); a header click
/// runs the sort policy alone ([PolicySortedTableView]).
final class TokenTableView {

    private final InspectorViewModel viewModel;
    /// Sorting runs the policy alone ([PolicySortedTableView]): no copy of the selected cells.
    private final TableView<Integer> table = new PolicySortedTableView<>();
    private final RowSelectionModel selection = new RowSelectionModel(table);
    private int createdCells;
    private boolean rowsChanging;
    private boolean selectingFromTable;
    private boolean syncingSort;
    /// The rows the table showed before the current change (a copy, one array per change).
    private int[] shownRows = new int[0];
    /// The selected rows (token ids) remembered across a change of the row list; null when none.
    private BitSet keptSelection;

    TokenTableView(InspectorViewModel viewModel) {
        this.viewModel = viewModel;
        table.setId("tokenTable");
        table.getStyleClass().add("token-table");
        table.setFixedCellSize(26);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setTableMenuButtonVisible(true);
        table.setSelectionModel(selection);
        selection.selectedIndexProperty().addListener((obs, old, now) -> tableSelected(now.intValue()));
        table.setPlaceholder(new Label("No tokens: open a run, or loosen the filters"));
        table.setTooltip(new Tooltip("Click a row to inspect it; Shift/Ctrl+click to select several for export (Ctrl+E)"));
        for (TokenColumn column : TokenColumn.values()) {
            table.getColumns().add(column(column));
        }
        // Bracket the table's own reaction to a new row list: selection changes it makes then are
        // not user selections (a listener added before setItems runs first, one added after runs last).
        viewModel.rows().addListener((ListChangeListener<Integer>) change -> {
            rowsChanging = true;
            rememberSelection();
        });
        table.setItems(viewModel.rows());
        shownRows = viewModel.rows().toRowArray();
        viewModel.rows().addListener((ListChangeListener<Integer>) change -> {
            shownRows = viewModel.rows().toRowArray();
            restoreSelection();
            rowsChanging = false;
            showSelectedRow(false);
        });
        // Setting a sort policy runs it at once (TableView.sortPolicy's invalidation sorts) with
        // the still empty sort order: without the guard, a view built after a session restore
        // (pages are built on first show) reset the restored sort to id order.
        syncingSort = true;
        table.setSortPolicy(sorted -> {
            if (!syncingSort) {
                var order = sorted.getSortOrder();
                if (order.isEmpty()) {
                    viewModel.sortBy(TokenColumn.ID, true);
                } else {
                    TableColumn<Integer, ?> first = order.getFirst();
                    viewModel.sortBy((TokenColumn) first.getUserData(), first.getSortType() == TableColumn.SortType.ASCENDING);
                }
            }
            return true;
        });
        syncingSort = false;
        viewModel.sortProperty().subscribe(this::showSort);
        viewModel.selectedRowProperty().addListener((obs, old, now) -> showSelectedRow(!selectingFromTable));
        viewModel.figuresProperty().addListener((obs, old, now) -> table.refresh());
    }

    TableView<Integer> node() {
        return table;
    }

    /// Cells the table has created so far (a screenful plus a few, whatever the row count).
    int createdCellCount() {
        return createdCells;
    }

    /// The selected rows (target ids) in table order; empty when none.
    int[] selectedRows() {
        RowIndexList rows = viewModel.rows();
        int[] selected = new int[selection.selectedCount()];
        int count = 0;
        for (int position = 0; position < rows.size() && count < selected.length; position++) {
            if (selection.isSelected(position)) {
                selected[count++] = rows.rowAt(position);
            }
        }
        return Arrays.copyOf(selected, count);
    }

    /// Before the row list's change reaches the table: remembers the selected rows by token id.
    /// The selection itself stays until [#restoreSelection()] moves it in one change (none when
    /// the selected positions are the same, as after a sort with every row selected).
    private void rememberSelection() {
        if (selection.isEmpty()) {
            keptSelection = null;
            return;
        }
        BitSet kept = new BitSet();
        for (int position = 0; position < shownRows.length; position++) {
            if (selection.isSelected(position)) {
                kept.set(shownRows[position]);
            }
        }
        keptSelection = kept;
    }

    /// A user selection in the table selects the token everywhere.
    private void tableSelected(int position) {
        if (!rowsChanging && position >= 0 && position < viewModel.rows().size()) {
            selectingFromTable = true;
            viewModel.select(viewModel.rows().rowAt(position));
            selectingFromTable = false;
        }
    }

    /// After the change: selects the remembered rows at their new positions in one change, the
    /// view model's selected row as the lead.
    private void restoreSelection() {
        BitSet kept = keptSelection;
        keptSelection = null;
        if (kept == null) {
            if (!selection.isEmpty()) {
                selection.clearSelection();
            }
            return;
        }
        RowIndexList rows = viewModel.rows();
        int lead = viewModel.selectedRowProperty().get();
        int leadPosition = -1;
        int[] positions = new int[rows.size()];
        int count = 0;
        for (int position = 0; position < rows.size(); position++) {
            int row = rows.rowAt(position);
            if (kept.get(row)) {
                positions[count++] = position;
                if (row == lead) {
                    leadPosition = position;
                }
            }
        }
        if (count > 0) {
            selection.selectExactly(positions, count, leadPosition);
        } else {
            selection.clearSelection();
        }
    }

    private TableColumn<Integer, Integer> column(TokenColumn column) {
        TableColumn<Integer, Integer> tableColumn = new TableColumn<>(column.title());
        tableColumn.setId("column-" + column.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        tableColumn.setUserData(column);
        Label header = new Label(column.title());
        header.setTooltip(new Tooltip(column.description() + " (click to sort)"));
        tableColumn.setGraphic(header);
        tableColumn.setText(null);
        tableColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        tableColumn.setCellFactory(c -> {
            createdCells++;
            return new FigureCell(column);
        });
        tableColumn.setPrefWidth(switch (column) {
            case ID, KIND, SUPPORT, LEXICON -> 70;
            case TOKEN, TOP_SOURCE -> 120;
            case TOP_WEIGHT, ENTROPY -> 95;
        });
        if (column != TokenColumn.TOKEN && column != TokenColumn.TOP_SOURCE && column != TokenColumn.KIND
                && column != TokenColumn.LEXICON) {
            tableColumn.getStyleClass().add("number-column");
        }
        return tableColumn;
    }

    private void showSort(TokenSort sort) {
        syncingSort = true;
        if (sort.column() == TokenColumn.ID && sort.ascending()) {
            table.getSortOrder().clear();
        } else {
            TableColumn<Integer, ?> column = table.getColumns().get(sort.column().ordinal());
            column.setSortType(sort.ascending() ? TableColumn.SortType.ASCENDING : TableColumn.SortType.DESCENDING);
            if (table.getSortOrder().size() != 1 || table.getSortOrder().getFirst() != column) {
                table.getSortOrder().setAll(column);
            }
        }
        syncingSort = false;
    }

    private void showSelectedRow(boolean scroll) {
        int row = viewModel.selectedRowProperty().get();
        int position = row < 0 ? -1 : viewModel.rows().positionOf(row);
        Integer selected = table.getSelectionModel().getSelectedItem();
        if (position < 0) {
            // the inspected token is filtered out: other selected rows (for export) stay
            if (selected != null && selection.selectedCount() <= 1) {
                rowsChanging = true;
                table.getSelectionModel().clearSelection();
                rowsChanging = false;
            }
            return;
        }
        if (selected == null || selected != row || table.getSelectionModel().getSelectedIndex() != position) {
            rowsChanging = true;
            if (selection.isSelected(position) && selection.selectedCount() > 1) {
                // one of several selected rows: make it the lead, keep the others
                table.getSelectionModel().select(position);
            } else {
                table.getSelectionModel().clearAndSelect(position);
            }
            rowsChanging = false;
        }
        if (scroll) {
            table.scrollTo(Math.max(0, position - 3));
        }
    }

    /// Formats one column's value of the row index it shows.
    private final class FigureCell extends TableCell<Integer, Integer> {
        private final TokenColumn column;

        FigureCell(TokenColumn column) {
            this.column = column;
        }

        @Override
        protected void updateItem(Integer row, boolean empty) {
            super.updateItem(row, empty);
            TokenFigures figures = viewModel.figuresProperty().get();
            setText(empty || row == null || figures == null || row >= figures.size() ? null : format(figures, row));
        }

        private String format(TokenFigures figures, int row) {
            return switch (column) {
                case ID -> Integer.toString(row);
                case TOKEN -> figures.token(row);
                case KIND -> figures.kind(row).jsonName();
                case SUPPORT -> Formats.count(figures.support(row));
                case TOP_SOURCE -> figures.topSource(row);
                case TOP_WEIGHT -> Float.isNaN(figures.topWeight(row)) ? "" : String.format(Locale.ROOT, "%.3f",
                        figures.topWeight(row));
                case ENTROPY -> String.format(Locale.ROOT, "%.3f", figures.entropyNats(row));
                case LEXICON -> figures.lexicon(row).label();
            };
        }
    }
}
