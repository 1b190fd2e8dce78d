package org.sembridge.app.search;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.sembridge.app.common.ClipboardText;
import org.sembridge.app.common.DialogService;
import org.sembridge.app.common.TableSorting;

/// The evaluation part of the search page: queries and qrels files, run (with progress and
/// cancel), and a sortable table of nDCG@10 and Recall@100 per query for the sparse index and
/// BM25, the mean row pinned on top. Selecting a query searches it, and a double-click or Enter
/// shows its hits; "Show tokens" focuses the inspector on the query's target tokens.
final class EvaluationPanel {

    /// Query texts: case-insensitive, then exact (one `String` comparison, no collator).
    static final Comparator<String> TEXTS = TableSorting.TEXTS;

    private final SearchViewModel viewModel;
    private final DialogService dialogs;
    private final Runnable showHits;
    private final VBox root = new VBox(8);
    private final TableView<QueryRow> table = new TableView<>();
    /// Sorts by each column's key, the mean row first ([TableSorting]; JavaFX's default path made
    /// a cell value and, for text columns, a `Collator` per comparison: 57-77 s per sort at
    /// 250,000 rows, see EvaluationTableScaleGuiTest). A large table's keys are ranked on the
    /// page's task runner when the rows arrive, so a header click only applies ranks.
    private TableSorting<QueryRow> sorting;

    /// The panel of `viewModel`'s evaluation; a double-click or Enter on a query row runs
    /// `showHits` (the page shows that query's hits).
    EvaluationPanel(SearchViewModel viewModel, DialogService dialogs, Runnable showHits) {
        this.viewModel = viewModel;
        this.dialogs = dialogs;
        this.showHits = showHits;
        root.setId("evaluationPanel");
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getChildren().addAll(controls(), status(), table());
    }

    Node root() {
        return root;
    }

    private Node controls() {
        TextField queries = fileField("queriesPath", "Queries: .tsv (qid TAB text) or .jsonl", viewModel.queriesPathProperty()
                .get());
        queries.textProperty().bindBidirectional(viewModel.queriesPathProperty());
        Button chooseQueries = chooser("chooseQueries", "Choose the queries file", queries);
        TextField qrels = fileField("qrelsPath", "Relevance judgements: TREC (qid 0 docid grade) or BEIR tsv",
                viewModel.qrelsPathProperty().get());
        qrels.textProperty().bindBidirectional(viewModel.qrelsPathProperty());
        Button chooseQrels = chooser("chooseQrels", "Choose the qrels file", qrels);
        Button run = new Button("Evaluate");
        run.setId("runEvaluation");
        run.setTooltip(new Tooltip("Run every query on the sparse index and BM25 (top 100) and compute nDCG@10 and"
                + " Recall@100 with trec_eval's semantics (Ctrl+E)"));
        run.disableProperty().bind(viewModel.evaluatingProperty().or(viewModel.openedIndexProperty().isNull()));
        run.setOnAction(e -> viewModel.runEvaluation());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelEvaluation");
        cancel.setTooltip(new Tooltip("Stop the evaluation; the previous table stays (Esc)"));
        cancel.visibleProperty().bind(viewModel.evaluatingProperty());
        cancel.managedProperty().bind(viewModel.evaluatingProperty());
        cancel.setOnAction(e -> viewModel.cancelEvaluation());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("evaluationProgress");
        progress.setPrefSize(18, 18);
        progress.setTooltip(new Tooltip("Evaluating; queries done show in the status bar"));
        progress.visibleProperty().bind(viewModel.evaluatingProperty());
        progress.managedProperty().bind(viewModel.evaluatingProperty());
        Button showTokens = new Button("Show tokens");
        showTokens.setId("showTokens");
        showTokens.setTooltip(new Tooltip("Open the selected query's target tokens in the alignment inspector (Ctrl+T)"));
        showTokens.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            QueryRow row = table.getSelectionModel().getSelectedItem();
            return row == null || row.mean();
        }, table.getSelectionModel().selectedItemProperty()));
        showTokens.setOnAction(e -> showSelectedTokens());
        Button copyJson = new Button("Copy JSON");
        copyJson.setId("copyRowJson");
        copyJson.setMinWidth(Region.USE_PREF_SIZE);
        copyJson.setTooltip(new Tooltip("Copy the selected row as JSON, its entries as `sembridge eval --json` prints"
                + " them (paste into a notebook)"));
        copyJson.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        copyJson.setOnAction(e -> viewModel.evaluationRowJson(table.getSelectionModel().getSelectedItem())
                .ifPresent(ClipboardText::copy));
        HBox row = new HBox(8, new Label("Queries"), queries, chooseQueries, new Label("Qrels"), qrels, chooseQrels,
                run, cancel, progress, showTokens, copyJson);
        row.setAlignment(Pos.CENTER_LEFT);
        // labels and buttons keep their text at any font size; the two file fields give way
        row.getChildren().stream().filter(node -> !(node instanceof TextField))
                .forEach(node -> ((Region) node).setMinWidth(Region.USE_PREF_SIZE));
        return row;
    }

    private Node status() {
        Label status = new Label();
        status.setId("evaluationStatus");
        status.getStyleClass().add("muted");
        status.setWrapText(true);
        status.textProperty().bind(viewModel.evaluationStatusProperty());
        return status;
    }

    private Node table() {
        table.setId("evaluationTable");
        // room for the mean row and at least eight queries at any font size (workbench.css)
        table.getStyleClass().add("evaluation-table");
        table.setPlaceholder(new Label("Load queries and qrels and press Evaluate"));
        table.setTooltip(new Tooltip("Per-query metrics; click a query to see its hits, sort by any column"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        sorting = new TableSorting<>(table, viewModel.evaluationRows(), QueryRow::mean, viewModel.tasks());
        TableColumn<QueryRow, String> id = new TableColumn<>("Query");
        id.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().queryId()));
        id.setPrefWidth(70);
        sorting.byText(id, row -> queryIdSortKey(row.queryId()), TEXTS);
        TableColumn<QueryRow, String> text = new TableColumn<>("Text");
        text.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().text()));
        text.setPrefWidth(220);
        text.setComparator(TEXTS);
        sorting.byText(text, QueryRow::text, TEXTS);
        table.getColumns().add(id);
        table.getColumns().add(text);
        table.getColumns().add(metric("nDCG@10 sparse", QueryRow::sparseNdcg));
        table.getColumns().add(metric("nDCG@10 BM25", QueryRow::bm25Ndcg));
        table.getColumns().add(metric("Δ nDCG@10", row -> row.sparseNdcg() - row.bm25Ndcg()));
        table.getColumns().add(metric("Recall@100 sparse", QueryRow::sparseRecall));
        table.getColumns().add(metric("Recall@100 BM25", QueryRow::bm25Recall));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(QueryRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll("mean-row", "worse-row");
                if (!empty && row != null) {
                    if (row.mean()) {
                        getStyleClass().add("mean-row");
                    } else if (row.sparseNdcg() < row.bm25Ndcg()) {
                        getStyleClass().add("worse-row");
                    }
                }
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> viewModel.selectQuery(row));
        // selecting a row searches its query; a double-click or Enter also shows the hits
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && table.getSelectionModel().getSelectedItem() != null) {
                showHits.run();
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                showHits.run();
                e.consume();
            }
        });
        return table;
    }

    /// Shows the selected query's tokens in the inspector.
    void showSelectedTokens() {
        viewModel.showTokens(table.getSelectionModel().getSelectedItem());
    }

    /// A text whose [#TEXTS] order is the query-id order (numeric ids by value, `2` before `10`,
    /// numeric before other ids, others by [#TEXTS]), equal exactly when the ids compare equal: numeric ids as U+0000, their length without leading zeros in ten
    /// digits and those digits; other ids as U+0001 and the id. The Query column ranks by it,
    /// so its ranking takes [TableSorting]'s folded fast path instead of a comparator that tests
    /// both ids for digits and compares them ignoring case at every step.
    static String queryIdSortKey(String id) {
        if (isDigits(id)) {
            String digits = stripZeros(id);
            return "\u0000" + String.format(Locale.ROOT, "%010d", digits.length()) + digits;
        }
        return "\u0001" + id;
    }

    private static boolean isDigits(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String stripZeros(String digits) {
        int first = 0;
        while (first < digits.length() - 1 && digits.charAt(first) == '0') {
            first++;
        }
        return digits.substring(first);
    }

    private TableColumn<QueryRow, Double> metric(String title, ToDoubleFunction<QueryRow> value) {
        TableColumn<QueryRow, Double> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.applyAsDouble(cell.getValue())));
        column.setComparator(Comparator.comparingDouble(v -> Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v));
        sorting.byNumber(column, row -> {
            double v = value.applyAsDouble(row);
            return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
        });
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Double number, boolean empty) {
                super.updateItem(number, empty);
                setText(empty || number == null ? null
                        : Double.isNaN(number) ? "—" : String.format(Locale.ROOT, "%.4f", number));
            }
        });
        column.getStyleClass().add("number-column");
        column.setPrefWidth(110);
        return column;
    }

    private static TextField fileField(String id, String tooltip, String initial) {
        TextField field = new TextField(initial);
        field.setId(id);
        field.setTooltip(new Tooltip(tooltip));
        HBox.setHgrow(field, Priority.ALWAYS);
        return field;
    }

    private Button chooser(String id, String title, TextField field) {
        Button button = new Button("…");
        button.setId(id);
        button.setTooltip(new Tooltip(title));
        button.setOnAction(e -> {
            String current = field.getText();
            Path initial = current == null || current.isBlank() ? null : Path.of(current).toAbsolutePath().getParent();
            dialogs.chooseFile(title, initial).ifPresent(file -> field.setText(file.toString()));
        });
        return button;
    }
}
