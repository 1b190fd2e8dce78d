package org.sembridge.app.search;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
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

/// The search page (retrieval lab): the query box, and four tabs that each take the rest of the
/// page's height: **Hits** (the sparse hits with their contribution chips beside the BM25 hits,
/// and the document view), **Evaluation** (the evaluation panel), **Index browser** and
/// **Index** (the index panel; it names the open index and shows while none is open). Opening an index
/// or searching shows the hits tab, Ctrl+E the evaluation tab, and a double-click (or Enter) on
/// an evaluation row shows that query's hits.
/// Builds and binds nodes only; commands go to the [SearchViewModel].
///
/// Shortcuts while the page shows: Enter in the query box searches, Ctrl+L focuses the query box,
/// Ctrl+E evaluates, Ctrl+B builds an index, Ctrl+Shift+O opens an index folder, Ctrl+T shows the
/// query's tokens in the inspector (on the evaluation tab the selected row's) ([#SHORTCUTS]).
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
    private final TabPane tabs = new TabPane();
    private final Tab hitsTab = new Tab("Hits");
    private final Tab evaluationTab = new Tab("Evaluation");

    public SearchView(SearchViewModel viewModel, DialogService dialogs) {
        this.viewModel = viewModel;
        this.indexPanel = new IndexPanel(viewModel, dialogs);
        this.evaluationPanel = new EvaluationPanel(viewModel, dialogs, this::showHits);
        root.setId("searchView");
        Label title = new Label("Search");
        title.getStyleClass().add("page-title");
        Tab index = new Tab("Index", indexPanel.root());
        index.setId("indexTab");
        index.setTooltip(new Tooltip("Pick, open or build the index to search"));
        // The tab names the open index; it shows while none is open, the hits once one is.
        index.textProperty().bind(Bindings.createStringBinding(() -> {
            IndexEntry opened = viewModel.openedIndexProperty().get();
            return opened == null ? "Index" : "Index: " + opened.name();
        }, viewModel.openedIndexProperty()));
        hitsTab.setContent(hits(viewModel));
        hitsTab.setId("hitsTab");
        hitsTab.setTooltip(new Tooltip("The query's sparse hits with their explanation, BM25's hits beside them, and"
                + " the selected hit's document"));
        evaluationTab.setContent(evaluationPanel.root());
        evaluationTab.setId("evaluationTab");
        evaluationTab.setTooltip(new Tooltip("nDCG@10 and Recall@100 per query, sparse index against BM25 (Ctrl+E"
                + " evaluates)"));
        Tab browser = indexBrowser(viewModel);
        // the index last: chosen once, then the tab only names it
        tabs.getTabs().addAll(hitsTab, evaluationTab, browser, index);
        tabs.setId("searchTabs");
        tabs.getStyleClass().add("search-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        viewModel.openedIndexProperty().subscribe(opened -> tabs.getSelectionModel().select(opened == null ? index : hitsTab));
        // The index, the hits, the evaluation and the index browser each take the page's whole
        // height: one under the other, a projector's 1280 x 800 in presentation mode showed one
        // evaluation row (issue 12).
        VBox.setVgrow(tabs, Priority.ALWAYS);
        root.getChildren().addAll(title, queryRow(), tabs);
        // A filter on the page, so the keys act only while it shows and a focused field cannot
        // swallow them first.
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                viewModel.pageShown();
            }
        });
    }

    /// The hits tab: the search status, then the sparse hits, the BM25 hits and the document
    /// side by side.
    private Node hits(SearchViewModel viewModel) {
        SplitPane results = new SplitPane(hitColumn("SemBridge sparse", "sparseHits", viewModel, "BM25"),
                hitColumn("BM25", "bm25Hits", viewModel, "sparse"), new DocumentPanel(viewModel).root());
        results.setId("resultsSplit");
        results.setDividerPositions(0.36, 0.62);
        results.setMinHeight(160);
        VBox.setVgrow(results, Priority.ALWAYS);
        return new VBox(8, status(), results);
    }

    /// The index browser's tab: opening it reads the open index's tokens (every document vector
    /// once), so that only happens when the user asks.
    private static Tab indexBrowser(SearchViewModel viewModel) {
        IndexBrowserViewModel browser = viewModel.browser();
        Tab tab = new Tab("Index browser", new IndexBrowserPanel(browser).root());
        tab.setId("indexBrowserTab");
        tab.setTooltip(new Tooltip("Browse the open index as Luke does: its tokens by document frequency, a token's"
                + " postings, a document's whole vector"));
        tab.selectedProperty().subscribe(selected -> {
            if (selected) {
                browser.loadTokens();
            }
        });
        viewModel.openedIndexProperty().subscribe(opened -> {
            if (opened != null && tab.isSelected()) {
                browser.loadTokens();
            }
        });
        return tab;
    }

    /// Shows the hits tab (a search, a double-clicked evaluation row).
    private void showHits() {
        tabs.getSelectionModel().select(hitsTab);
    }

    private void search() {
        showHits();
        viewModel.search();
    }

    private void evaluate() {
        tabs.getSelectionModel().select(evaluationTab);
        viewModel.runEvaluation();
    }

    /// Ctrl+T: on the evaluation tab the selected row's tokens, elsewhere the searched query's.
    private void showTokens() {
        if (evaluationTab.isSelected()) {
            evaluationPanel.showSelectedTokens();
        } else if (viewModel.searchResultProperty().get() != null) {
            viewModel.showQueryTokens();
        }
    }

    private static Map<String, String> shortcutList() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("Enter", "Search the query (in the query box)");
        keys.put("Ctrl+L", "Focus the query box");
        keys.put("Ctrl+E", "Evaluate the queries and qrels (shows the Evaluation tab)");
        keys.put("Ctrl+B", "Build an index from the corpus with the current run's model");
        keys.put("Ctrl+Shift+O", "Open an index folder");
        keys.put("Ctrl+T", "Show the query's tokens in the inspector (on the Evaluation tab: the selected row's)");
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
            action = this::evaluate;
        } else if (BUILD.match(event)) {
            action = viewModel::buildIndex;
        } else if (OPEN_INDEX.match(event)) {
            action = indexPanel::chooseIndexFolder;
        } else if (SHOW_TOKENS.match(event)) {
            action = this::showTokens;
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
        queryField.setOnAction(e -> search());
        HBox.setHgrow(queryField, Priority.ALWAYS);
        Button search = new Button("Search");
        search.setId("searchButton");
        search.setTooltip(new Tooltip("Search the open index and BM25 (Enter)"));
        search.disableProperty().bind(viewModel.openedIndexProperty().isNull());
        search.setOnAction(e -> search());
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
