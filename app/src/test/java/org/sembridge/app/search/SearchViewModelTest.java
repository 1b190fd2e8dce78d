package org.sembridge.app.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sembridge.app.SampleRuns;
import org.sembridge.app.common.DirectTaskRunner;
import org.sembridge.app.common.QueuedTaskRunner;
import org.sembridge.app.common.RecordingDialogService;
import org.sembridge.app.workspace.OpenRun;
import org.sembridge.app.workspace.WorkbenchState;
import org.sembridge.app.workspace.Workspace;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.cli.SemBridgeCli;
import org.sembridge.engine.encoder.SelectedDevice;
import org.sembridge.engine.encoder.SpladeSettings;
import org.sembridge.engine.eval.EvaluationReport;
import org.sembridge.engine.eval.Evaluator;
import org.sembridge.engine.eval.Qrels;
import org.sembridge.engine.eval.QrelsReader;
import org.sembridge.engine.eval.RunGenerator;
import org.sembridge.engine.eval.Topic;
import org.sembridge.engine.eval.TopicsReader;
import org.sembridge.engine.index.FeatureQuantisation;
import org.sembridge.engine.index.Posting;
import org.sembridge.engine.index.TermStatistics;
import org.sembridge.engine.index.QueryWeighting;
import org.sembridge.engine.index.SparseIndex;
import org.sembridge.engine.index.SparseQueryEncoder;
import org.sembridge.engine.index.SpladeTextEncoder;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.run.TargetTokenKind;
import org.sembridge.engine.workflow.DocumentWeights;
import org.sembridge.engine.workflow.WeightedPiece;

/// The search page's ViewModel on the Korean SemBridge sample run and the Korean demo collection,
/// with the real engine and an inline task runner. The demo index is built once (by the page's own
/// demo preparation) into a shared temporary workspace.
class SearchViewModelTest {

    private static final Path DEMO = SampleRuns.REPO.resolve("assets/demo/ko");

    @TempDir
    static Path workspaceFolder;

    private static OpenRun run;
    private static Path demoIndex;

    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final List<String> pagesShown = new ArrayList<>();
    private WorkbenchState state;
    private SearchViewModel viewModel;

    @BeforeAll
    static void buildDemoIndex() throws IOException {
        run = OpenRun.of(SampleRuns.korean("sembridge"));
        WorkbenchState state = new WorkbenchState(Workspace.open(workspaceFolder));
        state.openRun(run);
        SearchViewModel first = new SearchViewModel(new DirectTaskRunner(), new RecordingDialogService(), state,
                pageId -> { }, SampleRuns.REPO);
        first.pageShown();
        demoIndex = first.openedIndexProperty().get().folder();
        System.out.println("demo index: " + first.buildStatusProperty().get() + "; evaluation: "
                + first.evaluationStatusProperty().get());
    }

    @BeforeEach
    void openViewModel() throws IOException {
        state = new WorkbenchState(Workspace.open(workspaceFolder));
        state.openRun(run);
        viewModel = new SearchViewModel(new DirectTaskRunner(), dialogs, state, pagesShown::add, SampleRuns.REPO);
    }

    @Test
    void aRunAboveTheAutomaticBuildLimitGetsNoDemoIndexBuiltByItself(@TempDir Path emptyWorkspace)
            throws IOException {
        WorkbenchState fresh = new WorkbenchState(Workspace.open(emptyWorkspace));
        fresh.openRun(run);
        SearchViewModel large = new SearchViewModel(new DirectTaskRunner(), dialogs, fresh, pagesShown::add,
                SampleRuns.REPO, run.run().targetSize() - 1);
        large.pageShown();
        assertNull(large.openedIndexProperty().get(), "no index is built or opened");
        assertEquals(List.of(), large.indexes(), "nothing was written into the workspace's indexes");
        assertTrue(large.buildStatusProperty().get().contains("not built by itself"),
                large.buildStatusProperty().get());
        assertTrue(large.buildStatusProperty().get().contains("5,653 target tokens"),
                large.buildStatusProperty().get());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void showingThePageWithTheDemoRunPreparesTheDemo() {
        viewModel.pageShown();
        assertEquals(demoIndex, viewModel.openedIndexProperty().get().folder());
        assertEquals(204, viewModel.openedIndexProperty().get().documentCount());
        assertEquals(41, viewModel.evaluationRows().size(), "40 judged queries and the mean row");
        assertFalse(viewModel.queryTextProperty().get().isBlank(), "a demo query is shown");
        assertFalse(viewModel.sparseHits().isEmpty());
        assertNotNull(viewModel.documentProperty().get());
        assertTrue(viewModel.indexes().stream().anyMatch(entry -> entry.folder().equals(demoIndex)));
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void contributionSumsEqualTheHitScores() {
        search("욕실과 베개");
        assertFalse(viewModel.sparseHits().isEmpty());
        assertTrue(viewModel.sparseHits().size() <= SearchViewModel.HITS);
        for (RankedHit hit : viewModel.sparseHits()) {
            assertFalse(hit.contributions().isEmpty(), hit.docId());
            // Lucene adds the same float products, possibly in another order.
            assertEquals(hit.score(), hit.indexedContributionSum(), 1e-5 * hit.score(), hit.docId());
            double exact = hit.contributions().stream().mapToDouble(c -> c.exactContribution()).sum();
            assertEquals(hit.exactScore(), exact, 1e-9 * exact, hit.docId());
            // 9-bit document weights, rounded down: the Lucene score is at most 0.39% below the exact one.
            assertTrue(hit.score() <= hit.exactScore() * (1 + 1e-6), hit.docId());
            assertTrue(hit.score() >= hit.exactScore() * (1 - 0.0039), hit.docId());
            hit.contributions().forEach(c -> assertEquals(FeatureQuantisation.indexedValue(c.exactDocumentWeight()),
                    c.indexedDocumentWeight()));
        }
    }

    @Test
    void bm25ListOfTheSameQueryIsPresentAndOverlapIsMarkedBothWays() {
        search("욕실과 베개");
        assertFalse(viewModel.bm25Hits().isEmpty());
        assertTrue(viewModel.searchResultProperty().get().bm25Note().isEmpty());
        List<String> sparseIds = viewModel.sparseHits().stream().map(RankedHit::docId).toList();
        List<String> bm25Ids = viewModel.bm25Hits().stream().map(RankedHit::docId).toList();
        viewModel.sparseHits().forEach(hit -> assertEquals(bm25Ids.contains(hit.docId()), hit.inOtherList()));
        viewModel.bm25Hits().forEach(hit -> assertEquals(sparseIds.contains(hit.docId()), hit.inOtherList()));
    }

    @Test
    void documentViewWeighsTheTokensOfItsText() {
        search("욕실과 베개");
        DocumentWeights document = viewModel.documentProperty().get();
        assertEquals(viewModel.sparseHits().getFirst().docId(), document.docId());
        assertFalse(document.text().isEmpty());
        assertTrue(document.text().stream().anyMatch(piece -> piece.weight() > 0));
        assertEquals(document.topTokens().getFirst().weight(), document.maxWeight());
        document.text().forEach(piece -> assertTrue(document.intensity(piece.weight()) >= 0
                && document.intensity(piece.weight()) <= 1));
    }

    @Test
    void documentPiecesSpelledWithTheirSpacesGiveBackTheText() throws Exception {
        search("욕실과 베개");
        DocumentWeights document = viewModel.documentProperty().get();
        StringBuilder spelled = new StringBuilder();
        for (WeightedPiece piece : document.text()) {
            spelled.append(piece.wordStart() && !spelled.isEmpty() ? " " : "").append(piece.text());
        }
        try (SparseIndex index = SparseIndex.open(demoIndex)) {
            assertEquals(index.document(document.docId()).orElseThrow().text().strip().replaceAll("\\s+", " "),
                    spelled.toString());
        }
    }

    @Test
    void queryTokensOfTheLastSearchGoToTheInspector() {
        search("소파 의자");
        viewModel.showQueryTokens();
        SearchResult result = viewModel.searchResultProperty().get();
        assertEquals("query \"소파 의자\": " + result.queryTokens().size() + " tokens", state.focusProperty().get().label());
        assertEquals(result.queryTokens(), state.focusProperty().get().tokens());
        assertEquals(List.of("inspector"), pagesShown);
    }

    @Test
    void evaluationMeansEqualTheEngineEvaluator() throws Exception {
        openDemoIndex();
        viewModel.runEvaluation();
        EvaluationResult result = viewModel.evaluationProperty().get();
        List<Topic> topics = TopicsReader.read(DEMO.resolve("queries.tsv"));
        Qrels qrels = QrelsReader.read(DEMO.resolve("qrels.txt"));
        EvaluationReport sparse;
        EvaluationReport bm25;
        try (SparseIndex index = SparseIndex.open(demoIndex);
                SpladeTextEncoder encoder = SpladeTextEncoder.load(run.run().modelDirectory(), SelectedDevice.cpu(),
                        SpladeSettings.DEFAULTS)) {
            sparse = Evaluator.evaluate(qrels, RunGenerator.sparse(index.sparseSearcher(),
                    new SparseQueryEncoder(encoder, QueryWeighting.ENCODER), topics, Evaluator.RUN_DEPTH, 32,
                    ProgressListener.NONE, CancellationToken.create()).run());
            bm25 = Evaluator.evaluate(qrels, RunGenerator.bm25(index.bm25Searcher(), topics, Evaluator.RUN_DEPTH,
                    ProgressListener.NONE, CancellationToken.create()).run());
        }
        QueryRow mean = viewModel.evaluationRows().getFirst();
        assertTrue(mean.mean());
        assertEquals(sparse.ndcgAt10(), mean.sparseNdcg(), 1e-12);
        assertEquals(sparse.recallAt100(), mean.sparseRecall(), 1e-12);
        assertEquals(bm25.ndcgAt10(), mean.bm25Ndcg(), 1e-12);
        assertEquals(bm25.recallAt100(), mean.bm25Recall(), 1e-12);
        assertEquals(40, result.rows().size());
        assertEquals(mean.sparseNdcg(), result.rows().stream().mapToDouble(QueryRow::sparseNdcg).average().orElseThrow(),
                1e-12);
        System.out.printf("demo ko, sembridge α=4: sparse nDCG@10 %.4f Recall@100 %.4f; BM25 nDCG@10 %.4f"
                + " Recall@100 %.4f%n", mean.sparseNdcg(), mean.sparseRecall(), mean.bm25Ndcg(), mean.bm25Recall());
        // The engine's tests establish SemBridge > random and > base on the demo, not > BM25: so > 0 here.
        assertTrue(mean.sparseNdcg() > 0, "sparse nDCG@10 " + mean.sparseNdcg());
    }

    @Test
    void showTokensFocusesTheQueryTokensAndOpensTheInspector() {
        openDemoIndex();
        viewModel.runEvaluation();
        QueryRow row = viewModel.evaluationRows().get(1);
        viewModel.showTokens(row);
        assertEquals("query " + row.queryId() + ": " + row.tokens().size() + " tokens",
                state.focusProperty().get().label());
        assertEquals(row.tokens(), state.focusProperty().get().tokens());
        assertFalse(row.tokens().isEmpty());
        assertTrue(row.tokens().stream().allMatch(token -> run.run().targetTokens().contains(token)), row.tokens().toString());
        assertEquals(List.of("inspector"), pagesShown);
    }

    @Test
    void showTokensNeverFocusesASpecialToken() throws Exception {
        Set<String> specials = new HashSet<>();
        for (int id : run.run().idsOfKind(TargetTokenKind.SPECIAL)) {
            specials.add(run.run().targetTokens().get(id));
        }
        assertTrue(specials.contains("[PAD]"), "the sample model's specials: " + specials);
        // issue 12: a query whose first id is a special token (the tokenizer maps "[PAD]" to it)
        String query = "[PAD] 소파 의자";
        try (SpladeTextEncoder encoder = SpladeTextEncoder.load(run.run().modelDirectory(), SelectedDevice.cpu(),
                SpladeSettings.DEFAULTS)) {
            assertEquals("[PAD]", encoder.tokenize(query).getFirst(), "the scenario: a special token comes first");
        }
        search(query);
        viewModel.showQueryTokens();
        List<String> focused = state.focusProperty().get().tokens();
        assertFalse(focused.isEmpty());
        assertTrue(focused.stream().noneMatch(specials::contains), focused.toString());
    }

    @Test
    void clickingAQueryShowsItsHits() {
        openDemoIndex();
        viewModel.runEvaluation();
        QueryRow row = viewModel.evaluationRows().get(3);
        viewModel.selectQuery(row);
        assertEquals(row.text(), viewModel.queryTextProperty().get());
        assertEquals(row.text(), viewModel.searchResultProperty().get().query());
    }

    @Test
    void searchStillRunningWhenTheIndexIsReplacedIsDropped() {
        QueuedTaskRunner tasks = new QueuedTaskRunner();
        SearchViewModel queued = new SearchViewModel(tasks, dialogs, state, pageId -> { }, SampleRuns.REPO);
        queued.openIndex(demoIndex);
        tasks.runAll();
        queued.queryTextProperty().set("소파 의자");
        queued.openIndex(demoIndex);
        queued.search();
        queued.queryTextProperty().set(""); // so the reopened index has no query to re-run
        tasks.runNext(); // the reopened index replaces the open one
        tasks.runAll(); // the search on the replaced index finishes
        assertEquals(null, queued.searchResultProperty().get(), "a hit list of the replaced index");
        assertTrue(queued.sparseHits().isEmpty());
        assertEquals(null, queued.documentProperty().get());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void badQrelsShowTheEngineMessageAndKeepThePreviousTable(@TempDir Path dir) throws IOException {
        openDemoIndex();
        viewModel.runEvaluation();
        List<QueryRow> before = List.copyOf(viewModel.evaluationRows());
        Path qrels = dir.resolve("qrels.txt");
        Files.writeString(qrels, "q01 0 d006 2\nq01 d028 1\n", StandardCharsets.UTF_8);
        viewModel.qrelsPathProperty().set(qrels.toString());
        viewModel.runEvaluation();
        assertEquals(1, dialogs.errors.size());
        InputFormatException error = assertInstanceOf(InputFormatException.class, dialogs.errors.getFirst());
        assertTrue(error.getMessage().contains(qrels.toString()), error.getMessage());
        assertTrue(error.getMessage().contains("expected 4 whitespace-separated columns (qid iteration docid grade),"
                + " found 3"), error.getMessage());
        assertEquals(before, viewModel.evaluationRows());
        assertFalse(viewModel.evaluatingProperty().get());
    }

    @Test
    void evaluationWithoutAQrelsFileSaysSoAndKeepsThePreviousTable() {
        openDemoIndex();
        viewModel.runEvaluation();
        List<QueryRow> before = List.copyOf(viewModel.evaluationRows());
        viewModel.qrelsPathProperty().set(" ");
        viewModel.runEvaluation();
        assertEquals("Choose a queries file and a qrels file first", viewModel.evaluationStatusProperty().get());
        assertEquals(before, viewModel.evaluationRows());
        assertFalse(viewModel.evaluatingProperty().get());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void buildWithoutACorpusFileSaysSoAndWritesNothing(@TempDir Path otherWorkspace) throws IOException {
        WorkbenchState fresh = new WorkbenchState(Workspace.open(otherWorkspace));
        fresh.openRun(run);
        SearchViewModel building = new SearchViewModel(new DirectTaskRunner(), dialogs, fresh, pageId -> { },
                SampleRuns.REPO);
        building.corpusPathProperty().set("");
        building.buildIndex();
        assertEquals("Choose a corpus file first", building.buildStatusProperty().get());
        assertFalse(building.buildingProperty().get());
        try (Stream<Path> left = Files.list(fresh.workspace().indexes())) {
            assertEquals(List.of(), left.toList());
        }
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void cancelledBuildLeavesNoFolder(@TempDir Path otherWorkspace) throws IOException {
        WorkbenchState fresh = new WorkbenchState(Workspace.open(otherWorkspace));
        fresh.openRun(run);
        SearchViewModel cancelling = new SearchViewModel(DirectTaskRunner.cancellingAt(stage -> true), dialogs, fresh,
                pageId -> { }, SampleRuns.REPO);
        cancelling.buildIndex();
        try (Stream<Path> left = Files.list(fresh.workspace().indexes())) {
            assertEquals(List.of(), left.toList());
        }
        assertEquals("Build cancelled; nothing was written", cancelling.buildStatusProperty().get());
        assertFalse(cancelling.buildingProperty().get());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
        assertTrue(cancelling.openedIndexProperty().get() == null);
    }

    @Test
    void sessionRoundTripRestoresIndexQueryAndFiles() {
        openDemoIndex();
        viewModel.queryTextProperty().set("소파 의자");
        JsonElement saved = viewModel.save();
        SearchViewModel restored = new SearchViewModel(new DirectTaskRunner(), dialogs, state, pageId -> { },
                SampleRuns.REPO);
        restored.restore(saved);
        assertEquals("search", restored.key());
        assertEquals(demoIndex, restored.openedIndexProperty().get().folder());
        assertEquals("소파 의자", restored.searchResultProperty().get().query());
        assertEquals(DEMO.resolve("qrels.txt").toString(), restored.qrelsPathProperty().get());
        assertEquals(DEMO.resolve("queries.tsv").toString(), restored.queriesPathProperty().get());
    }

    @Test
    void indexListSkipsFoldersThatAreNotIndexes() throws IOException {
        Path indexes = state.workspace().indexes();
        Files.createDirectories(indexes.resolve("notes"));
        Files.writeString(indexes.resolve("notes").resolve("todo.txt"), "not an index", StandardCharsets.UTF_8);
        Files.createDirectories(indexes.resolve(".ko-sembridge-ko-corpus.12345"));
        viewModel.refreshIndexes();
        assertEquals(List.of(demoIndex), viewModel.indexes().stream().map(IndexEntry::folder).toList());
        IndexEntry entry = viewModel.indexes().getFirst();
        assertEquals(run.run().modelDirectory().toString(), entry.modelPath());
        assertEquals("ko", entry.bm25Language());
        assertTrue(entry.sizeBytes() > 0);
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @ParameterizedTest
    @CsvSource({
        "/w/runs/ko-sembridge, /repo/assets/demo/ko/corpus.jsonl, ko-sembridge-ko-corpus",
        "/w/runs/ru-ofa, /data/miracl ru/docs.tsv.gz, ru-ofa-miracl_ru-docs",
    })
    void indexFolderNamesSayRunAndCorpus(String runFolder, String corpus, String expected) {
        assertEquals(expected, IndexFolderName.of(Path.of(runFolder), Path.of(corpus)));
    }

    @Test
    void demoLanguageComesFromTheTargetTokenizerFolder() {
        assertEquals("ko", DemoCollection.languageOf(run.run()).orElseThrow());
        assertEquals(DEMO.resolve("corpus.jsonl").toString(), viewModel.corpusPathProperty().get());
    }

    @Test
    void indexBrowserListsTokensByTheirDocumentFrequencyInTheIndex() throws Exception {
        openDemoIndex();
        IndexBrowserViewModel browser = viewModel.browser();
        browser.loadTokens();
        List<TermStatistics> tokens = browser.tokens();
        assertFalse(tokens.isEmpty(), browser.tokensStatusProperty().get());
        try (SparseIndex index = SparseIndex.open(demoIndex)) {
            long postings = 0;
            for (int i = 0; i < tokens.size(); i++) {
                TermStatistics token = tokens.get(i);
                // Lucene's own posting-list length of the token's FeatureField term
                assertEquals(index.documentFrequency(token.token()), token.documentFrequency(), token.token());
                assertTrue(i == 0 || tokens.get(i - 1).documentFrequency() >= token.documentFrequency());
                assertTrue(token.minWeight() <= token.meanWeight() && token.meanWeight() <= token.maxWeight());
                postings += token.documentFrequency();
            }
            assertEquals(index.metadata().postingCount(), postings);
        }
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void indexBrowserFilterKeepsTokensContainingTheText() {
        openDemoIndex();
        IndexBrowserViewModel browser = viewModel.browser();
        browser.loadTokens();
        String word = browser.tokens().getFirst().token().replace("▁", "").replace("##", "");
        browser.tokenFilterProperty().set(word.toUpperCase(java.util.Locale.ROOT));
        assertFalse(browser.tokens().isEmpty());
        assertTrue(browser.tokens().stream().allMatch(t -> t.token().toLowerCase(java.util.Locale.ROOT)
                .contains(word.toLowerCase(java.util.Locale.ROOT))));
        assertTrue(browser.tokensStatusProperty().get().contains("shown"), browser.tokensStatusProperty().get());
    }

    @Test
    void postingsOfATokenCarryTheExactAndTheIndexedWeightOfEachDocument() throws Exception {
        openDemoIndex();
        IndexBrowserViewModel browser = viewModel.browser();
        browser.loadTokens();
        TermStatistics token = browser.tokens().getFirst();
        browser.showPostings(token.token());
        assertEquals(Math.min(IndexBrowserViewModel.POSTINGS, token.documentFrequency()), browser.postings().size());
        assertEquals(token.maxWeight(), browser.postings().getFirst().exactWeight());
        try (SparseIndex index = SparseIndex.open(demoIndex)) {
            for (Posting posting : browser.postings()) {
                var vector = index.vector(posting.docId()).orElseThrow();
                int at = java.util.Arrays.asList(vector.terms()).indexOf(token.token());
                assertEquals(vector.weights()[at], posting.exactWeight(), posting.docId());
                assertEquals(FeatureQuantisation.indexedValue(posting.exactWeight()), posting.indexedWeight());
            }
        }
    }

    @Test
    void aDocumentByIdShowsItsWholeVectorAndAnUnknownIdSaysSoOnTheLine() throws Exception {
        openDemoIndex();
        IndexBrowserViewModel browser = viewModel.browser();
        browser.documentIdProperty().set("d001");
        browser.showDocument();
        try (SparseIndex index = SparseIndex.open(demoIndex)) {
            assertEquals(index.vector("d001").orElseThrow().size(), browser.vector().size());
        }
        assertTrue(browser.documentStatusProperty().get().startsWith("d001"), browser.documentStatusProperty().get());
        browser.showDocument("nope");
        assertTrue(browser.vector().isEmpty());
        assertTrue(browser.documentStatusProperty().get().contains("'nope'"), browser.documentStatusProperty().get());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void aTokenOfTheIndexJumpsToTheInspector() {
        openDemoIndex();
        IndexBrowserViewModel browser = viewModel.browser();
        browser.loadTokens();
        String token = browser.tokens().getFirst().token();
        browser.showInInspector(token);
        assertEquals(List.of("inspector"), pagesShown);
        assertEquals(token, state.selectedTokenProperty().get());
        assertEquals(List.of(token), state.focusProperty().get().tokens());
    }

    @Test
    void replacingTheIndexEmptiesTheBrowser() {
        openDemoIndex();
        IndexBrowserViewModel browser = viewModel.browser();
        browser.loadTokens();
        browser.showPostings(browser.tokens().getFirst().token());
        viewModel.openIndex(demoIndex);
        assertTrue(browser.tokens().isEmpty());
        assertTrue(browser.postings().isEmpty());
        browser.loadTokens();
        assertFalse(browser.tokens().isEmpty());
    }

    @Test
    void copiedHitIsTheHitAsSearchJsonExplainPrintsIt() {
        search("욕실과 베개");
        RankedHit first = viewModel.sparseHits().getFirst();
        JsonObject copied = JsonParser.parseString(viewModel.hitJson(first).orElseThrow()).getAsJsonObject();

        JsonObject printed = JsonParser.parseString(cli("search", "--index", demoIndex.toString(), "--query",
                "욕실과 베개", "--k", Integer.toString(SearchViewModel.HITS), "--explain", "--json")).getAsJsonObject();
        assertEquals("욕실과 베개", copied.get("query").getAsString());
        assertEquals(printed.getAsJsonArray("hits").get(0), copied.get("hit"));
        assertTrue(copied.getAsJsonObject("hit").has("explanation"));
    }

    @Test
    void copiedEvaluationRowHoldsTheEntriesEvalJsonPrints() {
        openDemoIndex();
        viewModel.runEvaluation();
        QueryRow row = viewModel.evaluationProperty().get().rows().get(3);
        JsonObject copied = JsonParser.parseString(viewModel.evaluationRowJson(row).orElseThrow()).getAsJsonObject();

        JsonObject printed = JsonParser.parseString(cli("eval", "--index", demoIndex.toString(), "--queries",
                DEMO.resolve("queries.tsv").toString(), "--qrels", DEMO.resolve("qrels.txt").toString(), "--bm25",
                "--json")).getAsJsonObject();
        assertEquals(row.queryId(), copied.get("qid").getAsString());
        assertEquals(perQuery(printed, row.queryId()), copied.get("sparse"));
        assertEquals(perQuery(printed.getAsJsonObject("bm25"), row.queryId()), copied.get("bm25"));
    }

    @Test
    void copiedMeanRowHoldsTheMeansEvalJsonPrints() {
        openDemoIndex();
        viewModel.runEvaluation();
        JsonObject copied = JsonParser.parseString(viewModel.evaluationRowJson(viewModel.evaluationRows().getFirst())
                .orElseThrow()).getAsJsonObject();
        assertEquals("mean", copied.get("qid").getAsString());
        assertEquals(viewModel.evaluationRows().getFirst().sparseNdcg(),
                copied.getAsJsonObject("sparse").get("ndcg@10").getAsDouble(), 0.0);
        assertEquals(40, copied.getAsJsonObject("sparse").get("queries").getAsInt());
    }

    @Test
    void nothingToCopyBeforeASearchOrAnEvaluation() {
        assertTrue(viewModel.evaluationRowJson(new QueryRow("q1", "x", 0, 0, 0, 0, List.of(), false)).isEmpty());
        assertTrue(viewModel.hitJson(null).isEmpty());
    }

    private static JsonElement perQuery(JsonObject report, String queryId) {
        for (JsonElement entry : report.getAsJsonArray("per_query")) {
            if (entry.getAsJsonObject().get("qid").getAsString().equals(queryId)) {
                return entry;
            }
        }
        throw new AssertionError("no per_query entry " + queryId);
    }

    private static String cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SemBridgeCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        return out.toString();
    }

    private void openDemoIndex() {
        viewModel.openIndex(demoIndex);
        assertNotNull(viewModel.openedIndexProperty().get(), dialogs.errors.toString());
    }

    private void search(String query) {
        openDemoIndex();
        viewModel.queryTextProperty().set(query);
        viewModel.search();
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }
}
