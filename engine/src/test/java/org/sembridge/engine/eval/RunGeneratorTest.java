package org.sembridge.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.engine.index.Bm25Language;
import org.sembridge.engine.index.IndexBuildRequest;
import org.sembridge.engine.index.IndexBuilder;
import org.sembridge.engine.index.QueryWeighting;
import org.sembridge.engine.index.SparseIndex;
import org.sembridge.engine.index.SparseQueryEncoder;
import org.sembridge.engine.index.SparseTextEncoder;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

/// From corpus to metrics on a three-document corpus: index, run both searchers, evaluate.
class RunGeneratorTest {

    private static final SparseTextEncoder WORDS = new WordCountEncoder();

    @TempDir
    Path dir;

    @Test
    void sparseAndBm25RunsAreEvaluatedSideBySide() throws Exception {
        Path corpus = Files.writeString(dir.resolve("corpus.tsv"),
                "d1\tcats drink milk\nd2\tdogs chase cats\nd3\tthe weather is fine\n");
        Path index = dir.resolve("index");
        IndexBuilder.build(new IndexBuildRequest(corpus, index, "words", Optional.of(Bm25Language.EN), 2), WORDS,
                ProgressListener.NONE, CancellationToken.create());
        List<Topic> topics = List.of(new Topic("1", "milk"), new Topic("2", "weather"), new Topic("3", "nothing"));
        Qrels qrels = new Qrels(new LinkedHashMap<>(Map.of("1", Map.of("d1", 1),
                "2", Map.of("d3", 1), "3", Map.of("d2", 1))));
        try (SparseIndex opened = SparseIndex.open(index)) {
            GeneratedRun sparse = RunGenerator.sparse(opened.sparseSearcher(),
                    new SparseQueryEncoder(WORDS, QueryWeighting.ENCODER), topics, 100, 2, ProgressListener.NONE,
                    CancellationToken.create());
            GeneratedRun bm25 = RunGenerator.bm25(opened.bm25Searcher(), topics, 100, ProgressListener.NONE,
                    CancellationToken.create());
            assertEquals(List.of("3"), sparse.emptyQueryIds());
            assertEquals(List.of(), bm25.emptyQueryIds());
            // Queries 1 and 2 find their one relevant document at rank 1; query 3 scores 0 in both
            // (empty sparse query; BM25 finds no "nothing"). Means over 3 judged queries: 2/3.
            assertEquals(2.0 / 3, Evaluator.evaluate(qrels, sparse.run()).ndcgAt10(), 1e-12);
            assertEquals(2.0 / 3, Evaluator.evaluate(qrels, bm25.run()).ndcgAt10(), 1e-12);
            assertEquals(List.of(new RankedDocument("d1", 1.0)), sparse.run().of("1"));
        }
    }
}
