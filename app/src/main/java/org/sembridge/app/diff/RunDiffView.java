package org.sembridge.app.diff;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.sembridge.app.common.TableSorting;
import org.sembridge.app.workspace.OpenRun;
import org.sembridge.engine.workflow.TokenDifference;

/// The run diff page: the two runs and Compare, the filter bar, the ranked table (rank, token,
/// kind, divergence, top source A and B, support A and B and its change) and the summary line.
/// Double-click or Enter on a row shows its token in the inspector with both runs side by side.
/// Keys while the page shows: Ctrl+Enter compares, Ctrl+F focuses the filter, Ctrl+E exports
/// the rows shown as CSV ([#SHORTCUTS]).
public final class RunDiffView {

    /// The page's keys and what they do, for the shell's shortcut list.
    public static final Map<String, String> SHORTCUTS = shortcutList();

    private static final KeyCombination COMPARE = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination EXPORT = new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN);

    private final RunDiffViewModel viewModel;
    private final VBox root = new VBox(10);
    private final TextField filterField = new TextField();
    private final TableView<TokenDifference> table = new TableView<>();

    public RunDiffView(RunDiffViewModel viewModel) {
        this.viewModel = viewModel;
        root.setId("diffView");
        root.getStyleClass().add("diff");
        Label title = new Label("Run diff");
        title.getStyleClass().add("page-title");
        Label summary = new Label();
        summary.setId("diffSummary");
        summary.getStyleClass().add("muted");
        summary.setWrapText(true);
        summary.textProperty().bind(viewModel.summaryProperty());
        buildTable();
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getChildren().addAll(title, runRow(), filterBar(), summary, table);
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    }

    private static Map<String, String> shortcutList() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("Ctrl+Enter", "Compare the two runs");
        keys.put("Ctrl+F", "Focus the diff filter");
        keys.put("Ctrl+E", "Export the rows shown as CSV");
        keys.put("Enter / double-click", "Show the row's token in the inspector, both runs side by side");
        return Collections.unmodifiableMap(keys);
    }

    /// The page node.
    public Parent root() {
        return root;
    }

    private void onKey(KeyEvent event) {
        if (COMPARE.match(event)) {
            viewModel.compare();
        } else if (FIND.match(event)) {
            filterField.requestFocus();
        } else if (EXPORT.match(event)) {
            viewModel.exportCsv();
        } else if (event.getCode() == KeyCode.ENTER && !event.isShortcutDown() && table.isFocused()) {
            viewModel.showInInspector(table.getSelectionModel().getSelectedItem());
        } else {
            return;
        }
        event.consume();
    }

    private Node runRow() {
        ComboBox<OpenRun> a = runChoice("diffRunA", "Run A: the first run (support changes read A to B)");
        a.valueProperty().bindBidirectional(viewModel.runAProperty());
        ComboBox<OpenRun> b = runChoice("diffRunB", "Run B: the run compared with A; it must have A's target tokenizer");
        b.valueProperty().bindBidirectional(viewModel.runBProperty());
        Button compare = new Button("Compare");
        compare.setId("diffCompare");
        compare.setDefaultButton(false);
        compare.setTooltip(new Tooltip("Rank every target token by how differently the two runs built it (Ctrl+Enter)"));
        compare.disableProperty().bind(viewModel.comparableProperty().not().or(viewModel.computingProperty()));
        compare.setOnAction(e -> viewModel.compare());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("diffProgress");
        progress.setPrefSize(22, 22);
        progress.visibleProperty().bind(viewModel.computingProperty());
        progress.managedProperty().bind(viewModel.computingProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("diffCancel");
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setTooltip(new Tooltip("Stop the comparison"));
        cancel.visibleProperty().bind(viewModel.computingProperty());
        cancel.managedProperty().bind(viewModel.computingProperty());
        cancel.setOnAction(e -> viewModel.cancel());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button inspect = new Button("Show in inspector");
        inspect.setId("diffShowInInspector");
        inspect.setMinWidth(Region.USE_PREF_SIZE);
        inspect.setTooltip(new Tooltip("Show the selected token in the inspector, run A beside run B (Enter)"));
        inspect.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        inspect.setOnAction(e -> viewModel.showInInspector(table.getSelectionModel().getSelectedItem()));
        Button export = new Button("Export CSV…");
        export.setId("diffExportCsv");
        export.setMinWidth(Region.USE_PREF_SIZE);
        export.setTooltip(new Tooltip("Export the rows shown, in rank order, as CSV (Ctrl+E)"));
        export.disableProperty().bind(viewModel.resultProperty().isNull());
        export.setOnAction(e -> viewModel.exportCsv());
        FlowPane row = new FlowPane(8, 6, new Label("A"), a, new Label("B"), b, compare, progress, cancel, inspect,
                export);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private ComboBox<OpenRun> runChoice(String id, String tooltip) {
        ComboBox<OpenRun> choice = new ComboBox<>(viewModel.runs());
        choice.setId(id);
        choice.setPromptText("choose a run");
        choice.setTooltip(new Tooltip(tooltip));
        choice.setMinWidth(Region.USE_PREF_SIZE);
        return choice;
    }

    private Node filterBar() {
        filterField.setId("diffFilter");
        filterField.setPromptText("filter tokens or sources (Ctrl+F)");
        filterField.setTooltip(new Tooltip("Keep tokens whose text or top source (A or B) contains this, case-insensitive"));
        filterField.textProperty().bindBidirectional(viewModel.filterTextProperty());
        filterField.setPrefColumnCount(22);
        CheckBox changed = new CheckBox("top source changed");
        changed.setId("diffTopSourceChanged");
        changed.setMinWidth(Region.USE_PREF_SIZE);
        changed.setTooltip(new Tooltip("Keep only tokens whose heaviest source token differs between A and B"));
        changed.selectedProperty().bindBidirectional(viewModel.topSourceChangedOnlyProperty());
        TextField minimum = new TextField();
        minimum.setId("diffMinDivergence");
        minimum.setPromptText("0");
        minimum.setPrefColumnCount(4);
        minimum.setTooltip(new Tooltip("Keep only tokens whose Jensen-Shannon divergence is at least this (bits, 0..1);"
                + " empty for any"));
        minimum.textProperty().addListener((obs, old, now) -> viewModel.minDivergenceProperty().set(parse(now)));
        Label minimumLabel = new Label("min JSD");
        minimumLabel.setMinWidth(Region.USE_PREF_SIZE);
        FlowPane bar = new FlowPane(8, 6, filterField, changed, minimumLabel, minimum);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private static double parse(String text) {
        try {
            double value = Double.parseDouble(text == null ? "" : text.strip());
            return Double.isFinite(value) ? Math.min(1.0, Math.max(0.0, value)) : 0.0;
        } catch (NumberFormatException notANumber) {
            return 0.0;
        }
    }

    private void buildTable() {
        table.setId("diffTable");
        table.setPlaceholder(new Label("No comparison yet: choose two runs of one target tokenizer and press Compare"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<TokenDifference, Integer> rank = column("rank", "#", TokenDifference::rank, 60);
        TableColumn<TokenDifference, String> token = column("token", "token", TokenDifference::token, 130);
        TableColumn<TokenDifference, String> kind = column("kind", "kind", RunDiffView::kinds, 80);
        TableColumn<TokenDifference, Double> divergence = column("divergence", "JSD (bits)", RunDiffView::divergence,
                90, value -> value < 0 ? "n/a" : String.format(Locale.ROOT, "%.4f", value));
        TableColumn<TokenDifference, String> topSourceA = column("topSourceA", "top source A",
                TokenDifference::topSourceA, 120);
        TableColumn<TokenDifference, String> topSourceB = column("topSourceB", "top source B",
                RunDiffView::topSourceB, 130);
        TableColumn<TokenDifference, Integer> supportA = column("supportA", "support A", TokenDifference::supportA, 80);
        TableColumn<TokenDifference, Integer> supportB = column("supportB", "support B", TokenDifference::supportB, 80);
        TableColumn<TokenDifference, Integer> supportChange = column("supportChange", "Δ support",
                TokenDifference::supportChange, 80, value -> String.format(Locale.ROOT, "%+d", value));
        table.getColumns().addAll(java.util.List.of(rank, token, kind, divergence, topSourceA, topSourceB, supportA,
                supportB, supportChange));
        // a sort reads each column's keys once into an array (a diff holds a row per target token,
        // 262,145 for Gemma 3; JavaFX's default sort made a Collator per text comparison), on the
        // view model's runner when the rows arrive
        new TableSorting<>(table, viewModel.rows(), null, viewModel.tasks())
                .byInt(rank, TokenDifference::rank)
                .byText(token, TokenDifference::token, TableSorting.TEXTS)
                .byText(kind, RunDiffView::kinds, TableSorting.TEXTS)
                .byNumber(divergence, RunDiffView::divergence)
                .byText(topSourceA, TokenDifference::topSourceA, TableSorting.TEXTS)
                .byText(topSourceB, RunDiffView::topSourceB, TableSorting.TEXTS)
                .byInt(supportA, TokenDifference::supportA)
                .byInt(supportB, TokenDifference::supportB)
                .byInt(supportChange, TokenDifference::supportChange);
        table.setRowFactory(view -> {
            TableRow<TokenDifference> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && !row.isEmpty()) {
                    viewModel.showInInspector(row.getItem());
                }
            });
            return row;
        });
    }

    /// The kind column's text: one kind, or A's and B's when they differ.
    private static String kinds(TokenDifference row) {
        return row.kindA() == row.kindB() ? row.kindA().jsonName() : row.kindA().jsonName() + " / " + row.kindB().jsonName();
    }

    /// The divergence in bits; -1 (shown as n/a) when a side lists no source token.
    private static double divergence(TokenDifference row) {
        return row.comparable() ? row.divergenceBits() : -1.0;
    }

    private static String topSourceB(TokenDifference row) {
        return row.topSourceB() + (row.topSourceChanged() ? "" : " (same)");
    }

    private static <T extends Comparable<T>> TableColumn<TokenDifference, T> column(String id, String title,
            Function<TokenDifference, T> value, double width) {
        return column(id, title, value, width, String::valueOf);
    }

    private static <T extends Comparable<T>> TableColumn<TokenDifference, T> column(String id, String title,
            Function<TokenDifference, T> value, double width, Function<T, String> text) {
        TableColumn<TokenDifference, T> column = new TableColumn<>(title);
        column.setId("diffColumn-" + id);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        });
        return column;
    }
}
