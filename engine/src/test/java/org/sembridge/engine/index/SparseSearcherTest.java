package org.sembridge.engine.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.sembridge.engine.index.TestIndexes.document;
import static org.sembridge.engine.index.TestIndexes.vector;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.ModelFormatException;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

class SparseSearcherTest {

    @TempDir
    Path dir;

    private Path index;

    @BeforeEach
    void writeIndex() throws Exception {
        // Weights with at most 9 significant bits, so Lucene's scores are exact here.
        Map<CorpusDocument, TermWeights> documents = new LinkedHashMap<>();
        documents.put(document("d1"), vector("a", 0.5, "b", 1.5));
        documents.put(document("d2"), vector("a", 1.5, "c", 3));
        documents.put(document("d3"), vector("c", 2));
        index = TestIndexes.write(dir.resolve("index"), "enc", Optional.empty(), documents);
    }

    private static SparseQuery query(String fingerprint, TermWeights weights) {
        return new SparseQuery("test query", fingerprint, QueryWeighting.ENCODER, weights);
    }

    @Test
    void ranksByDotProductOfQueryAndDocumentWeights() throws Exception {
        // q = {a: 2, b: 1}: d2 = 2 x 1.5 = 3.0; d1 = 2 x 0.5 + 1 x 1.5 = 2.5; d3 shares no token.
        try (SparseIndex opened = SparseIndex.open(index)) {
            List<SearchHit> hits = opened.sparseSearcher().search(query("enc", vector("a", 2, "b", 1)), 10);
            assertEquals(List.of(new SearchHit(1, "d2", 3.0f), new SearchHit(2, "d1", 2.5f)), hits);
        }
    }

    @Test
    void topKLimitsTheHits() throws Exception {
        try (SparseIndex opened = SparseIndex.open(index)) {
            List<SearchHit> hits = opened.sparseSearcher().search(query("enc", vector("a", 2, "c", 1)), 1);
            // d2 = 2 x 1.5 + 1 x 3 = 6.0
            assertEquals(List.of(new SearchHit(1, "d2", 6.0f)), hits);
        }
    }

    @Test
    void queryWeightsAboveLuceneLinearQueryLimitAreAccepted() throws Exception {
        // FeatureField.newLinearQuery rejects weights > 64; the boost route does not: 100 x 2 = 200.
        try (SparseIndex opened = SparseIndex.open(index)) {
            List<SearchHit> hits = opened.sparseSearcher().search(query("enc", vector("c", 100)), 1);
            assertEquals(List.of(new SearchHit(1, "d2", 300f)), hits);
        }
    }

    @Test
    void zeroAndNegativeQueryWeightsAreIgnored() throws Exception {
        try (SparseIndex opened = SparseIndex.open(index)) {
            List<SearchHit> hits = opened.sparseSearcher().search(query("enc", vector("a", 1, "c", 0, "b", -5)), 10);
            assertEquals(List.of(new SearchHit(1, "d2", 1.5f), new SearchHit(2, "d1", 0.5f)), hits);
        }
    }

    @Test
    void queryFromAnotherEncoderNamesBothFingerprints() throws Exception {
        try (SparseIndex opened = SparseIndex.open(index)) {
            InputFormatException e = assertThrows(InputFormatException.class,
                    () -> opened.sparseSearcher().search(query("other", vector("a", 1)), 10));
            assertEquals("index " + index + " was built by the encoder with fingerprint enc, but the query was encoded"
                    + " by the encoder with fingerprint other; search with the encoder that built the index, or"
                    + " rebuild it", e.getMessage());
        }
    }

    @Test
    void emptyQueryHasASpecificMessage() throws Exception {
        try (SparseIndex opened = SparseIndex.open(index)) {
            InputFormatException e = assertThrows(InputFormatException.class,
                    () -> opened.sparseSearcher().search(query("enc", vector("a", 0)), 10));
            assertEquals("query 'test query' is empty: it has no token with a positive weight (ENCODER weighting,"
                    + " 1 entries)", e.getMessage());
        }
    }

    @Test
    void nonFiniteQueryWeightIsAModelError() throws Exception {
        try (SparseIndex opened = SparseIndex.open(index)) {
            ModelFormatException e = assertThrows(ModelFormatException.class,
                    () -> opened.sparseSearcher().search(query("enc", vector("a", Float.POSITIVE_INFINITY)), 10));
            assertEquals("query 'test query' has the weight Infinity for token 'a'; expected finite weights",
                    e.getMessage());
        }
    }

    @Test
    void inferenceFreeQueriesWeighEachDistinctTokenOnce() throws Exception {
        SparseQueryEncoder encoder = new SparseQueryEncoder(new ScriptedEncoder("enc"), QueryWeighting.INFERENCE_FREE);
        SparseQuery query = encoder.encode(List.of("a c a"), ProgressListener.NONE, CancellationToken.create())
                .getFirst();
        assertEquals(Map.of("a", 1f, "c", 1f), query.weights().asMap());
        assertEquals("enc", query.encoderFingerprint());
        try (SparseIndex opened = SparseIndex.open(index)) {
            // d2 = 1.5 + 3 = 4.5; d3 = 2; d1 = 0.5
            assertEquals(List.of(new SearchHit(1, "d2", 4.5f), new SearchHit(2, "d3", 2f), new SearchHit(3, "d1", 0.5f)),
                    opened.sparseSearcher().search(query, 10));
        }
    }

    @Test
    void encodedQueriesUseTheFullEncoder() throws Exception {
        ScriptedEncoder scripted = new ScriptedEncoder("enc").vector("text", new String[] {"b", "x"},
                new float[] {2f, 7f});
        SparseQuery query = new SparseQueryEncoder(scripted, QueryWeighting.ENCODER)
                .encode(List.of("text"), ProgressListener.NONE, CancellationToken.create()).getFirst();
        try (SparseIndex opened = SparseIndex.open(index)) {
            assertEquals(List.of(new SearchHit(1, "d1", 3f)), opened.sparseSearcher().search(query, 10));
        }
    }
}
