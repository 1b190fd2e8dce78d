package org.sembridge.app.search;

import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.sembridge.app.common.TableSorting;
import org.sembridge.engine.index.DocumentVector;
import org.sembridge.engine.index.Posting;
import org.sembridge.engine.index.TermStatistics;

/// The index browser's nodes, side by side: the token table (filter, document frequency, min /
/// mean / max exact weight; a button and a double-click show the token in the inspector), the
/// selected token's postings (double-click: that document), and a document by id with its whole
/// vector (double-click a token: its postings). Binds to the [IndexBrowserViewModel] only.
final class IndexBrowserPanel {

    private final IndexBrowserViewModel viewModel;
    private final SplitPane root;
    private final TableView<TermStatistics> tokenTable = new TableView<>();

    IndexBrowserPanel(IndexBrowserViewModel viewModel) {
        this.viewModel = viewModel;
        root = new SplitPane(tokens(), postings(), document());
        root.setId("indexBrowser");
        root.setDividerPositions(0.42, 0.7);
        root.setPrefHeight(280);
    }

    Node root() {
        return root;
    }

    private Node tokens() {
        TextField filter = new TextField();
        filter.setId("browserTokenFilter");
        filter.setPromptText("filter tokens");
        filter.setTooltip(new Tooltip("Keep the tokens that contain this text (case and ▁ / ## markers ignored)"));
        filter.textProperty().bindBidirectional(viewModel.tokenFilterProperty());
        HBox.setHgrow(filter, Priority.ALWAYS);
        Button inspect = new Button("Show in inspector");
        inspect.setMinWidth(Region.USE_PREF_SIZE);
        inspect.setId("browserShowInInspector");
        inspect.setTooltip(new Tooltip("Select this token in the alignment inspector: how the run built it"
                + " (double-click a token does the same)"));
        inspect.disableProperty().bind(tokenTable.getSelectionModel().selectedItemProperty().isNull());
        inspect.setOnAction(e -> showSelectedInInspector());
        HBox row = new HBox(6, filter, inspect);
        row.setAlignment(Pos.CENTER_LEFT);

        tokenTable.setId("browserTokens");
        tokenTable.setPlaceholder(new Label("No tokens read yet"));
        tokenTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableSorting<TermStatistics> tokenSorting = new TableSorting<>(tokenTable, viewModel.tokens(), null,
                viewModel.tasks());
        tokenTable.getColumns().add(text(tokenSorting, "Token", TermStatistics::token, 120));
        tokenTable.setTooltip(new Tooltip("Docs: documents whose vector has the token (its posting-list length);"
                + " Min / Mean / Max: its exact weights over them. Select: its postings; double-click: the token"
                + " in the inspector"));
        tokenTable.getColumns().add(number(tokenSorting, "Docs", t -> (double) t.documentFrequency(), "%.0f", 60));
        tokenTable.getColumns().add(number(tokenSorting, "Min", t -> (double) t.minWeight(), "%.4f", 70));
        tokenTable.getColumns().add(number(tokenSorting, "Mean", TermStatistics::meanWeight, "%.4f", 70));
        tokenTable.getColumns().add(number(tokenSorting, "Max", t -> (double) t.maxWeight(), "%.4f", 70));
        tokenTable.getSelectionModel().selectedItemProperty().addListener((obs, old, term) -> {
            if (term != null) {
                viewModel.showPostings(term.token());
            }
        });
        tokenTable.setRowFactory(t -> doubleClick(term -> viewModel.showInInspector(term.token())));
        VBox.setVgrow(tokenTable, Priority.ALWAYS);
        return column("Tokens by document frequency", row, status("browserTokensStatus",
                viewModel.tokensStatusProperty()), tokenTable);
    }

    private Node postings() {
        TableView<Posting> table = new TableView<>();
        table.setId("browserPostings");
        table.setPlaceholder(new Label("Select a token"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableSorting<Posting> sorting = new TableSorting<>(table, viewModel.postings(), null);
        table.getColumns().add(text(sorting, "Document", Posting::docId, 90));
        table.getColumns().add(number(sorting, "Exact", p -> (double) p.exactWeight(), "%.6f", 80));
        table.getColumns().add(number(sorting, "Indexed", p -> (double) p.indexedWeight(), "%.6f", 80));
        table.setRowFactory(t -> doubleClick(posting -> viewModel.showDocument(posting.docId())));
        table.setTooltip(new Tooltip("The documents holding the token, heaviest first; double-click: the document's"
                + " whole vector"));
        VBox.setVgrow(table, Priority.ALWAYS);
        return column("Postings", status("browserPostingsStatus", viewModel.postingsStatusProperty()), table);
    }

    private Node document() {
        TextField id = new TextField();
        id.setId("browserDocumentId");
        id.setPromptText("document id");
        id.setTooltip(new Tooltip("A document id of the corpus; Enter shows its whole vector"));
        id.textProperty().bindBidirectional(viewModel.documentIdProperty());
        id.setOnAction(e -> viewModel.showDocument());
        HBox.setHgrow(id, Priority.ALWAYS);
        Button show = new Button("Show");
        show.setId("browserShowDocument");
        // the id field gives way, the button keeps its text at any font size
        show.setMinWidth(Region.USE_PREF_SIZE);
        show.setOnAction(e -> viewModel.showDocument());
        HBox row = new HBox(6, id, show);
        row.setAlignment(Pos.CENTER_LEFT);
        TableView<DocumentVector.Entry> table = new TableView<>();
        table.setId("browserVector");
        table.setPlaceholder(new Label("No document shown"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableSorting<DocumentVector.Entry> sorting = new TableSorting<>(table, viewModel.vector(), null);
        table.getColumns().add(text(sorting, "Token", DocumentVector.Entry::token, 100));
        table.getColumns().add(number(sorting, "Exact", e -> (double) e.exactWeight(), "%.6f", 80));
        table.getColumns().add(number(sorting, "Indexed", e -> (double) e.indexedWeight(), "%.6f", 80));
        table.setRowFactory(t -> doubleClick(entry -> viewModel.showPostings(entry.token())));
        table.setTooltip(new Tooltip("The document's whole sparse vector, heaviest first; double-click: the token's"
                + " postings"));
        VBox.setVgrow(table, Priority.ALWAYS);
        return column("Document vector", row, status("browserDocumentStatus", viewModel.documentStatusProperty()),
                table);
    }

    private void showSelectedInInspector() {
        TermStatistics term = tokenTable.getSelectionModel().getSelectedItem();
        if (term != null) {
            viewModel.showInInspector(term.token());
        }
    }

    private static VBox column(String title, Node... nodes) {
        Label heading = new Label(title);
        heading.getStyleClass().add("card-title");
        VBox column = new VBox(4, heading);
        column.getChildren().addAll(nodes);
        column.setMinWidth(180);
        return column;
    }

    private static Label status(String id, javafx.beans.value.ObservableValue<String> text) {
        Label status = new Label();
        status.setId(id);
        status.getStyleClass().add("muted");
        status.setWrapText(true);
        status.textProperty().bind(text);
        return status;
    }

    private static <T> TableRow<T> doubleClick(java.util.function.Consumer<T> action) {
        TableRow<T> row = new TableRow<>();
        row.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                action.accept(row.getItem());
            }
        });
        return row;
    }

    /// A text column, sorted ignoring case, then exactly.
    private static <T> TableColumn<T, String> text(TableSorting<T> sorting, String title, Function<T, String> value,
            double width) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        sorting.byText(column, value, TableSorting.TEXTS);
        return column;
    }

    /// A number column (style class `number-column`) showing its values in `format`.
    private static <T> TableColumn<T, Double> number(TableSorting<T> sorting, String title, Function<T, Double> value,
            String format, double width) {
        TableColumn<T, Double> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setComparator(Comparator.naturalOrder());
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Double number, boolean empty) {
                super.updateItem(number, empty);
                setText(empty || number == null ? null : String.format(Locale.ROOT, format, number));
            }
        });
        column.getStyleClass().add("number-column");
        column.setPrefWidth(width);
        sorting.byNumber(column, row -> value.apply(row));
        return column;
    }
}
