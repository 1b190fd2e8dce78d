package org.sembridge.app.search;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.sembridge.app.common.ClipboardText;
import org.sembridge.app.common.DialogService;
import org.sembridge.app.common.Formats;

/// The search page (retrieval lab): the index panel, the index browser (collapsed), the query box,
/// the sparse hits with their contribution chips beside the BM25 hits, the document view, and the
/// evaluation panel. Builds
/// and binds nodes only; commands go to the [SearchViewModel].
///
/// Shortcuts while the page shows: Enter in the query box searches, Ctrl+L focuses the query box,
/// Ctrl+E evaluates, Ctrl+B builds an index, Ctrl+Shift+O opens an index folder, Ctrl+T shows the
/// selected query's tokens in the inspector ([#SHORTCUTS]).
public final class SearchView {

    /// The page's keys and what they do, for the shell's shortcut list.
    public static final Map<String, String> SHORTCUTS = shortcutList();

    private static final KeyCombination FOCUS_QUERY = new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination EVALUATE = new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination BUILD = new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination OPEN_INDEX = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    private static final KeyCombination SHOW_TOKENS = new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN);

    private final SearchViewModel viewModel;
    private final VBox root = new VBox(10);
    private final TextField queryField = new TextField();
    private final IndexPanel indexPanel;
    private final EvaluationPanel evaluationPanel;

    public SearchView(SearchViewModel viewModel, DialogService dialogs) {
        this.viewModel = viewModel;
        this.indexPanel = new IndexPanel(viewModel, dialogs);
        this.evaluationPanel = new EvaluationPanel(viewModel, dialogs);
        root.setId("searchView");
        Label title = new Label("Search");
        title.getStyleClass().add("page-title");
        TitledPane index = new TitledPane("Index", indexPanel.root());
        index.setId("indexPane");
        index.setTooltip(new Tooltip("Pick, open or build the index to search"));
        // Collapsed once an index is open, so the results get the room; the title names the index.
        index.textProperty().bind(Bindings.createStringBinding(() -> {
            IndexEntry opened = viewModel.openedIndexProperty().get();
            return opened == null ? "Index" : "Index: " + opened.name() + " · " + Formats.count(opened.documentCount())
                    + " documents";
        }, viewModel.openedIndexProperty()));
        viewModel.openedIndexProperty().subscribe(opened -> index.setExpanded(opened == null));
        TitledPane browser = indexBrowser(viewModel);
        TitledPane evaluation = new TitledPane("Evaluation", evaluationPanel.root());
        evaluation.setId("evaluationPane");
        evaluation.setTooltip(new Tooltip("nDCG@10 and Recall@100 per query, sparse index against BM25"));
        evaluation.setMaxHeight(Double.MAX_VALUE);
        SplitPane results = new SplitPane(hitColumn("SemBridge sparse", "sparseHits", viewModel, "BM25"),
                hitColumn("BM25", "bm25Hits", viewModel, "sparse"), new DocumentPanel(viewModel).root());
        results.setId("resultsSplit");
        results.setDividerPositions(0.36, 0.62);
        // the hits keep a usable height when the evaluation table takes its eight rows; a page
        // taller than the window scrolls
        results.setMinHeight(240);
        SplitPane page = new SplitPane(new VBox(8, queryRow(), status(), results), evaluation);
        page.setOrientation(Orientation.VERTICAL);
        page.setDividerPositions(0.5);
        VBox.setVgrow(results, Priority.ALWAYS);
        VBox.setVgrow(page, Priority.ALWAYS);
        root.getChildren().addAll(title, index, browser, page);
        // A filter on the page, so the keys act only while it shows and a focused field cannot
        // swallow them first.
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                viewModel.pageShown();
            }
        });
    }

    /// The index browser, collapsed: opening it reads the open index's tokens (every document
    /// vector once), so that only happens when the user asks.
    private static TitledPane indexBrowser(SearchViewModel viewModel) {
        IndexBrowserViewModel browser = viewModel.browser();
        TitledPane pane = new TitledPane("Index browser: tokens, postings, document vectors",
                new IndexBrowserPanel(browser).root());
        pane.setId("indexBrowserPane");
        pane.setTooltip(new Tooltip("Browse the open index as Luke does: its tokens by document frequency, a token's"
                + " postings, a document's whole vector"));
        pane.setExpanded(false);
        pane.expandedProperty().subscribe(expanded -> {
            if (expanded) {
                browser.loadTokens();
            }
        });
        viewModel.openedIndexProperty().subscribe(opened -> {
            if (opened != null && pane.isExpanded()) {
                browser.loadTokens();
            }
        });
        return pane;
    }

    private static Map<String, String> shortcutList() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("Enter", "Search the query (in the query box)");
        keys.put("Ctrl+L", "Focus the query box");
        keys.put("Ctrl+E", "Evaluate the queries and qrels");
        keys.put("Ctrl+B", "Build an index from the corpus with the current run's model");
        keys.put("Ctrl+Shift+O", "Open an index folder");
        keys.put("Ctrl+T", "Show the selected query's tokens in the inspector");
        return Collections.unmodifiableMap(keys);
    }

    /// The page node.
    public Parent root() {
        return root;
    }

    private void shortcut(KeyEvent event) {
        Runnable action = null;
        if (FOCUS_QUERY.match(event)) {
            action = this::focusQuery;
        } else if (EVALUATE.match(event)) {
            action = viewModel::runEvaluation;
        } else if (BUILD.match(event)) {
            action = viewModel::buildIndex;
        } else if (OPEN_INDEX.match(event)) {
            action = indexPanel::chooseIndexFolder;
        } else if (SHOW_TOKENS.match(event)) {
            action = evaluationPanel::showSelectedTokens;
        }
        if (action != null) {
            action.run();
            event.consume();
        }
    }

    private void focusQuery() {
        queryField.requestFocus();
        queryField.selectAll();
    }

    private Node queryRow() {
        queryField.setId("queryField");
        queryField.setPromptText("Type a query in the target language and press Enter");
        queryField.setTooltip(new Tooltip("The query: Enter searches (Ctrl+L focuses this box)"));
        queryField.textProperty().bindBidirectional(viewModel.queryTextProperty());
        queryField.setOnAction(e -> viewModel.search());
        HBox.setHgrow(queryField, Priority.ALWAYS);
        Button search = new Button("Search");
        search.setId("searchButton");
        search.setTooltip(new Tooltip("Search the open index and BM25 (Enter)"));
        search.disableProperty().bind(viewModel.openedIndexProperty().isNull());
        search.setOnAction(e -> viewModel.search());
        Button tokens = new Button("Query tokens");
        tokens.setId("queryShowTokens");
        tokens.setTooltip(new Tooltip("Open this query's target tokens in the alignment inspector"));
        tokens.disableProperty().bind(viewModel.searchResultProperty().isNull());
        tokens.setOnAction(e -> viewModel.showQueryTokens());
        HBox row = new HBox(8, queryField, search, tokens);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node status() {
        Label status = new Label();
        status.setId("searchStatus");
        status.getStyleClass().add("muted");
        status.setWrapText(true);
        status.textProperty().bind(viewModel.searchStatusProperty());
        return status;
    }

    private static Node hitColumn(String title, String id, SearchViewModel viewModel, String otherList) {
        Label heading = new Label(title);
        heading.getStyleClass().add("card-title");
        Button copyJson = new Button("Copy JSON");
        copyJson.setId("sparseHits".equals(id) ? "copySparseHitJson" : "copyBm25HitJson");
        copyJson.setMinWidth(Region.USE_PREF_SIZE);
        copyJson.setTooltip(new Tooltip("Copy the selected hit as JSON, as `sembridge search --json --explain` prints"
                + " it" + ("sparseHits".equals(id) ? " with its explanation" : "") + " (paste into a notebook)"));
        Region headingSpace = new Region();
        HBox.setHgrow(headingSpace, Priority.ALWAYS);
        HBox headingRow = new HBox(8, heading, headingSpace, copyJson);
        headingRow.setAlignment(Pos.CENTER_LEFT);
        ListView<RankedHit> list = new ListView<>("sparseHits".equals(id) ? viewModel.sparseHits() : viewModel.bm25Hits());
        list.setId(id);
        list.setPlaceholder(new Label("No hits yet"));
        list.setTooltip(new Tooltip("sparseHits".equals(id)
                ? "Sparse hits: score = Σ query weight × indexed document weight; chips: each token's share,"
                        + " exact | indexed (9-bit)"
                : "BM25 hits of the same query (the language's analyzer); 'also sparse' marks the overlap"));
        list.setCellFactory(l -> new HitCell(otherList, viewModel::selectToken));
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, hit) -> viewModel.showDocument(hit));
        VBox.setVgrow(list, Priority.ALWAYS);
        copyJson.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        copyJson.setOnAction(e -> viewModel.hitJson(list.getSelectionModel().getSelectedItem())
                .ifPresent(ClipboardText::copy));
        VBox column = new VBox(4, headingRow, list);
        column.setMinWidth(200);
        return column;
    }
}
