package org.sembridge.app.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.ModelFormatException;
import org.sembridge.engine.SemBridgeException;
import org.sembridge.engine.encoder.SelectedDevice;
import org.sembridge.engine.encoder.SpladeSettings;
import org.sembridge.engine.eval.EvaluationReport;
import org.sembridge.engine.eval.Evaluator;
import org.sembridge.engine.eval.GeneratedRun;
import org.sembridge.engine.eval.Qrels;
import org.sembridge.engine.eval.QrelsCoverage;
import org.sembridge.engine.eval.QueryEvaluation;
import org.sembridge.engine.eval.RunGenerator;
import org.sembridge.engine.eval.Topic;
import org.sembridge.engine.hf.HfModelFolder;
import org.sembridge.engine.hf.TextTokenizer;
import org.sembridge.engine.index.CorpusDocument;
import org.sembridge.engine.index.FeatureQuantisation;
import org.sembridge.engine.index.HitExplanation;
import org.sembridge.engine.index.QueryWeighting;
import org.sembridge.engine.index.SearchHit;
import org.sembridge.engine.index.SparseIndex;
import org.sembridge.engine.index.SparseQuery;
import org.sembridge.engine.index.SparseQueryEncoder;
import org.sembridge.engine.index.SparseSearcher;
import org.sembridge.engine.index.SparseTextEncoder;
import org.sembridge.engine.index.SpladeTextEncoder;
import org.sembridge.engine.index.TermWeights;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.vocab.CanonicalVocabulary;
import org.sembridge.engine.vocab.Vocabulary;

/// An index opened for the page, with the model that built it loaded to encode queries: the
/// engine's [SparseIndex] and its searchers, the query encoder, and the model's tokenizer for the
/// document view. What the CLI's `search` and `eval` commands do, kept open between queries.
///
/// Thread-safe: searches, document views and evaluations may run on different engine threads
/// (the encoder and tokenizer are used one thread at a time); [#close()] waits for running
/// operations and frees the index files and the model.
final class OpenIndex implements AutoCloseable {

    /// Topics encoded per encoder call in an evaluation (as `sembridge eval`).
    static final int QUERY_BATCH = 32;

    private final IndexEntry entry;
    private final SparseIndex index;
    private final SpladeTextEncoder model;
    private final SparseTextEncoder encoder;
    private final TextTokenizer tokenizer;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private CanonicalVocabulary canonical;

    private OpenIndex(IndexEntry entry, SparseIndex index, SpladeTextEncoder model, TextTokenizer tokenizer) {
        this.entry = entry;
        this.index = index;
        this.model = model;
        this.encoder = new SerializedEncoder(model);
        this.tokenizer = tokenizer;
    }

    /// Opens the index in `folder` and loads the model recorded in it onto `device`.
    ///
    /// @throws InputFormatException when the folder is not a SemBridge index (the engine's message)
    /// @throws ModelFormatException when the recorded model folder is gone or unusable
    static OpenIndex open(Path folder, SelectedDevice device) throws IOException, SemBridgeException {
        SparseIndex index = SparseIndex.open(folder.toAbsolutePath().normalize());
        SpladeTextEncoder model = null;
        try {
            Path modelFolder = recordedModel(index);
            model = SpladeTextEncoder.load(modelFolder, device, SpladeSettings.DEFAULTS);
            TextTokenizer tokenizer = HfModelFolder.open(modelFolder).openTokenizer();
            return new OpenIndex(IndexEntry.of(index), index, model, tokenizer);
        } catch (IOException | SemBridgeException | RuntimeException e) {
            if (model != null) {
                model.close();
            }
            index.close();
            throw e;
        }
    }

    private static Path recordedModel(SparseIndex index) throws ModelFormatException {
        String recorded = index.metadata().modelPath();
        if (recorded.isBlank() || !Files.isDirectory(Path.of(recorded))) {
            throw new ModelFormatException("index " + index.folder() + " was built with the model "
                    + (recorded.isBlank() ? "(not recorded)" : "'" + recorded + "'")
                    + ", which is not there any more; rebuild the index from its corpus with a run's model"
                    + " (fingerprint " + index.metadata().encoderFingerprint() + ")");
        }
        return Path.of(recorded);
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
        lock.readLock().lock();
        try {
            SparseQuery query = new SparseQueryEncoder(encoder, QueryWeighting.ENCODER)
                    .encode(List.of(text), ProgressListener.NONE, cancel).getFirst();
            SparseSearcher searcher = index.sparseSearcher();
            List<SearchHit> hits = searcher.search(query, k);
            List<HitExplanation> explanations = searcher.explain(query, hits);
            List<SearchHit> bm25Hits = List.of();
            String bm25Note = "";
            if (entry.hasBm25()) {
                try {
                    bm25Hits = index.bm25Searcher().search(text, k);
                } catch (InputFormatException e) {
                    bm25Note = e.getMessage();
                }
            } else {
                bm25Note = "this index has no BM25 field; build one with a BM25 language to compare";
            }
            Set<String> sparseIds = new HashSet<>();
            hits.forEach(hit -> sparseIds.add(hit.docId()));
            Set<String> bm25Ids = new HashSet<>();
            bm25Hits.forEach(hit -> bm25Ids.add(hit.docId()));
            List<RankedHit> sparse = new ArrayList<>(hits.size());
            for (HitExplanation explanation : explanations) {
                SearchHit hit = explanation.hit();
                CorpusDocument document = stored(hit.docId());
                sparse.add(new RankedHit(hit.rank(), hit.docId(), hit.score(), explanation.exactScore(),
                        document.title(), RankedHit.excerptOf(document.text()), explanation.contributions(),
                        bm25Ids.contains(hit.docId()), explanation.outrankedByNextExactly()));
            }
            List<RankedHit> bm25 = new ArrayList<>(bm25Hits.size());
            for (SearchHit hit : bm25Hits) {
                CorpusDocument document = stored(hit.docId());
                bm25.add(new RankedHit(hit.rank(), hit.docId(), hit.score(), Double.NaN, document.title(),
                        RankedHit.excerptOf(document.text()), List.of(), sparseIds.contains(hit.docId()), false));
            }
            int expansion = 0;
            for (float weight : query.weights().weights()) {
                expansion += weight > 0 ? 1 : 0;
            }
            return new SearchResult(text, sparse, bm25, bm25Note, queryTokens(text), expansion,
                    index.documentCount());
        } finally {
            lock.readLock().unlock();
        }
    }

    /// The document `docId` with each token of its title and text weighted by the document's exact
    /// vector, and the vector's heaviest tokens.
    ///
    /// @throws InputFormatException when the index has no such document
    DocumentWeights document(String docId) throws IOException, SemBridgeException {
        lock.readLock().lock();
        try {
            CorpusDocument document = stored(docId);
            TermWeights vector = index.vector(docId).orElseThrow();
            Map<String, Float> weights = new HashMap<>();
            float maxWeight = 0;
            for (int i = 0; i < vector.size(); i++) {
                float weight = vector.weights()[i];
                if (weight > 0) {
                    weights.put(vector.terms()[i], weight);
                    maxWeight = Math.max(maxWeight, weight);
                }
            }
            List<WeightedPiece> title = pieces(document.title(), weights);
            List<WeightedPiece> text = pieces(document.text(), weights);
            Set<String> inText = new HashSet<>();
            title.forEach(piece -> inText.add(piece.token()));
            text.forEach(piece -> inText.add(piece.token()));
            List<TokenWeight> top = weights.entrySet().stream()
                    .sorted(Map.Entry.<String, Float>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(DocumentWeights.TOP_TOKENS)
                    .map(e -> new TokenWeight(e.getKey(), e.getValue(), inText.contains(e.getKey())))
                    .toList();
            return new DocumentWeights(docId, title, text, top, maxWeight, weights.size());
        } finally {
            lock.readLock().unlock();
        }
    }

    /// Runs every topic through the sparse index and (when present) BM25, keeping the top 100 per
    /// query as `sembridge eval` does, and evaluates both runs with the engine's [Evaluator].
    /// Progress: stages "sparse searching" and "BM25 searching", in queries.
    ///
    /// @throws org.sembridge.engine.OperationCancelledException when `cancel` fires
    EvaluationResult evaluate(List<Topic> topics, Qrels qrels, ProgressListener progress, CancellationToken cancel)
            throws IOException, SemBridgeException {
        lock.readLock().lock();
        try {
            long start = System.nanoTime();
            QrelsCoverage coverage = QrelsCoverage.check(qrels, topics.stream().map(Topic::id).toList(),
                    index::containsDocument);
            GeneratedRun sparseRun = RunGenerator.sparse(index.sparseSearcher(),
                    new SparseQueryEncoder(encoder, QueryWeighting.ENCODER), topics, Evaluator.RUN_DEPTH, QUERY_BATCH,
                    (stage, done, total) -> progress.onProgress("sparse " + stage, done, total), cancel);
            GeneratedRun bm25Run = entry.hasBm25() ? RunGenerator.bm25(index.bm25Searcher(), topics,
                    Evaluator.RUN_DEPTH, (stage, done, total) -> progress.onProgress("BM25 " + stage, done, total),
                    cancel) : null;
            EvaluationReport sparse = Evaluator.evaluate(qrels, sparseRun.run());
            EvaluationReport bm25 = bm25Run == null ? null : Evaluator.evaluate(qrels, bm25Run.run());
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
                        text == null ? List.of() : queryTokens(text), false));
            }
            QueryRow mean = new QueryRow("mean", sparse.judgedQueries() + " judged queries", sparse.ndcgAt10(),
                    sparse.recallAt100(), bm25 == null ? Double.NaN : bm25.ndcgAt10(),
                    bm25 == null ? Double.NaN : bm25.recallAt100(), List.of(), true);
            return new EvaluationResult(rows, mean, sparse, bm25, describe(coverage), System.nanoTime() - start);
        } finally {
            lock.readLock().unlock();
        }
    }

    /// The distinct target tokens of `text`, in order, as stored in the vocabulary, without
    /// special tokens (`[CLS]`, `[PAD]`...: "Show tokens" must not offer them, issue 12).
    List<String> queryTokens(String text) throws SemBridgeException {
        Set<String> specials = new HashSet<>();
        List<String> vocabulary = tokenizer.tokens();
        for (int id : tokenizer.specialTokenIds()) {
            if (id >= 0 && id < vocabulary.size()) {
                specials.add(vocabulary.get(id));
            }
        }
        LinkedHashSet<String> tokens = new LinkedHashSet<>(encoder.tokenize(text));
        tokens.removeAll(specials);
        return List.copyOf(tokens);
    }

    /// Waits for running operations, then frees the index files and the model.
    @Override
    public void close() throws IOException {
        lock.writeLock().lock();
        try {
            tokenizer.close();
            model.close();
            index.close();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private CorpusDocument stored(String docId) throws IOException, InputFormatException {
        return index.document(docId).orElseThrow(() -> new InputFormatException("document '" + docId
                + "' is not in index " + index.folder()));
    }

    private synchronized List<WeightedPiece> pieces(String text, Map<String, Float> weights) {
        if (text.isBlank()) {
            return List.of();
        }
        if (canonical == null) {
            canonical = Vocabulary.of(tokenizer.tokens(), tokenizer.specialTokenIds()).canonicalize();
        }
        List<String> tokens = tokenizer.tokens();
        String haystack = text.toLowerCase(Locale.ROOT);
        int cursor = 0;
        List<WeightedPiece> pieces = new ArrayList<>();
        for (int id : tokenizer.tokenIds(text)) {
            String token = id < tokens.size() ? tokens.get(id) : "[id:" + id + "]";
            String form = id < canonical.size() ? canonical.canonicalForm(id) : token;
            String shown = form.startsWith("▁") ? form.substring(1) : form;
            // A space goes before a piece where the text has whitespace before it; a piece the
            // text does not spell (normalised, unknown) falls back to the vocabulary's word marker.
            String needle = shown.toLowerCase(Locale.ROOT);
            int at = needle.isEmpty() ? -1 : haystack.indexOf(needle, cursor);
            boolean wordStart;
            if (at >= 0) {
                wordStart = haystack.substring(cursor, at).chars().anyMatch(Character::isWhitespace);
                cursor = at + needle.length();
            } else {
                wordStart = form.startsWith("▁");
            }
            float weight = weights.getOrDefault(token, 0f);
            pieces.add(new WeightedPiece(token, shown, wordStart, weight,
                    weight > 0 ? FeatureQuantisation.indexedValue(weight) : 0));
        }
        return pieces;
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
