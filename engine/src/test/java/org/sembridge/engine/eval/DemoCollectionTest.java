package org.sembridge.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sembridge.engine.index.Bm25Language;
import org.sembridge.engine.index.IndexBuildRequest;
import org.sembridge.engine.index.IndexBuilder;
import org.sembridge.engine.index.QueryWeighting;
import org.sembridge.engine.index.SparseIndex;
import org.sembridge.engine.index.SparseQueryEncoder;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import uk.ac.gla.terrier.jtreceval.trec_eval;

/// The shipped demo collection (`assets/demo/<lang>`) through the whole lab: read corpus,
/// queries and qrels, index with the language's BM25 analyzer, run BM25 and a word-count sparse
/// run, evaluate, and compare with trec_eval.
class DemoCollectionTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"en", "ko", "ru", "ar", "hi", "zh"})
    void demoCollectionIsIndexedSearchedAndEvaluated(String language) throws Exception {
        Path demo = Path.of(System.getProperty("sembridge.repo.root"), "assets", "demo", language);
        List<Topic> topics = TopicsReader.read(demo.resolve("queries.tsv"));
        Qrels qrels = QrelsReader.read(demo.resolve("qrels.txt"));
        Path index = dir.resolve("index");
        IndexBuilder.build(new IndexBuildRequest(demo.resolve("corpus.jsonl"), index, "word-count",
                Optional.of(Bm25Language.forCode(language)), 64), new WordCountEncoder(), ProgressListener.NONE,
                CancellationToken.create());
        try (SparseIndex opened = SparseIndex.open(index)) {
            assertEquals(204, opened.documentCount());
            QrelsCoverage coverage = QrelsCoverage.check(qrels, topics.stream().map(Topic::id).toList(),
                    opened::containsDocument);
            assertTrue(coverage.isComplete(), coverage.toString());

            GeneratedRun bm25 = RunGenerator.bm25(opened.bm25Searcher(), topics, 100, ProgressListener.NONE,
                    CancellationToken.create());
            GeneratedRun words = RunGenerator.sparse(opened.sparseSearcher(),
                    new SparseQueryEncoder(new WordCountEncoder(), QueryWeighting.INFERENCE_FREE), topics, 100, 16,
                    ProgressListener.NONE, CancellationToken.create());
            for (GeneratedRun run : List.of(bm25, words)) {
                EvaluationReport report = Evaluator.evaluate(qrels, run.run());
                assertEquals(40, report.judgedQueries());
                Path runFile = dir.resolve("run.txt");
                RunWriter.write(runFile, run.run(), "demo");
                String[][] oracle = new trec_eval().runAndGetOutput(new String[] {"-c", "-M", "100", "-m",
                    "ndcg_cut.10", "-m", "recall.100", demo.resolve("qrels.txt").toString(), runFile.toString()});
                assertEquals(Double.parseDouble(oracle[0][2]), report.recallAt100(), 0.5e-4 + 1e-9);
                assertEquals(Double.parseDouble(oracle[1][2]), report.ndcgAt10(), 0.5e-4 + 1e-9);
            }
            // Lexical retrieval finds the word-overlap part of the judgements (about 70% of them).
            assertTrue(Evaluator.evaluate(qrels, bm25.run()).ndcgAt10() > 0.1, language);
        }
    }
}
