package org.sembridge.engine.workflow;

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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.ModelFormatException;
import org.sembridge.engine.SemBridgeException;
import org.sembridge.engine.encoder.SpladeSettings;
import org.sembridge.engine.eval.EvaluationReport;
import org.sembridge.engine.eval.Evaluator;
import org.sembridge.engine.eval.GeneratedRun;
import org.sembridge.engine.eval.Qrels;
import org.sembridge.engine.eval.QrelsCoverage;
import org.sembridge.engine.eval.RunGenerator;
import org.sembridge.engine.eval.Topic;
import org.sembridge.engine.hf.HfModelFolder;
import org.sembridge.engine.hf.TextTokenizer;
import org.sembridge.engine.index.SparseTextEncoder;
import org.sembridge.engine.index.CorpusDocument;
import org.sembridge.engine.index.FeatureQuantisation;
import org.sembridge.engine.index.QueryWeighting;
import org.sembridge.engine.index.SearchHit;
import org.sembridge.engine.index.SparseIndex;
import org.sembridge.engine.index.SparseQuery;
import org.sembridge.engine.index.SparseQueryEncoder;
import org.sembridge.engine.index.SparseSearcher;
import org.sembridge.engine.index.SpladeTextEncoder;
import org.sembridge.engine.index.TermWeights;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.vocab.CanonicalVocabulary;
import org.sembridge.engine.vocab.Vocabulary;

/// The job "open an index with its recorded model": the index, and the model that built it (or
/// the one asked for) loaded to encode queries; then search it (sparse, explained, and BM25 beside
/// it), show a document's token weights, and evaluate it on queries with TREC qrels against BM25.
/// Used by `sembridge search` and `sembridge eval`, and kept open between queries by the
/// workbench's search page.
///
/// Thread-safe: searches, document views and evaluations may run on different threads (the model
/// and its tokenizer are used one thread at a time); [#close()] waits for running operations and
/// frees the index files and the model.
public final class OpenedIndex implements AutoCloseable {

    /// Queries encoded per encoder call in an evaluation.
    public static final int QUERY_BATCH = 32;

    private final SparseIndex index;
    private final Path modelFolder;
    /// The query model this object loaded and closes; empty when the caller lent the encoder.
    private final Optional<SpladeTextEncoder> ownedModel;
    private final SparseQueryEncoder queries;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final IndexBrowser browser;
    private TextTokenizer tokenizer;
    private CanonicalVocabulary canonical;

    private OpenedIndex(SparseIndex index, Path modelFolder, Optional<SpladeTextEncoder> ownedModel,
            SparseTextEncoder queryEncoder, QueryWeighting weighting) {
        this.index = index;
        this.modelFolder = modelFolder;
        this.ownedModel = ownedModel;
        this.browser = new IndexBrowser(index, false, lock.readLock());
        this.queries = new SparseQueryEncoder(new SerializedEncoder(queryEncoder), weighting);
    }

    /// Opens the index in `folder` and loads the query model of `opening`.
    ///
    /// @throws InputFormatException when the folder is not a SemBridge index (the index's message)
    /// @throws ModelFormatException when the model folder is not a usable model, or no model was
    ///     given and the recorded one is gone ([#modelFolder(SparseIndex, IndexOpening)])
    /// @throws org.sembridge.engine.encoder.DeviceUnavailableException when the device asked for is
    ///     not usable
    public static OpenedIndex open(Path folder, IndexOpening opening) throws IOException, SemBridgeException {
        SparseIndex index = SparseIndex.open(folder);
        try {
            Path modelFolder = modelFolder(index, opening);
            SpladeTextEncoder model = SpladeTextEncoder.load(modelFolder, opening.device(),
                    SpladeSettings.DEFAULTS);
            return new OpenedIndex(index, modelFolder, Optional.of(model), model, opening.weighting());
        } catch (SemBridgeException | RuntimeException e) {
            index.close();
            throw e;
        }
    }

    /// Opens the index in `folder` with a query encoder the caller already holds (and closes after
    /// this object): the experiment runner, which has just built the index with that model, encodes
    /// its queries through an encoder that cuts them to Lucene's clause limit, and a BM25-only index
    /// is ranked without any model. The model folder is the one recorded in the index; the document
    /// views and query tokens read its tokenizer.
    ///
    /// @throws InputFormatException when the folder is not a SemBridge index (the index's message)
    public static OpenedIndex withEncoder(Path folder, SparseTextEncoder queryEncoder, QueryWeighting weighting)
            throws IOException, SemBridgeException {
        SparseIndex index = SparseIndex.open(folder);
        return new OpenedIndex(index, Path.of(index.metadata().modelPath()), Optional.empty(), queryEncoder,
                weighting);
    }

    /// The model folder that encodes queries for `index`: the one `opening` names, else the one
    /// recorded in the index when it was built.
    ///
    /// @throws ModelFormatException when no model was named and the recorded folder is gone; the
    ///     message names the index, the recorded folder and its fingerprint, and ends with the
    ///     opening's advice
    public static Path modelFolder(SparseIndex index, IndexOpening opening) throws ModelFormatException {
        if (opening.model().isPresent()) {
            return opening.model().get();
        }
        String recorded = index.metadata().modelPath();
        if (recorded.isBlank() || !Files.isDirectory(Path.of(recorded))) {
            throw new ModelFormatException("index " + index.folder() + " was built with the model "
                    + (recorded.isBlank() ? "(not recorded)" : "'" + recorded + "'")
                    + ", which is not there any more; " + opening.missingModelAdvice() + " (fingerprint "
                    + index.metadata().encoderFingerprint() + ")");
        }
        return Path.of(recorded);
    }

    /// The open index (metadata, documents, searchers); valid until [#close()].
    public SparseIndex index() {
        return index;
    }

    /// The index browser on this open index (tokens, postings, document vectors), valid until
    /// [#close()]: the search page's browser shares the index the page keeps open.
    public IndexBrowser browser() {
        return browser;
    }

    /// The model folder that encodes the queries.
    public Path modelFolder() {
        return modelFolder;
    }

    /// How the queries are weighted.
    public QueryWeighting weighting() {
        return queries.weighting();
    }

    /// The sparse hits of `text` (top `k`), with the per-token explanation of each hit when
    /// `explain` is set.
    ///
    /// @throws InputFormatException for a query with no token of positive weight, or more tokens
    ///     than Lucene's clause limit (the searcher's message)
    public SparseRanking searchSparse(String text, int k, boolean explain, CancellationToken cancel)
            throws IOException, SemBridgeException {
        lock.readLock().lock();
        try {
            SparseQuery query = queries.encode(List.of(text), ProgressListener.NONE, cancel).getFirst();
            SparseSearcher searcher = index.sparseSearcher();
            List<SearchHit> hits = searcher.search(query, k);
            return new SparseRanking(query, hits, explain ? searcher.explain(query, hits) : List.of());
        } finally {
            lock.readLock().unlock();
        }
    }

    /// The BM25 hits of `text` (top `k`).
    ///
    /// @throws InputFormatException when the index has no BM25 field, or nothing of the text
    ///     survives the analyzer (the searcher's message)
    public List<SearchHit> searchBm25(String text, int k) throws IOException, InputFormatException {
        lock.readLock().lock();
        try {
            return index.bm25Searcher().search(text, k);
        } finally {
            lock.readLock().unlock();
        }
    }

    /// The stored document `docId`.
    ///
    /// @throws InputFormatException when the index has no such document
    public CorpusDocument document(String docId) throws IOException, InputFormatException {
        lock.readLock().lock();
        try {
            return stored(docId);
        } finally {
            lock.readLock().unlock();
        }
    }

    /// The document `docId` with each token of its title and text weighted by the document's exact
    /// vector, and the vector's heaviest tokens.
    ///
    /// @throws InputFormatException when the index has no such document
    /// @throws ModelFormatException when the model's tokenizer cannot be opened
    public DocumentWeights documentWeights(String docId) throws IOException, SemBridgeException {
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
                    .sorted(Map.Entry.<String, Float>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(DocumentWeights.TOP_TOKENS)
                    .map(e -> new TokenWeight(e.getKey(), e.getValue(), inText.contains(e.getKey())))
                    .toList();
            return new DocumentWeights(docId, title, text, top, maxWeight, weights.size());
        } finally {
            lock.readLock().unlock();
        }
    }

    /// The distinct target tokens of `text`, in order, as stored in the vocabulary, without special
    /// tokens (`[CLS]`, `[PAD]`...: a front-end that shows a query's tokens must not offer them).
    ///
    /// @throws ModelFormatException when the model's tokenizer cannot be opened
    public List<String> queryTokens(String text) throws SemBridgeException {
        Set<String> specials = new HashSet<>();
        synchronized (this) {
            TextTokenizer opened = tokenizer();
            List<String> vocabulary = opened.tokens();
            for (int id : opened.specialTokenIds()) {
                if (id >= 0 && id < vocabulary.size()) {
                    specials.add(vocabulary.get(id));
                }
            }
        }
        LinkedHashSet<String> tokens = new LinkedHashSet<>(queries.encoder().tokenize(text));
        tokens.removeAll(specials);
        return List.copyOf(tokens);
    }

    /// Runs every topic through the sparse index and, with `bm25`, through BM25 (top `depth` per
    /// query), and evaluates the runs against `qrels` with the [Evaluator]. Progress: stages
    /// `sparse ...` and `BM25 ...`, in queries.
    ///
    /// @throws InputFormatException with `bm25` when the index has no BM25 field (before any query runs)
    /// @throws org.sembridge.engine.OperationCancelledException when `cancel` fires
    public IndexEvaluation evaluate(List<Topic> topics, Qrels qrels, int depth, boolean bm25,
            ProgressListener progress, CancellationToken cancel) throws IOException, SemBridgeException {
        lock.readLock().lock();
        try {
            long start = System.nanoTime();
            if (bm25) {
                index.bm25Searcher(); // an index without a BM25 field fails here, before any query runs
            }
            QrelsCoverage coverage = QrelsCoverage.check(qrels, topics.stream().map(Topic::id).toList(),
                    index::containsDocument);
            RankingEvaluation sparse = evaluate(Ranking.SPARSE, topics, qrels, depth,
                    (stage, done, total) -> progress.onProgress("sparse " + stage, done, total), cancel);
            Optional<RankingEvaluation> lexical = Optional.empty();
            if (bm25) {
                lexical = Optional.of(evaluate(Ranking.BM25, topics, qrels, depth,
                        (stage, done, total) -> progress.onProgress("BM25 " + stage, done, total), cancel));
            }
            return new IndexEvaluation(coverage, sparse.run(), sparse.report(),
                    lexical.map(RankingEvaluation::run), lexical.map(RankingEvaluation::report),
                    System.nanoTime() - start);
        } finally {
            lock.readLock().unlock();
        }
    }

    /// Runs every topic through one `ranking` (top `depth` per query) and evaluates the run against
    /// `qrels` with the [Evaluator]; progress goes to `progress` as the ranking reports it.
    ///
    /// @throws InputFormatException for [Ranking#BM25] when the index has no BM25 field
    /// @throws org.sembridge.engine.OperationCancelledException when `cancel` fires
    public RankingEvaluation evaluate(Ranking ranking, List<Topic> topics, Qrels qrels, int depth,
            ProgressListener progress, CancellationToken cancel) throws IOException, SemBridgeException {
        lock.readLock().lock();
        try {
            GeneratedRun run = switch (ranking) {
                case SPARSE -> RunGenerator.sparse(index.sparseSearcher(), queries, topics, depth, QUERY_BATCH,
                        progress, cancel);
                case BM25 -> RunGenerator.bm25(index.bm25Searcher(), topics, depth, progress, cancel);
            };
            return new RankingEvaluation(run, Evaluator.evaluate(qrels, run.run()));
        } finally {
            lock.readLock().unlock();
        }
    }

    /// Waits for running operations, then frees the index files, the model and its tokenizer.
    @Override
    public void close() throws IOException {
        lock.writeLock().lock();
        try {
            synchronized (this) {
                if (tokenizer != null) {
                    tokenizer.close();
                }
            }
            if (ownedModel.isPresent()) {
                ownedModel.get().close();
            }
            index.close();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private CorpusDocument stored(String docId) throws IOException, InputFormatException {
        return index.document(docId).orElseThrow(() -> new InputFormatException("document '" + docId
                + "' is not in index " + index.folder()));
    }

    /// The model's tokenizer and its canonical vocabulary, opened on first use; callers hold this
    /// object's monitor.
    private TextTokenizer tokenizer() throws ModelFormatException {
        if (tokenizer == null) {
            tokenizer = HfModelFolder.open(modelFolder).openTokenizer();
            canonical = Vocabulary.of(tokenizer.tokens(), tokenizer.specialTokenIds()).canonicalize();
        }
        return tokenizer;
    }

    private synchronized List<WeightedPiece> pieces(String text, Map<String, Float> weights)
            throws ModelFormatException {
        if (text.isBlank()) {
            return List.of();
        }
        TextTokenizer tokenizer = tokenizer();
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
}
