package org.sembridge.engine.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.ModelFormatException;
import org.sembridge.engine.encoder.SelectedDevice;
import org.sembridge.engine.encoder.SpladeSettings;
import org.sembridge.engine.eval.EvaluationReport;
import org.sembridge.engine.eval.Evaluator;
import org.sembridge.engine.eval.Qrels;
import org.sembridge.engine.eval.QrelsReader;
import org.sembridge.engine.eval.RunGenerator;
import org.sembridge.engine.eval.Topic;
import org.sembridge.engine.eval.TopicsReader;
import org.sembridge.engine.index.Bm25Language;
import org.sembridge.engine.index.HitExplanation;
import org.sembridge.engine.index.QueryWeighting;
import org.sembridge.engine.index.SparseIndex;
import org.sembridge.engine.index.SparseQueryEncoder;
import org.sembridge.engine.index.SpladeTextEncoder;
import org.sembridge.engine.index.TokenContribution;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.run.DeviceChoice;

/// The service "open an index with its recorded model" on an index of the English demo corpus built
/// once with the English sample encoder (and a BM25 field).
class OpenedIndexTest {

    private static final Path DEMO = IndexBuildingTest.REPO.resolve("assets/demo/en");
    private static final String ADVICE = "do something else";

    @TempDir
    static Path dir;

    private static Path indexFolder;
    private static OpenedIndex opened;
    private static List<Topic> topics;
    private static Qrels qrels;

    @BeforeAll
    static void buildAndOpen() throws Exception {
        indexFolder = dir.resolve("en");
        IndexBuilding.build(IndexBuildJob.of(IndexBuildingTest.CORPUS, indexFolder, IndexBuildingTest.MODEL,
                Optional.of(Bm25Language.EN), DeviceChoice.CPU), ProgressListener.NONE, CancellationToken.create());
        opened = OpenedIndex.open(indexFolder, IndexOpening.recordedModel(DeviceChoice.CPU, ADVICE));
        topics = TopicsReader.read(DEMO.resolve("queries.tsv"));
        qrels = QrelsReader.read(DEMO.resolve("qrels.txt"));
    }

    @AfterAll
    static void close() throws IOException {
        opened.close();
    }

    @Test
    void opensWithTheModelRecordedInTheIndex() {
        assertEquals(IndexBuildingTest.MODEL.toAbsolutePath().normalize(), opened.modelFolder());
        assertEquals(QueryWeighting.ENCODER, opened.weighting());
        assertEquals(204, opened.index().documentCount());
    }

    @Test
    void explainedHitsAddUpToTheirScores() throws Exception {
        SparseRanking ranking = opened.searchSparse("heart and finger", 10, true, CancellationToken.create());
        assertFalse(ranking.hits().isEmpty());
        assertEquals(ranking.hits().size(), ranking.explanations().size());
        for (HitExplanation explanation : ranking.explanations()) {
            float indexed = 0;
            for (TokenContribution contribution : explanation.contributions()) {
                indexed += contribution.indexedContribution();
            }
            assertEquals(explanation.hit().score(), indexed, 1e-4f * Math.max(1, indexed));
        }
        assertTrue(ranking.expansion() > 0);
    }

    @Test
    void unexplainedSearchHasTheSameHitsAndNoExplanations() throws Exception {
        SparseRanking explained = opened.searchSparse("the eye", 5, true, CancellationToken.create());
        SparseRanking plain = opened.searchSparse("the eye", 5, false, CancellationToken.create());
        assertEquals(explained.hits(), plain.hits());
        assertEquals(List.of(), plain.explanations());
    }

    @Test
    void evaluationEqualsTheEvaluatorOnRunsMadeDirectly() throws Exception {
        IndexEvaluation evaluation = opened.evaluate(topics, qrels, Evaluator.RUN_DEPTH, true, ProgressListener.NONE,
                CancellationToken.create());
        EvaluationReport sparse;
        EvaluationReport bm25;
        try (SparseIndex index = SparseIndex.open(indexFolder);
                SpladeTextEncoder encoder = SpladeTextEncoder.load(IndexBuildingTest.MODEL, SelectedDevice.cpu(),
                        SpladeSettings.DEFAULTS)) {
            sparse = Evaluator.evaluate(qrels, RunGenerator.sparse(index.sparseSearcher(),
                    new SparseQueryEncoder(encoder, QueryWeighting.ENCODER), topics, Evaluator.RUN_DEPTH, 32,
                    ProgressListener.NONE, CancellationToken.create()).run());
            bm25 = Evaluator.evaluate(qrels, RunGenerator.bm25(index.bm25Searcher(), topics, Evaluator.RUN_DEPTH,
                    ProgressListener.NONE, CancellationToken.create()).run());
        }
        assertEquals(sparse.ndcgAt10(), evaluation.sparse().ndcgAt10(), 1e-12);
        assertEquals(sparse.recallAt100(), evaluation.sparse().recallAt100(), 1e-12);
        assertEquals(bm25.ndcgAt10(), evaluation.bm25().orElseThrow().ndcgAt10(), 1e-12);
        assertEquals(bm25.mrrAt10(), evaluation.bm25().orElseThrow().mrrAt10(), 1e-12);
        assertEquals(40, evaluation.sparse().judgedQueries());
        assertTrue(evaluation.coverage().isComplete());
    }

    @Test
    void evaluationWithoutBm25HasNoBm25Run() throws Exception {
        IndexEvaluation evaluation = opened.evaluate(topics.subList(0, 3), qrels, 10, false, ProgressListener.NONE,
                CancellationToken.create());
        assertEquals(Optional.empty(), evaluation.bm25Run());
        assertEquals(Optional.empty(), evaluation.bm25());
        assertFalse(evaluation.coverage().isComplete(), "the other 37 judged queries are not in the query set");
    }

    @Test
    void aLentEncoderRanksLikeTheRecordedModelAndStaysOpenAfterClose() throws Exception {
        IndexEvaluation recorded = opened.evaluate(topics, qrels, Evaluator.RUN_DEPTH, true, ProgressListener.NONE,
                CancellationToken.create());
        try (SpladeTextEncoder encoder = SpladeTextEncoder.load(IndexBuildingTest.MODEL, SelectedDevice.cpu(),
                SpladeSettings.DEFAULTS)) {
            RankingEvaluation sparse;
            RankingEvaluation bm25;
            try (OpenedIndex lent = OpenedIndex.withEncoder(indexFolder, encoder, QueryWeighting.ENCODER)) {
                assertEquals(IndexBuildingTest.MODEL.toAbsolutePath().normalize(), lent.modelFolder());
                sparse = lent.evaluate(Ranking.SPARSE, topics, qrels, Evaluator.RUN_DEPTH, ProgressListener.NONE,
                        CancellationToken.create());
                bm25 = lent.evaluate(Ranking.BM25, topics, qrels, Evaluator.RUN_DEPTH, ProgressListener.NONE,
                        CancellationToken.create());
            }
            assertEquals(recorded.sparseRun().run(), sparse.run().run());
            assertEquals(recorded.sparse().ndcgAt10(), sparse.report().ndcgAt10(), 1e-12);
            assertEquals(recorded.bm25Run().orElseThrow().run(), bm25.run().run());
            assertEquals(recorded.bm25().orElseThrow().recallAt100(), bm25.report().recallAt100(), 1e-12);
            assertFalse(encoder.tokenize("heart").isEmpty(), "closing the index leaves the lent encoder open");
        }
    }

    @Test
    void documentPiecesSpellTheTextAndTopTokensAreHeaviestFirst() throws Exception {
        DocumentWeights document = opened.documentWeights("d001");
        String spelled = document.text().stream().map(p -> (p.wordStart() ? " " : "") + p.text())
                .reduce("", String::concat).strip();
        String text = opened.document("d001").text();
        assertEquals(text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " "), spelled.toLowerCase(Locale.ROOT));
        for (int i = 1; i < document.topTokens().size(); i++) {
            assertTrue(document.topTokens().get(i - 1).weight() >= document.topTokens().get(i).weight());
        }
        assertTrue(document.maxWeight() > 0);
    }

    @Test
    void unknownDocumentIsRefusedWithTheIndexNamed() {
        InputFormatException e = assertThrows(InputFormatException.class, () -> opened.document("nope"));
        assertEquals("document 'nope' is not in index " + indexFolder, e.getMessage());
    }

    @Test
    void queryTokensAreDistinctAndInOrder() throws Exception {
        assertEquals(List.of("heart", "and"), opened.queryTokens("heart and heart"));
    }

    @Test
    void bm25OnAnIndexWithoutABm25FieldSaysSo(@TempDir Path other) throws Exception {
        Path plain = other.resolve("plain");
        IndexBuilding.build(IndexBuildJob.of(IndexBuildingTest.CORPUS, plain, IndexBuildingTest.MODEL,
                Optional.empty(), DeviceChoice.CPU), ProgressListener.NONE, CancellationToken.create());
        try (OpenedIndex noBm25 = OpenedIndex.open(plain, IndexOpening.recordedModel(DeviceChoice.CPU, ADVICE))) {
            InputFormatException e = assertThrows(InputFormatException.class, () -> noBm25.searchBm25("heart", 5));
            assertTrue(e.getMessage().contains(plain.toString()) && e.getMessage().contains("no BM25 field"),
                    e.getMessage());
        }
    }

    @Test
    void goneRecordedModelIsRefusedWithTheIndexTheFolderAndTheAdvice(@TempDir Path other) throws Exception {
        Path model = other.resolve("model-copy");
        copyFolder(IndexBuildingTest.MODEL, model);
        Path index = other.resolve("index");
        IndexBuilding.build(IndexBuildJob.of(IndexBuildingTest.CORPUS, index, model, Optional.empty(),
                DeviceChoice.CPU), ProgressListener.NONE, CancellationToken.create());
        deleteFolder(model);
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> OpenedIndex.open(index, IndexOpening.recordedModel(DeviceChoice.CPU, ADVICE)));
        assertTrue(e.getMessage().startsWith("index " + index + " was built with the model '" + model
                + "', which is not there any more; " + ADVICE + " (fingerprint "), e.getMessage());
        // A model given explicitly replaces the recorded one.
        try (OpenedIndex withModel = OpenedIndex.open(index, new IndexOpening(Optional.of(IndexBuildingTest.MODEL),
                QueryWeighting.INFERENCE_FREE, DeviceChoice.CPU, ADVICE))) {
            assertEquals(IndexBuildingTest.MODEL, withModel.modelFolder());
            assertEquals(QueryWeighting.INFERENCE_FREE, withModel.weighting());
            assertFalse(withModel.searchSparse("heart", 3, false, CancellationToken.create()).hits().isEmpty());
        }
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
            }
        }
    }

    private static void deleteFolder(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) files.sorted((a, b) -> b.compareTo(a))::iterator) {
                Files.delete(file);
            }
        }
    }
}
