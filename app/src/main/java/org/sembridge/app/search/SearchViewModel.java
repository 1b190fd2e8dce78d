package org.sembridge.app.search;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
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
import org.sembridge.app.common.Navigator;
import org.sembridge.app.common.TaskHandle;
import org.sembridge.app.common.TaskRunner;
import org.sembridge.app.workspace.OpenRun;
import org.sembridge.app.workspace.SessionPart;
import org.sembridge.app.workspace.WorkbenchState;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.encoder.DeviceChoice;
import org.sembridge.engine.eval.Qrels;
import org.sembridge.engine.eval.QrelsReader;
import org.sembridge.engine.eval.Topic;
import org.sembridge.engine.eval.TopicsReader;
import org.sembridge.engine.index.Bm25Language;
import org.sembridge.engine.index.IndexBuildReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// State and commands of the retrieval lab: pick, open or build an index, search it (sparse hits
/// with the engine's per-token explanation beside BM25), view a document's token weights, and
/// evaluate the index on queries + qrels against BM25, with a jump from a query to its target
/// tokens in the inspector.
///
/// Toolkit-free (tested with an inline task runner); all engine work goes through the
/// [TaskRunner], results land on the UI thread in its callbacks. Failures go to the
/// [DialogService] with the engine's message; a cancelled build or evaluation keeps the previous
/// results. Saves the index, query and evaluation files in the session ([SessionPart] `search`).
public final class SearchViewModel implements SessionPart {

    /// Hits per list.
    public static final int HITS = 10;

    private static final Logger LOG = LoggerFactory.getLogger(SearchViewModel.class);

    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final WorkbenchState state;
    private final InspectorJump inspector;
    private final Path repositoryRoot;

    private final ObservableList<IndexEntry> indexes = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<IndexEntry> openedIndex = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper indexStatus = new ReadOnlyStringWrapper("No index open");
    private final StringProperty corpusPath = new SimpleStringProperty("");
    private final StringProperty language = new SimpleStringProperty(Bm25Language.KO.code());
    private final ReadOnlyBooleanWrapper building = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper buildStatus = new ReadOnlyStringWrapper("");
    private final BooleanBinding canBuild;

    private final StringProperty queryText = new SimpleStringProperty("");
    private final ObservableList<RankedHit> sparseHits = FXCollections.observableArrayList();
    private final ObservableList<RankedHit> bm25Hits = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<SearchResult> searchResult = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper searchStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<DocumentWeights> document = new ReadOnlyObjectWrapper<>();

    private final StringProperty queriesPath = new SimpleStringProperty("");
    private final StringProperty qrelsPath = new SimpleStringProperty("");
    private final ObservableList<QueryRow> evaluationRows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<EvaluationResult> evaluation = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper evaluating = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper evaluationStatus = new ReadOnlyStringWrapper("");

    private final Set<Path> demoPrepared = new HashSet<>();
    private OpenIndex open;
    private boolean opening;
    private boolean shown;
    private long searchGeneration;
    private long documentGeneration;
    private TaskHandle buildTask;
    private TaskHandle evaluationTask;

    /// @param repositoryRoot where `assets/demo/<lang>/` lies (the defaults for corpus, queries and qrels)
    public SearchViewModel(TaskRunner tasks, DialogService dialogs, WorkbenchState state, Navigator navigator,
            Path repositoryRoot) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.state = state;
        this.inspector = new InspectorJump(state, navigator);
        this.repositoryRoot = repositoryRoot;
        this.canBuild = Bindings.createBooleanBinding(
                () -> state.currentRunProperty().get() != null && !building.get(),
                state.currentRunProperty(), building);
        state.currentRunProperty().subscribe(this::currentRunChanged);
    }

    // ---- properties -------------------------------------------------------------------------

    /// The indexes of the workspace, newest first ([#refreshIndexes()]).
    public ObservableList<IndexEntry> indexes() {
        return indexes;
    }

    /// The open index; `null` while none is open.
    public ReadOnlyObjectProperty<IndexEntry> openedIndexProperty() {
        return openedIndex.getReadOnlyProperty();
    }

    /// One line on the open index (or why none is open).
    public ReadOnlyStringProperty indexStatusProperty() {
        return indexStatus.getReadOnlyProperty();
    }

    /// The corpus file a build reads (default: the demo corpus of the current run's language).
    public StringProperty corpusPathProperty() {
        return corpusPath;
    }

    /// The language code of the BM25 field a build adds (default: the current run's language).
    public StringProperty languageProperty() {
        return language;
    }

    /// Whether an index build is running.
    public ReadOnlyBooleanProperty buildingProperty() {
        return building.getReadOnlyProperty();
    }

    /// The last build's outcome (documents, seconds, documents/s) or state.
    public ReadOnlyStringProperty buildStatusProperty() {
        return buildStatus.getReadOnlyProperty();
    }

    /// Whether a build can start: a run is current (its model encodes) and none is running.
    public BooleanBinding canBuildBinding() {
        return canBuild;
    }

    /// The query text [#search()] runs.
    public StringProperty queryTextProperty() {
        return queryText;
    }

    /// The sparse hits of the last query, best first.
    public ObservableList<RankedHit> sparseHits() {
        return sparseHits;
    }

    /// The BM25 hits of the last query, best first.
    public ObservableList<RankedHit> bm25Hits() {
        return bm25Hits;
    }

    /// The last query's full result; `null` before the first.
    public ReadOnlyObjectProperty<SearchResult> searchResultProperty() {
        return searchResult.getReadOnlyProperty();
    }

    /// One line on the last query: hits, query tokens, overlap with BM25.
    public ReadOnlyStringProperty searchStatusProperty() {
        return searchStatus.getReadOnlyProperty();
    }

    /// The document shown in the document view; `null` when none.
    public ReadOnlyObjectProperty<DocumentWeights> documentProperty() {
        return document.getReadOnlyProperty();
    }

    /// The queries file of the evaluation (`.tsv` or `.jsonl`).
    public StringProperty queriesPathProperty() {
        return queriesPath;
    }

    /// The qrels file of the evaluation (TREC or BEIR tsv).
    public StringProperty qrelsPathProperty() {
        return qrelsPath;
    }

    /// The evaluation table: the mean row first, then one row per judged query.
    public ObservableList<QueryRow> evaluationRows() {
        return evaluationRows;
    }

    /// The last evaluation; `null` before the first.
    public ReadOnlyObjectProperty<EvaluationResult> evaluationProperty() {
        return evaluation.getReadOnlyProperty();
    }

    /// Whether an evaluation is running.
    public ReadOnlyBooleanProperty evaluatingProperty() {
        return evaluating.getReadOnlyProperty();
    }

    /// One line on the last evaluation: means, timing, coverage.
    public ReadOnlyStringProperty evaluationStatusProperty() {
        return evaluationStatus.getReadOnlyProperty();
    }

    // ---- commands ---------------------------------------------------------------------------

    /// Called when the page shows: the first time with a demo run current and no index open, opens
    /// (or builds) the demo index of that run and evaluates the demo queries.
    public void pageShown() {
        if (!shown) {
            shown = true;
            refreshIndexes();
        }
        prepareDemo();
    }

    /// Re-reads the workspace's index folders in the background.
    public void refreshIndexes() {
        Path folder = state.workspace().indexes();
        tasks.run("Listing indexes", (progress, cancel) -> IndexCatalog.list(folder), indexes::setAll,
                error -> dialogs.showError("Could not list the indexes in " + folder, error));
    }

    /// Opens the index in `folder` and loads the model that built it; then re-runs the query, if any.
    public void openIndex(Path folder) {
        openIndex(folder, this::searchIfQuery);
    }

    /// Builds an index from [#corpusPathProperty()] with the current run's adapted model into the
    /// workspace (`indexes/<run>-<corpus>`), with a BM25 field in [#languageProperty()], then opens it.
    public void buildIndex() {
        buildIndex(this::searchIfQuery);
    }

    /// Stops a running build at its next batch; nothing is written.
    public void cancelBuild() {
        if (buildTask != null) {
            buildTask.cancel();
        }
    }

    /// Runs [#queryTextProperty()] on the open index: sparse hits with explanations and BM25 hits;
    /// shows the first hit's document.
    public void search() {
        String text = queryText.get() == null ? "" : queryText.get().strip();
        if (open == null) {
            searchStatus.set(opening || building.get() ? "The index is being prepared…" : "Open or build an index first");
            return;
        }
        if (text.isEmpty()) {
            sparseHits.clear();
            bm25Hits.clear();
            searchStatus.set("Type a query and press Enter");
            return;
        }
        OpenIndex index = open;
        long generation = ++searchGeneration;
        tasks.run("Searching \"" + text + "\"", (progress, cancel) -> index.search(text, HITS, cancel),
                result -> {
                    if (generation == searchGeneration) {
                        showResult(result);
                    }
                },
                error -> dialogs.showError("Could not search \"" + text + "\"", error));
    }

    /// Shows `hit`'s document with its token weights in the document view.
    public void showDocument(RankedHit hit) {
        if (open == null || hit == null) {
            return;
        }
        OpenIndex index = open;
        long generation = ++documentGeneration;
        tasks.run("Reading document " + hit.docId(), (progress, cancel) -> index.document(hit.docId()),
                weights -> {
                    if (generation == documentGeneration) {
                        document.set(weights);
                    }
                },
                error -> dialogs.showError("Could not read document " + hit.docId(), error));
    }

    /// Reads the queries and qrels files, runs every query on the sparse index and BM25 and fills
    /// the evaluation table with the engine's nDCG@10 and Recall@100.
    public void runEvaluation() {
        runEvaluation(() -> { });
    }

    /// Stops a running evaluation; the previous table stays.
    public void cancelEvaluation() {
        if (evaluationTask != null) {
            evaluationTask.cancel();
        }
    }

    /// Shows `row`'s query and its hits above (the mean row does nothing).
    public void selectQuery(QueryRow row) {
        if (row == null || !row.searchable()) {
            return;
        }
        queryText.set(row.text());
        search();
    }

    /// Focuses the inspector on `row`'s target tokens (label `query q12: 7 tokens`) and switches
    /// to it.
    public void showTokens(QueryRow row) {
        if (row == null || !row.searchable()) {
            return;
        }
        inspector.focus("query " + row.queryId() + ": " + row.tokens().size() + " tokens", row.tokens());
    }

    /// Focuses the inspector on the target tokens of the last query (label `query "소파 의자": 3
    /// tokens`) and switches to it.
    public void showQueryTokens() {
        SearchResult result = searchResult.get();
        if (result == null || result.queryTokens().isEmpty()) {
            return;
        }
        inspector.focus("query \"" + result.query() + "\": " + result.queryTokens().size() + " tokens",
                result.queryTokens());
    }

    /// Selects `token` (stored string) in the workbench, so the inspector and the map show it.
    public void selectToken(String token) {
        inspector.select(token);
    }

    // ---- session ----------------------------------------------------------------------------

    @Override
    public String key() {
        return "search";
    }

    @Override
    public JsonElement save() {
        JsonObject saved = new JsonObject();
        IndexEntry index = openedIndex.get();
        saved.addProperty("index", index == null ? "" : index.folder().toString());
        saved.addProperty("query", queryText.get());
        saved.addProperty("queries", queriesPath.get());
        saved.addProperty("qrels", qrelsPath.get());
        return saved;
    }

    @Override
    public void restore(JsonElement saved) {
        if (saved == null || !saved.isJsonObject()) {
            return;
        }
        JsonObject object = saved.getAsJsonObject();
        text(object, "query").ifPresent(queryText::set);
        text(object, "queries").ifPresent(queriesPath::set);
        text(object, "qrels").ifPresent(qrelsPath::set);
        text(object, "index").filter(path -> !path.isBlank()).map(Path::of).filter(Files::isDirectory)
                .ifPresent(this::openIndex);
    }

    private static Optional<String> text(JsonObject object, String key) {
        JsonElement value = object.get(key);
        return value == null || !value.isJsonPrimitive() ? Optional.empty() : Optional.of(value.getAsString());
    }

    // ---- internals --------------------------------------------------------------------------

    private void currentRunChanged(OpenRun run) {
        if (run == null) {
            return;
        }
        Optional<String> runLanguage = DemoCollection.languageOf(run.run());
        runLanguage.ifPresent(language::set);
        runLanguage.flatMap(code -> DemoCollection.of(repositoryRoot, code)).ifPresent(demo -> {
            corpusPath.set(demo.corpus().toString());
            if (queriesPath.get().isBlank()) {
                queriesPath.set(demo.queries().toString());
            }
            if (qrelsPath.get().isBlank()) {
                qrelsPath.set(demo.qrels().toString());
            }
        });
        if (shown) {
            prepareDemo();
        }
    }

    /// Opens or builds the demo index of the current run once, when no index is open, and then
    /// evaluates the demo queries and shows the query where the sparse index gains most over BM25.
    private void prepareDemo() {
        OpenRun run = state.currentRunProperty().get();
        if (run == null || open != null || opening || building.get() || !demoPrepared.add(run.run().directory())) {
            return;
        }
        Optional<DemoCollection> demo = DemoCollection.languageOf(run.run())
                .flatMap(code -> DemoCollection.of(repositoryRoot, code));
        if (demo.isEmpty()) {
            return;
        }
        corpusPath.set(demo.get().corpus().toString());
        queriesPath.set(demo.get().queries().toString());
        qrelsPath.set(demo.get().qrels().toString());
        Path target = demoIndexFolder(run, demo.get());
        Runnable then = () -> runEvaluation(this::showMostImprovedQuery);
        if (isIndexOf(target, run)) {
            openIndex(target, then);
        } else {
            buildIndex(then);
        }
    }

    private Path demoIndexFolder(OpenRun run, DemoCollection demo) {
        return state.workspace().indexes().resolve(IndexFolderBuilder.folderName(run.run().directory(), demo.corpus()));
    }

    private static boolean isIndexOf(Path folder, OpenRun run) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try {
            IndexEntry entry = IndexEntry.read(folder);
            return Path.of(entry.modelPath()).toAbsolutePath().normalize()
                    .equals(run.run().modelDirectory().toAbsolutePath().normalize());
        } catch (Exception notAnIndex) {
            LOG.debug("{} is not an index of {}: {}", folder, run.label(), notAnIndex.getMessage());
            return false;
        }
    }

    private void openIndex(Path folder, Runnable then) {
        Path absolute = folder.toAbsolutePath().normalize();
        opening = true;
        indexStatus.set("Opening " + absolute.getFileName() + "…");
        tasks.run("Opening index " + absolute.getFileName(),
                (progress, cancel) -> OpenIndex.open(absolute, DeviceChoice.AUTO.select()),
                opened -> {
                    opening = false;
                    replaceOpenIndex(opened);
                    then.run();
                },
                error -> {
                    opening = false;
                    indexStatus.set(open == null ? "No index open" : describe(open.entry()));
                    dialogs.showError("Could not open the index " + absolute, error);
                });
    }

    private void replaceOpenIndex(OpenIndex opened) {
        OpenIndex previous = open;
        open = opened;
        openedIndex.set(opened.entry());
        indexStatus.set(describe(opened.entry()));
        sparseHits.clear();
        bm25Hits.clear();
        document.set(null);
        searchResult.set(null);
        evaluation.set(null);
        evaluationRows.clear();
        evaluationStatus.set("");
        if (indexes.stream().noneMatch(entry -> entry.folder().equals(opened.entry().folder()))) {
            refreshIndexes();
        }
        if (previous != null) {
            tasks.run("Closing index " + previous.entry().name(), (progress, cancel) -> {
                previous.close();
                return previous.entry();
            }, closed -> { }, error -> LOG.warn("closing {} failed", previous.entry().folder(), error));
        }
    }

    private void buildIndex(Runnable then) {
        OpenRun run = state.currentRunProperty().get();
        if (run == null || building.get()) {
            return;
        }
        Path corpus = Path.of(corpusPath.get()).toAbsolutePath().normalize();
        Path target = state.workspace().indexes().resolve(IndexFolderBuilder.folderName(run.run().directory(), corpus));
        Path model = run.run().modelDirectory();
        String code = language.get();
        building.set(true);
        buildStatus.set("Building " + target.getFileName() + " from " + corpus.getFileName() + "…");
        buildTask = tasks.run("Building index " + target.getFileName(),
                (progress, cancel) -> IndexFolderBuilder.build(corpus, target, model,
                        code == null || code.isBlank() ? Optional.empty() : Optional.of(Bm25Language.forCode(code)),
                        DeviceChoice.AUTO.select(), progress, cancel),
                (IndexBuildReport report) -> {
                    building.set(false);
                    buildTask = null;
                    buildStatus.set(String.format(Locale.ROOT, "Built %s: %s documents in %s (%.0f documents/s)",
                            report.indexFolder().getFileName(), Formats.count(report.metadata().documentCount()),
                            Formats.duration(report.elapsedNanos()), report.documentsPerSecond()));
                    refreshIndexes();
                    openIndex(report.indexFolder(), then);
                },
                error -> {
                    building.set(false);
                    buildTask = null;
                    if (error instanceof OperationCancelledException) {
                        buildStatus.set("Build cancelled; nothing was written");
                    } else {
                        buildStatus.set("Build failed: " + error.getMessage());
                        dialogs.showError("Could not build the index " + target.getFileName(), error);
                    }
                });
    }

    private void runEvaluation(Runnable then) {
        if (open == null) {
            evaluationStatus.set("Open or build an index first");
            return;
        }
        if (evaluating.get()) {
            return;
        }
        OpenIndex index = open;
        Path queries = Path.of(queriesPath.get());
        Path qrels = Path.of(qrelsPath.get());
        evaluating.set(true);
        evaluationStatus.set("Evaluating " + queries.getFileName() + " against " + qrels.getFileName() + "…");
        evaluationTask = tasks.run("Evaluating " + index.entry().name(), (progress, cancel) -> {
            List<Topic> topics = TopicsReader.read(queries);
            Qrels judgements = QrelsReader.read(qrels);
            return index.evaluate(topics, judgements, progress, cancel);
        }, result -> {
            evaluating.set(false);
            evaluationTask = null;
            if (index != open) {
                return;
            }
            evaluation.set(result);
            evaluationRows.setAll(result.rows());
            evaluationRows.addFirst(result.mean());
            evaluationStatus.set(describe(result));
            then.run();
        }, error -> {
            evaluating.set(false);
            evaluationTask = null;
            if (error instanceof OperationCancelledException) {
                evaluationStatus.set("Evaluation cancelled; the previous results are kept");
            } else {
                evaluationStatus.set("Evaluation failed: " + error.getMessage());
                dialogs.showError("Could not evaluate " + index.entry().name(), error);
            }
        });
    }

    /// After the demo evaluation: shows the query where the sparse nDCG@10 gains most over BM25's.
    private void showMostImprovedQuery() {
        if (!queryText.get().isBlank()) {
            search();
            return;
        }
        evaluationRows.stream()
                .filter(QueryRow::searchable)
                .max(Comparator.comparingDouble(row -> row.sparseNdcg() - (Double.isNaN(row.bm25Ndcg()) ? 0 : row.bm25Ndcg())))
                .ifPresent(this::selectQuery);
    }

    private void searchIfQuery() {
        if (queryText.get() != null && !queryText.get().isBlank()) {
            search();
        }
    }

    private void showResult(SearchResult result) {
        searchResult.set(result);
        sparseHits.setAll(result.sparse());
        bm25Hits.setAll(result.bm25());
        String bm25 = result.bm25Note().isEmpty()
                ? String.format(Locale.ROOT, "BM25 (%s): %d of its %d hits also in the sparse list",
                        openedIndex.get().bm25Language(), result.overlap(), result.bm25().size())
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

    private static String describe(IndexEntry entry) {
        return String.format(Locale.ROOT, "%s · %s documents · %s · %s · model %s", entry.name(),
                Formats.count(entry.documentCount()), Formats.bytes(entry.sizeBytes()),
                entry.hasBm25() ? "BM25 " + entry.bm25Language() : "no BM25 field", entry.modelPath());
    }

    private static String describe(EvaluationResult result) {
        QueryRow mean = result.mean();
        String bm25 = result.bm25() == null ? "no BM25 field"
                : String.format(Locale.ROOT, "BM25 nDCG@10 %.4f, Recall@100 %.4f", mean.bm25Ndcg(), mean.bm25Recall());
        return String.format(Locale.ROOT, "%d judged queries · sparse nDCG@10 %.4f, Recall@100 %.4f · %s · %s%s",
                result.sparse().judgedQueries(), mean.sparseNdcg(), mean.sparseRecall(), bm25,
                Formats.duration(result.elapsedNanos()), result.coverage().isEmpty() ? "" : " · " + result.coverage());
    }
}
