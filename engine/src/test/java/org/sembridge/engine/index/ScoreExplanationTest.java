package org.sembridge.engine.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sembridge.engine.index.TestIndexes.document;
import static org.sembridge.engine.index.TestIndexes.vector;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreExplanationTest {

    /// FeatureField keeps 9 significant bits: relative error < 2^-8 = 0.39% (< 0.4%).
    private static final double MAX_RELATIVE_ERROR = 1.0 / 256;

    @TempDir
    Path dir;

    private static SparseQuery query(TermWeights weights) {
        return new SparseQuery("q", "enc", QueryWeighting.ENCODER, weights);
    }

    @Test
    void contributionsSumToTheExactScoreAndLuceneScoreMatchesTheHit() throws Exception {
        long seed = Long.getLong("sembridge.test.seed", System.nanoTime());
        System.out.println("contributionsSumToTheExactScoreAndLuceneScoreMatchesTheHit seed = " + seed);
        Random random = new Random(seed);
        Map<CorpusDocument, TermWeights> documents = new LinkedHashMap<>();
        for (int d = 0; d < 300; d++) {
            documents.put(document("d" + d), randomVector(random, 1 + random.nextInt(20)));
        }
        Path index = TestIndexes.write(dir.resolve("index"), "enc", Optional.empty(), documents);
        try (SparseIndex opened = SparseIndex.open(index)) {
            SparseSearcher searcher = opened.sparseSearcher();
            for (int q = 0; q < 30; q++) {
                SparseQuery query = query(randomVector(random, 1 + random.nextInt(8)));
                List<SearchHit> hits = searcher.search(query, 50);
                List<HitExplanation> explanations = searcher.explain(query, hits);
                assertEquals(hits.size(), explanations.size());
                for (int h = 0; h < explanations.size(); h++) {
                    HitExplanation explanation = explanations.get(h);
                    double exact = explanation.contributions().stream()
                            .mapToDouble(c -> (double) c.queryWeight() * c.exactDocumentWeight()).sum();
                    assertEquals(exact, explanation.exactScore(), 1e-12 * exact, "seed " + seed);
                    assertEquals(hits.get(h).score(), explanation.luceneScore(), 1e-6 * explanation.luceneScore(),
                            "seed " + seed);
                    assertTrue(explanation.luceneScore() <= explanation.exactScore() * (1 + 1e-6), "seed " + seed);
                    assertTrue(explanation.luceneScore() >= explanation.exactScore() * (1 - MAX_RELATIVE_ERROR),
                            "seed " + seed);
                    for (TokenContribution contribution : explanation.contributions()) {
                        float exactWeight = contribution.exactDocumentWeight();
                        float indexedWeight = contribution.indexedDocumentWeight();
                        assertTrue(indexedWeight <= exactWeight, "seed " + seed);
                        assertTrue(indexedWeight >= exactWeight * (1 - MAX_RELATIVE_ERROR), "seed " + seed);
                    }
                    boolean nextExactlyHigher = h + 1 < hits.size()
                            && explanations.get(h + 1).exactScore() > explanation.exactScore();
                    assertEquals(nextExactlyHigher, explanation.outrankedByNextExactly(), "seed " + seed);
                }
            }
        }
    }

    private static TermWeights randomVector(Random random, int size) {
        Map<String, Float> weights = new LinkedHashMap<>();
        while (weights.size() < size) {
            weights.put("t" + random.nextInt(40), (float) Math.exp(3 * random.nextGaussian()));
        }
        return TermWeights.of(weights);
    }

    @Test
    void quantisationThatReversesTwoAdjacentHitsIsFlagged() throws Exception {
        // 9 significant bits, rounded down: in [1, 2) the indexed step is 2^-8 = 0.00390625.
        // d1: a = 1.0079 (x 256 = 258.02 -> 258 -> 1.0078125), b = 1.0: Lucene 2.0078125, exact 2.0079.
        // d2: a = 1.0076 (x 256 = 257.95 -> 257 -> 1.00390625), b = 1.0038 (256.97 -> 256 -> 1.0):
        //     Lucene 2.00390625, exact 2.0114.
        // d3: a = b = 1.0: Lucene = exact = 2.0.
        // Lucene ranks d1 > d2 > d3; exactly d2 (2.0114) > d1 (2.0079): the first pair is reversed.
        Map<CorpusDocument, TermWeights> documents = new LinkedHashMap<>();
        documents.put(document("d1"), vector("a", 1.0079, "b", 1.0));
        documents.put(document("d2"), vector("a", 1.0076, "b", 1.0038));
        documents.put(document("d3"), vector("a", 1.0, "b", 1.0));
        Path index = TestIndexes.write(dir.resolve("index"), "enc", Optional.empty(), documents);
        try (SparseIndex opened = SparseIndex.open(index)) {
            SparseQuery query = query(vector("a", 1, "b", 1));
            List<SearchHit> hits = opened.sparseSearcher().search(query, 10);
            assertEquals(List.of("d1", "d2", "d3"), hits.stream().map(SearchHit::docId).toList());
            assertEquals(List.of(2.0078125f, 2.00390625f, 2.0f), hits.stream().map(SearchHit::score).toList());
            List<HitExplanation> explanations = opened.sparseSearcher().explain(query, hits);
            assertEquals(List.of(true, false, false),
                    explanations.stream().map(HitExplanation::outrankedByNextExactly).toList());
            HitExplanation d2 = explanations.get(1);
            assertEquals((double) 1.0076f + 1.0038f, d2.exactScore(), 1e-12);
            assertEquals(2.00390625f, d2.luceneScore());
            assertEquals(List.of(new TokenContribution("a", 1f, 1.0076f, 1.00390625f),
                    new TokenContribution("b", 1f, 1.0038f, 1.0f)), d2.contributions());
        }
    }

    @Test
    void quantisationReproducesWhatLuceneScores() throws Exception {
        long seed = Long.getLong("sembridge.test.seed", System.nanoTime());
        System.out.println("quantisationReproducesWhatLuceneScores seed = " + seed);
        Random random = new Random(seed);
        Map<CorpusDocument, TermWeights> documents = new LinkedHashMap<>();
        float[] weights = new float[500];
        for (int d = 0; d < weights.length; d++) {
            weights[d] = (float) Math.exp(6 * random.nextGaussian());
            documents.put(document("d" + d), vector("x", weights[d]));
        }
        Path index = TestIndexes.write(dir.resolve("index"), "enc", Optional.empty(), documents);
        try (SparseIndex opened = SparseIndex.open(index)) {
            // Query weight 1: each hit's Lucene score is its indexed document weight, bit for bit.
            for (SearchHit hit : opened.sparseSearcher().search(query(vector("x", 1)), weights.length)) {
                float exact = weights[Integer.parseInt(hit.docId().substring(1))];
                assertEquals(FeatureQuantisation.indexedValue(exact), hit.score(), "seed " + seed + ", w = " + exact);
                assertTrue(hit.score() <= exact && hit.score() >= exact * (1 - MAX_RELATIVE_ERROR), "seed " + seed);
            }
        }
    }

    @Test
    void weightsWithNineSignificantBitsSurviveUnchanged() {
        assertEquals(1.00390625f, FeatureQuantisation.indexedValue(1.00390625f)); // 1 + 2^-8: 9 bits
        assertEquals(1.0f, FeatureQuantisation.indexedValue(1.0039f));
        assertFalse(FeatureQuantisation.indexedValue(3.1f) > 3.1f);
    }
}
