package org.sembridge.app.search;

import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sembridge.app.common.DialogService;
import org.sembridge.app.common.Formats;
import org.sembridge.app.common.TaskRunner;
import org.sembridge.engine.workflow.DocumentWeights;

/// The query part of the [SearchViewModel]: runs the query text on the open index (sparse hits
/// with the engine's per-token explanation beside BM25's hits) and shows a hit's document with its
/// token weights.
///
/// The latest query and the latest document request win: a result that arrives after a newer
/// request started, or after the index it ran on was replaced, is dropped. Toolkit-free; engine work goes through the [TaskRunner].
final class QueryViewModel {

    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final IndexViewModel index;
    private final InspectorJump inspector;

    private final StringProperty queryText = new SimpleStringProperty("");
    private final ObservableList<RankedHit> sparseHits = FXCollections.observableArrayList();
    private final ObservableList<RankedHit> bm25Hits = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<SearchResult> searchResult = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper searchStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<DocumentWeights> document = new ReadOnlyObjectWrapper<>();

    private long searchGeneration;
    private long documentGeneration;

    /// @param index gives the open index the queries run on
    QueryViewModel(TaskRunner tasks, DialogService dialogs, IndexViewModel index, InspectorJump inspector) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.index = index;
        this.inspector = inspector;
    }

    /// The query text [#search()] runs.
    StringProperty queryTextProperty() {
        return queryText;
    }

    /// The sparse hits of the last query, best first.
    ObservableList<RankedHit> sparseHits() {
        return sparseHits;
    }

    /// The BM25 hits of the last query, best first.
    ObservableList<RankedHit> bm25Hits() {
        return bm25Hits;
    }

    /// The last query's full result; `null` before the first.
    ReadOnlyObjectProperty<SearchResult> searchResultProperty() {
        return searchResult.getReadOnlyProperty();
    }

    /// One line on the last query: hits, query tokens, overlap with BM25.
    ReadOnlyStringProperty searchStatusProperty() {
        return searchStatus.getReadOnlyProperty();
    }

    /// The document shown in the document view; `null` when none.
    ReadOnlyObjectProperty<DocumentWeights> documentProperty() {
        return document.getReadOnlyProperty();
    }

    /// Runs [#queryTextProperty()] on the open index: at most [SearchViewModel#HITS] sparse hits
    /// with explanations and BM25 hits; shows the first hit's document.
    void search() {
        String text = queryText.get() == null ? "" : queryText.get().strip();
        OpenIndex open = index.open();
        if (open == null) {
            searchStatus.set(index.preparing() ? "The index is being prepared…" : "Open or build an index first");
            return;
        }
        if (text.isEmpty()) {
            sparseHits.clear();
            bm25Hits.clear();
            searchStatus.set("Type a query and press Enter");
            return;
        }
        long generation = ++searchGeneration;
        tasks.run("Searching \"" + text + "\"", (progress, cancel) -> open.search(text, SearchViewModel.HITS, cancel),
                result -> {
                    if (generation == searchGeneration) {
                        showResult(result);
                    }
                },
                error -> dialogs.showError("Could not search \"" + text + "\"", error));
    }

    /// Runs [#search()] when the query text is not blank.
    void searchIfQuery() {
        if (queryText.get() != null && !queryText.get().isBlank()) {
            search();
        }
    }

    /// Shows `hit`'s document with its token weights in the document view.
    void showDocument(RankedHit hit) {
        OpenIndex open = index.open();
        if (open == null || hit == null) {
            return;
        }
        long generation = ++documentGeneration;
        tasks.run("Reading document " + hit.docId(), (progress, cancel) -> open.document(hit.docId()),
                weights -> {
                    if (generation == documentGeneration) {
                        document.set(weights);
                    }
                },
                error -> dialogs.showError("Could not read document " + hit.docId(), error));
    }

    /// Puts `row`'s query text in [#queryTextProperty()] and searches it (the mean row and rows
    /// without target tokens do nothing).
    void selectQuery(QueryRow row) {
        if (row == null || !row.searchable()) {
            return;
        }
        queryText.set(row.text());
        search();
    }

    /// Focuses the inspector on the target tokens of the last query (label `query "소파 의자": 3
    /// tokens`) and switches to it.
    void showQueryTokens() {
        SearchResult result = searchResult.get();
        if (result == null || result.queryTokens().isEmpty()) {
            return;
        }
        inspector.focus("query \"" + result.query() + "\": " + result.queryTokens().size() + " tokens",
                result.queryTokens());
    }

    /// Drops the hits, the result and the document, which belonged to the index just replaced, and
    /// any search or document request still running on it; the query text and status stay.
    void clear() {
        searchGeneration++;
        documentGeneration++;
        sparseHits.clear();
        bm25Hits.clear();
        document.set(null);
        searchResult.set(null);
    }

    private void showResult(SearchResult result) {
        searchResult.set(result);
        sparseHits.setAll(result.sparse());
        bm25Hits.setAll(result.bm25());
        String bm25 = result.bm25Note().isEmpty()
                ? String.format(Locale.ROOT, "BM25 (%s): %d of its %d hits also in the sparse list",
                        index.openedIndexProperty().get().bm25Language(), result.overlap(), result.bm25().size())
                : "BM25: " + result.bm25Note();
        searchStatus.set(String.format(Locale.ROOT, "%d hits of %s documents · query: %d tokens, %d with expansion · %s",
                result.sparse().size(), Formats.count(result.documents()), result.queryTokens().size(),
                result.expansion(), bm25));
        if (result.sparse().isEmpty()) {
            document.set(null);
        } else {
            showDocument(result.sparse().getFirst());
        }
    }
}
