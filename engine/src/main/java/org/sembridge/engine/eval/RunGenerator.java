package org.sembridge.engine.eval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import org.sembridge.engine.SemBridgeException;
import org.sembridge.engine.index.Bm25Searcher;
import org.sembridge.engine.index.SearchHit;
import org.sembridge.engine.index.SparseQuery;
import org.sembridge.engine.index.SparseQueryEncoder;
import org.sembridge.engine.index.SparseSearcher;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Runs every topic of an evaluation set through a searcher and collects the rankings as a [Run]:
/// the step between an index and [Evaluator].
///
/// A query that cannot match anything (no positive sparse weight; nothing left after BM25
/// analysis) does not abort the run: it gets no ranking, is listed in
/// [GeneratedRun#emptyQueryIds()], and logged at WARN. Cancellation is checked once per batch of
/// topics. Progress: stage "searching", in topics.
public final class RunGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(RunGenerator.class);
    private static final String STAGE = "searching";

    private RunGenerator() {
    }

    /// Encodes the topics with `encoder` in batches of `batchSize` and searches each with
    /// `searcher`, keeping the top `depth` hits.
    ///
    /// @throws org.sembridge.engine.InputFormatException when the encoder's fingerprint differs from
    ///     the index's
    public static GeneratedRun sparse(SparseSearcher searcher, SparseQueryEncoder encoder, List<Topic> topics,
            int depth, int batchSize, ProgressListener progress, CancellationToken cancel)
            throws IOException, SemBridgeException {
        checkArguments(depth, batchSize);
        long start = System.nanoTime();
        SequencedMap<String, List<RankedDocument>> rankings = new LinkedHashMap<>();
        List<String> empty = new ArrayList<>();
        for (int from = 0; from < topics.size(); from += batchSize) {
            cancel.throwIfCancelled(STAGE);
            List<Topic> batch = topics.subList(from, Math.min(from + batchSize, topics.size()));
            List<SparseQuery> queries = encoder.encode(batch.stream().map(Topic::text).toList(),
                    ProgressListener.NONE, cancel);
            for (int i = 0; i < batch.size(); i++) {
                if (queries.get(i).isEmpty()) {
                    empty.add(batch.get(i).id());
                } else {
                    rankings.put(batch.get(i).id(), ranked(searcher.search(queries.get(i), depth)));
                }
            }
            progress.onProgress(STAGE, from + batch.size(), topics.size());
        }
        return finish("sparse", rankings, empty, topics.size(), start);
    }

    /// Searches each topic's text with BM25, keeping the top `depth` hits.
    public static GeneratedRun bm25(Bm25Searcher searcher, List<Topic> topics, int depth, ProgressListener progress,
            CancellationToken cancel) throws IOException, SemBridgeException {
        int block = 64;
        checkArguments(depth, block);
        long start = System.nanoTime();
        SequencedMap<String, List<RankedDocument>> rankings = new LinkedHashMap<>();
        List<String> empty = new ArrayList<>();
        for (int i = 0; i < topics.size(); i++) {
            if (i % block == 0) {
                cancel.throwIfCancelled(STAGE);
                progress.onProgress(STAGE, i, topics.size());
            }
            Topic topic = topics.get(i);
            if (searcher.analyze(topic.text()).isEmpty()) {
                empty.add(topic.id());
            } else {
                rankings.put(topic.id(), ranked(searcher.search(topic.text(), depth)));
            }
        }
        progress.onProgress(STAGE, topics.size(), topics.size());
        return finish("BM25", rankings, empty, topics.size(), start);
    }

    private static void checkArguments(int depth, int batchSize) {
        if (depth < 1 || batchSize < 1) {
            throw new IllegalArgumentException("depth and batchSize must be >= 1, got " + depth + " and " + batchSize);
        }
    }

    private static List<RankedDocument> ranked(List<SearchHit> hits) {
        return hits.stream().map(hit -> new RankedDocument(hit.docId(), hit.score())).toList();
    }

    private static GeneratedRun finish(String kind, SequencedMap<String, List<RankedDocument>> rankings,
            List<String> empty, int topics, long start) {
        GeneratedRun run = new GeneratedRun(new Run(rankings), empty, System.nanoTime() - start);
        if (!empty.isEmpty()) {
            LOG.warn("{} of {} queries are empty and have no {} ranking, e.g. {}", empty.size(), topics, kind,
                    empty.subList(0, Math.min(5, empty.size())));
        }
        LOG.info("{} run: {} queries searched in {} s", kind, rankings.size(),
                String.format("%.2f", run.elapsedNanos() / 1e9));
        return run;
    }
}
