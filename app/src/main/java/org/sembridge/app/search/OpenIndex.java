package org.sembridge.app.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.SemBridgeException;
import org.sembridge.engine.eval.EvaluationReport;
import org.sembridge.engine.eval.Evaluator;
import org.sembridge.engine.eval.Qrels;
import org.sembridge.engine.eval.QrelsCoverage;
import org.sembridge.engine.eval.QueryEvaluation;
import org.sembridge.engine.eval.Topic;
import org.sembridge.engine.index.CorpusDocument;
import org.sembridge.engine.index.HitExplanation;
import org.sembridge.engine.index.SearchHit;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.run.DeviceChoice;
import org.sembridge.engine.workflow.DocumentWeights;
import org.sembridge.engine.workflow.IndexBrowser;
import org.sembridge.engine.workflow.IndexEvaluation;
import org.sembridge.engine.workflow.IndexOpening;
import org.sembridge.engine.workflow.OpenedIndex;
import org.sembridge.engine.workflow.Snippet;
import org.sembridge.engine.workflow.SparseRanking;

/// The page's open index: the engine's [OpenedIndex] (the index with the model that built it,
/// kept open between queries) and its list entry, with the engine's results turned into the rows
/// the hit lists and the evaluation table show. Thread-safe as [OpenedIndex] is.
final class OpenIndex implements AutoCloseable {

    /// What the page tells the user to do when the index's recorded model folder is gone.
    static final String MISSING_MODEL_ADVICE = "rebuild the index from its corpus with a run's model";

    private final IndexEntry entry;
    private final OpenedIndex opened;

    private OpenIndex(IndexEntry entry, OpenedIndex opened) {
        this.entry = entry;
        this.opened = opened;
    }

    /// Opens the index in `folder` and loads the model recorded in it onto `device`.
    ///
    /// @throws InputFormatException when the folder is not a SemBridge index (the engine's message)
    /// @throws org.sembridge.engine.ModelFormatException when the recorded model folder is gone or unusable
    static OpenIndex open(Path folder, DeviceChoice device) throws IOException, SemBridgeException {
        OpenedIndex opened = OpenedIndex.open(folder.toAbsolutePath().normalize(),
                IndexOpening.recordedModel(device, MISSING_MODEL_ADVICE));
        try {
            return new OpenIndex(IndexEntry.of(opened.index()), opened);
        } catch (IOException | RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    /// The list entry of this index.
    IndexEntry entry() {
        return entry;
    }

    /// Searches `text` on the sparse index (top `k`, explained) and, when the index has a BM25
    /// field, with BM25; marks the documents both lists hold.
    ///
    /// @throws InputFormatException for a query with no token of positive weight, or more tokens
    ///     than Lucene's clause limit (the engine's message)
    SearchResult search(String text, int k, CancellationToken cancel) throws IOException, SemBridgeException {
        SparseRanking ranking = opened.searchSparse(text, k, true, cancel);
        List<SearchHit> bm25Hits = List.of();
        String bm25Note = "";
        if (entry.hasBm25()) {
            try {
                bm25Hits = opened.searchBm25(text, k);
            } catch (InputFormatException e) {
                bm25Note = e.getMessage();
            }
        } else {
            bm25Note = "this index has no BM25 field; build one with a BM25 language to compare";
        }
        Set<String> sparseIds = new HashSet<>();
        ranking.hits().forEach(hit -> sparseIds.add(hit.docId()));
        Set<String> bm25Ids = new HashSet<>();
        bm25Hits.forEach(hit -> bm25Ids.add(hit.docId()));
        List<RankedHit> sparse = new ArrayList<>(ranking.hits().size());
        for (HitExplanation explanation : ranking.explanations()) {
            SearchHit hit = explanation.hit();
            CorpusDocument document = opened.document(hit.docId());
            sparse.add(new RankedHit(hit.rank(), hit.docId(), hit.score(), explanation.exactScore(),
                    document.title(), RankedHit.excerptOf(document.text()), explanation.contributions(),
                    bm25Ids.contains(hit.docId()), explanation.outrankedByNextExactly(),
                    Snippet.of(document.text(), text), explanation));
        }
        List<RankedHit> bm25 = new ArrayList<>(bm25Hits.size());
        for (SearchHit hit : bm25Hits) {
            CorpusDocument document = opened.document(hit.docId());
            bm25.add(new RankedHit(hit.rank(), hit.docId(), hit.score(), Double.NaN, document.title(),
                    RankedHit.excerptOf(document.text()), List.of(), sparseIds.contains(hit.docId()), false,
                    Snippet.of(document.text(), text), null));
        }
        return new SearchResult(text, sparse, bm25, bm25Note, opened.queryTokens(text), ranking.expansion(),
                opened.index().documentCount());
    }

    /// The document `docId` with each token weighted by the document's exact vector.
    ///
    /// @throws InputFormatException when the index has no such document
    DocumentWeights document(String docId) throws IOException, SemBridgeException {
        return opened.documentWeights(docId);
    }

    /// Evaluates the index on `topics` against `qrels` (top 100 per query, as `sembridge eval`),
    /// with BM25 beside it when the index has a BM25 field, as table rows. Progress: stages
    /// "sparse searching" and "BM25 searching", in queries.
    ///
    /// @throws org.sembridge.engine.OperationCancelledException when `cancel` fires
    EvaluationResult evaluate(List<Topic> topics, Qrels qrels, ProgressListener progress, CancellationToken cancel)
            throws IOException, SemBridgeException {
        IndexEvaluation evaluation = opened.evaluate(topics, qrels, Evaluator.RUN_DEPTH, entry.hasBm25(), progress,
                cancel);
        EvaluationReport sparse = evaluation.sparse();
        EvaluationReport bm25 = evaluation.bm25().orElse(null);
        Map<String, QueryEvaluation> bm25ById = new HashMap<>();
        if (bm25 != null) {
            bm25.perQuery().forEach(q -> bm25ById.put(q.queryId(), q));
        }
        Map<String, String> texts = new HashMap<>();
        topics.forEach(topic -> texts.put(topic.id(), topic.text()));
        List<QueryRow> rows = new ArrayList<>(sparse.perQuery().size());
        for (QueryEvaluation q : sparse.perQuery()) {
            cancel.throwIfCancelled("evaluation");
            String text = texts.get(q.queryId());
            QueryEvaluation b = bm25ById.get(q.queryId());
            rows.add(new QueryRow(q.queryId(), text == null ? "(not in the queries file)" : text, q.ndcgAt10(),
                    q.recallAt100(), b == null ? Double.NaN : b.ndcgAt10(), b == null ? Double.NaN : b.recallAt100(),
                    text == null ? List.of() : opened.queryTokens(text), false));
        }
        QueryRow mean = new QueryRow("mean", sparse.judgedQueries() + " judged queries", sparse.ndcgAt10(),
                sparse.recallAt100(), bm25 == null ? Double.NaN : bm25.ndcgAt10(),
                bm25 == null ? Double.NaN : bm25.recallAt100(), List.of(), true);
        return new EvaluationResult(rows, mean, sparse, bm25, describe(evaluation.coverage()),
                evaluation.elapsedNanos());
    }

    /// The engine's browser on this index (tokens, postings, document vectors); no model involved.
    IndexBrowser browser() {
        return opened.browser();
    }

    /// Waits for running operations, then frees the index files and the model.
    @Override
    public void close() throws IOException {
        opened.close();
    }

    private static String describe(QrelsCoverage coverage) {
        if (coverage.isComplete()) {
            return "";
        }
        return String.format(Locale.ROOT, "%d judged queries are not in the queries file; %,d of %,d judged"
                + " documents are not in the index", coverage.unknownQueryIds().size(), coverage.unknownDocumentCount(),
                coverage.judgedDocuments());
    }
}
