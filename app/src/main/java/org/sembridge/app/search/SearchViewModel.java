package org.sembridge.app.search;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import org.sembridge.app.common.DialogService;
import org.sembridge.app.common.Navigator;
import org.sembridge.app.common.TaskRunner;
import org.sembridge.app.workspace.SessionPart;
import org.sembridge.app.workspace.WorkbenchState;
import org.sembridge.engine.eval.EvaluationReport;
import org.sembridge.engine.eval.QueryEvaluation;
import org.sembridge.engine.index.SearchHit;
import org.sembridge.engine.workflow.DocumentWeights;
import org.sembridge.engine.workflow.EvaluationJson;
import org.sembridge.engine.workflow.PrintedJson;
import org.sembridge.engine.workflow.SearchHitJson;

/// State and commands of the retrieval lab: pick, open or build an index, search it (sparse hits
/// with the engine's per-token explanation beside BM25), view a document's token weights, and
/// evaluate the index on queries + qrels against BM25, with a jump from a query to its target
/// tokens in the inspector.
///
/// A facade over the page's parts: [IndexViewModel] (catalogue, open, build), [QueryViewModel]
/// (query, hits, document), [EvaluationViewModel] (queries + qrels table), [IndexBrowserViewModel]
/// (tokens, postings, document vectors of the open index) and [DemoPreparation]
/// (run defaults and the first-show demo); it wires them and is the one API the views use.
/// Toolkit-free (tested with an inline task runner); all engine work goes through the
/// [TaskRunner], results land on the UI thread in its callbacks. Failures go to the
/// [DialogService] with the engine's message; a cancelled build or evaluation keeps the previous
/// results. Saves the index, query and evaluation files in the session ([SessionPart] `search`).
public final class SearchViewModel implements SessionPart {

    /// Hits per list.
    public static final int HITS = 10;

    private final InspectorJump inspector;
    private final IndexViewModel index;
    private final QueryViewModel query;
    private final EvaluationViewModel evaluation;
    private final DemoPreparation demo;
    private final IndexBrowserViewModel browser;
    private final TaskRunner tasks;

    /// @param repositoryRoot where `assets/demo/<lang>/` lies (the defaults for corpus, queries and qrels)
    public SearchViewModel(TaskRunner tasks, DialogService dialogs, WorkbenchState state, Navigator navigator,
            Path repositoryRoot) {
        this(tasks, dialogs, state, navigator, repositoryRoot, DemoPreparation.AUTOMATIC_BUILD_LIMIT);
    }

    /// As the public constructor, with the largest target vocabulary whose demo index the page
    /// builds without asking (tests lower it below the sample runs' size).
    SearchViewModel(TaskRunner tasks, DialogService dialogs, WorkbenchState state, Navigator navigator,
            Path repositoryRoot, int automaticBuildLimit) {
        this.tasks = tasks;
        this.inspector = new InspectorJump(state, navigator);
        this.index = new IndexViewModel(tasks, dialogs, state, this::indexReplaced);
        this.query = new QueryViewModel(tasks, dialogs, index, inspector);
        this.evaluation = new EvaluationViewModel(tasks, dialogs, index, inspector);
        this.browser = new IndexBrowserViewModel(tasks, dialogs, index, inspector);
        this.demo = new DemoPreparation(state, index, query, evaluation, repositoryRoot, automaticBuildLimit);
        state.currentRunProperty().subscribe(demo::runChanged);
    }

    // ---- properties -------------------------------------------------------------------------

    /// The runner the page's work goes through (the views rank large tables' columns on it).
    public TaskRunner tasks() {
        return tasks;
    }

    /// The index browser on the open index: tokens, postings, document vectors.
    public IndexBrowserViewModel browser() {
        return browser;
    }

    /// The indexes of the workspace, newest first ([#refreshIndexes()]).
    public ObservableList<IndexEntry> indexes() {
        return index.indexes();
    }

    /// The open index; `null` while none is open.
    public ReadOnlyObjectProperty<IndexEntry> openedIndexProperty() {
        return index.openedIndexProperty();
    }

    /// One line on the open index (or why none is open).
    public ReadOnlyStringProperty indexStatusProperty() {
        return index.indexStatusProperty();
    }

    /// The corpus file a build reads (default: the demo corpus of the current run's language).
    public StringProperty corpusPathProperty() {
        return index.corpusPathProperty();
    }

    /// The language code of the BM25 field a build adds (default: the current run's language).
    public StringProperty languageProperty() {
        return index.languageProperty();
    }

    /// Whether an index build is running.
    public ReadOnlyBooleanProperty buildingProperty() {
        return index.buildingProperty();
    }

    /// The last build's outcome (documents, seconds, documents/s) or state.
    public ReadOnlyStringProperty buildStatusProperty() {
        return index.buildStatusProperty();
    }

    /// Whether a build can start: a run is current (its model encodes) and none is running.
    public BooleanBinding canBuildBinding() {
        return index.canBuildBinding();
    }

    /// The query text [#search()] runs.
    public StringProperty queryTextProperty() {
        return query.queryTextProperty();
    }

    /// The sparse hits of the last query, best first.
    public ObservableList<RankedHit> sparseHits() {
        return query.sparseHits();
    }

    /// The BM25 hits of the last query, best first.
    public ObservableList<RankedHit> bm25Hits() {
        return query.bm25Hits();
    }

    /// The last query's full result; `null` before the first.
    public ReadOnlyObjectProperty<SearchResult> searchResultProperty() {
        return query.searchResultProperty();
    }

    /// One line on the last query: hits, query tokens, overlap with BM25.
    public ReadOnlyStringProperty searchStatusProperty() {
        return query.searchStatusProperty();
    }

    /// The document shown in the document view; `null` when none.
    public ReadOnlyObjectProperty<DocumentWeights> documentProperty() {
        return query.documentProperty();
    }

    /// The queries file of the evaluation (`.tsv` or `.jsonl`).
    public StringProperty queriesPathProperty() {
        return evaluation.queriesPathProperty();
    }

    /// The qrels file of the evaluation (TREC or BEIR tsv).
    public StringProperty qrelsPathProperty() {
        return evaluation.qrelsPathProperty();
    }

    /// The evaluation table: the mean row first, then one row per judged query.
    public ObservableList<QueryRow> evaluationRows() {
        return evaluation.evaluationRows();
    }

    /// The last evaluation; `null` before the first.
    public ReadOnlyObjectProperty<EvaluationResult> evaluationProperty() {
        return evaluation.evaluationProperty();
    }

    /// Whether an evaluation is running.
    public ReadOnlyBooleanProperty evaluatingProperty() {
        return evaluation.evaluatingProperty();
    }

    /// One line on the last evaluation: means, timing, coverage.
    public ReadOnlyStringProperty evaluationStatusProperty() {
        return evaluation.evaluationStatusProperty();
    }

    /// `hit` of the last query as JSON for "Copy as JSON": `{"query": ..., "hit": {...}}`, the hit
    /// object as `sembridge search --json --explain` prints it (the same codec); a BM25 hit has no
    /// `explanation`. Empty before a search.
    public Optional<String> hitJson(RankedHit hit) {
        SearchResult result = query.searchResultProperty().get();
        if (hit == null || result == null) {
            return Optional.empty();
        }
        JsonObject document;
        if (hit.explanation() != null) {
            document = SearchHitJson.copiedHit(result.query(), hit.explanation(), hit.title(), hit.snippet());
        } else {
            document = new JsonObject();
            document.addProperty("query", result.query());
            document.add("hit", SearchHitJson.hit(new SearchHit(hit.rank(), hit.docId(), hit.score()), hit.title(),
                    hit.snippet()));
        }
        return Optional.of(PrintedJson.of(document));
    }

    /// `row` of the last evaluation as JSON for "Copy as JSON": its sparse and BM25 entries as
    /// `sembridge eval --json` prints them in `per_query` (the mean row: the reports' means).
    /// Empty without an evaluation or for a row it lacks.
    public Optional<String> evaluationRowJson(QueryRow row) {
        EvaluationResult result = evaluation.evaluationProperty().get();
        if (row == null || result == null) {
            return Optional.empty();
        }
        if (row.mean()) {
            return Optional.of(PrintedJson.of(EvaluationJson.meanRow(row.text(), result.sparse(), result.bm25())));
        }
        Optional<QueryEvaluation> sparse = find(result.sparse(), row.queryId());
        Optional<QueryEvaluation> bm25 = result.bm25() == null ? Optional.empty() : find(result.bm25(), row.queryId());
        return sparse.map(entry -> PrintedJson.of(EvaluationJson.queryRow(row.queryId(), row.text(), entry,
                bm25.orElse(null))));
    }

    private static Optional<QueryEvaluation> find(EvaluationReport report, String queryId) {
        return report.perQuery().stream().filter(q -> q.queryId().equals(queryId)).findFirst();
    }

    // ---- commands ---------------------------------------------------------------------------

    /// Called when the page shows: the first time with a demo run current and no index open, opens
    /// (or builds) the demo index of that run and evaluates the demo queries.
    public void pageShown() {
        demo.pageShown();
    }

    /// Re-reads the workspace's index folders in the background.
    public void refreshIndexes() {
        index.refreshIndexes();
    }

    /// Opens the index in `folder` and loads the model that built it; then re-runs the query, if any.
    public void openIndex(Path folder) {
        index.openIndex(folder, query::searchIfQuery);
    }

    /// Builds an index from [#corpusPathProperty()] with the current run's adapted model into the
    /// workspace (`indexes/<run>-<corpus>`), with a BM25 field in [#languageProperty()], then opens it.
    public void buildIndex() {
        index.buildIndex(query::searchIfQuery);
    }

    /// Stops a running build at its next batch; nothing is written.
    public void cancelBuild() {
        index.cancelBuild();
    }

    /// Runs [#queryTextProperty()] on the open index: sparse hits with explanations and BM25 hits;
    /// shows the first hit's document.
    public void search() {
        query.search();
    }

    /// Shows `hit`'s document with its token weights in the document view.
    public void showDocument(RankedHit hit) {
        query.showDocument(hit);
    }

    /// Reads the queries and qrels files, runs every query on the sparse index and BM25 and fills
    /// the evaluation table with the engine's nDCG@10 and Recall@100.
    public void runEvaluation() {
        evaluation.runEvaluation(() -> { });
    }

    /// Stops a running evaluation; the previous table stays.
    public void cancelEvaluation() {
        evaluation.cancelEvaluation();
    }

    /// Shows `row`'s query and its hits above (the mean row does nothing).
    public void selectQuery(QueryRow row) {
        query.selectQuery(row);
    }

    /// Focuses the inspector on `row`'s target tokens (label `query q12: 7 tokens`) and switches
    /// to it.
    public void showTokens(QueryRow row) {
        evaluation.showTokens(row);
    }

    /// Focuses the inspector on the target tokens of the last query (label `query "소파 의자": 3
    /// tokens`) and switches to it.
    public void showQueryTokens() {
        query.showQueryTokens();
    }

    /// Selects `token` (stored string) in the workbench, so the inspector and the map show it.
    public void selectToken(String token) {
        inspector.select(token);
    }

    // ---- session ----------------------------------------------------------------------------

    @Override
    public String key() {
        return SearchSessionState.KEY;
    }

    @Override
    public JsonElement save() {
        IndexEntry opened = index.openedIndexProperty().get();
        return new SearchSessionState(opened == null ? "" : opened.folder().toString(),
                query.queryTextProperty().get(), evaluation.queriesPathProperty().get(),
                evaluation.qrelsPathProperty().get()).toJson();
    }

    @Override
    public void restore(JsonElement saved) {
        if (saved == null || !saved.isJsonObject()) {
            return;
        }
        SearchSessionState state = SearchSessionState.fromJson(saved);
        Optional.ofNullable(state.query()).ifPresent(query.queryTextProperty()::set);
        Optional.ofNullable(state.queries()).ifPresent(evaluation.queriesPathProperty()::set);
        Optional.ofNullable(state.qrels()).ifPresent(evaluation.qrelsPathProperty()::set);
        Optional.ofNullable(state.index()).filter(path -> !path.isBlank()).map(Path::of).filter(Files::isDirectory)
                .ifPresent(this::openIndex);
    }

    /// An opened index replaced the open one: the hits, document and evaluation of the old one go.
    private void indexReplaced() {
        query.clear();
        evaluation.clear();
        browser.clear();
    }
}
