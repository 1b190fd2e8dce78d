package org.sembridge.app.inspector;

import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.SelectionMode;
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
final class TokenTableView {

    private final InspectorViewModel viewModel;
    private final TableView<Integer> table = new TableView<>();
    private int createdCells;
    private boolean rowsChanging;
    private boolean selectingFromTable;
    private boolean syncingSort;

    TokenTableView(InspectorViewModel viewModel) {
        this.viewModel = viewModel;
        table.setId("tokenTable");
        table.getStyleClass().add("token-table");
        table.setFixedCellSize(26);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setTableMenuButtonVisible(true);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("No tokens: open a run, or loosen the filters"));
        table.setTooltip(new Tooltip("Click a row to inspect it; Shift/Ctrl+click to select several for export (Ctrl+E)"));
        for (TokenColumn column : TokenColumn.values()) {
            table.getColumns().add(column(column));
        }
        // Bracket the table's own reaction to a new row list: selection changes it makes then are
        // not user selections (a listener added before setItems runs first, one added after runs last).
        viewModel.rows().addListener((ListChangeListener<Integer>) change -> rowsChanging = true);
        table.setItems(viewModel.rows());
        viewModel.rows().addListener((ListChangeListener<Integer>) change -> {
            rowsChanging = false;
            showSelectedRow(false);
        });
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
        viewModel.sortProperty().subscribe(this::showSort);
        table.getSelectionModel().selectedIndexProperty().addListener((obs, old, now) -> {
            int position = now.intValue();
            if (!rowsChanging && position >= 0 && position < viewModel.rows().size()) {
                selectingFromTable = true;
                viewModel.select(viewModel.rows().rowAt(position));
                selectingFromTable = false;
            }
        });
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
        return table.getSelectionModel().getSelectedIndices().stream()
                .filter(position -> position >= 0 && position < viewModel.rows().size())
                .mapToInt(position -> viewModel.rows().rowAt(position))
                .toArray();
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
            if (selected != null) {
                rowsChanging = true;
                table.getSelectionModel().clearSelection();
                rowsChanging = false;
            }
            return;
        }
        if (selected == null || selected != row || table.getSelectionModel().getSelectedIndex() != position) {
            rowsChanging = true;
            table.getSelectionModel().clearAndSelect(position);
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
