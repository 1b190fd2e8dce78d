package org.sembridge.engine.index;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/// Writes small indexes straight through [SparseIndexWriter] for search tests.
final class TestIndexes {

    private TestIndexes() {
    }

    /// Indexes each document id with its vector (empty title, text = id) and commits.
    static Path write(Path folder, String fingerprint, Optional<Bm25Language> bm25,
            Map<CorpusDocument, TermWeights> documents) throws Exception {
        try (SparseIndexWriter writer = SparseIndexWriter.create(folder, bm25)) {
            for (Map.Entry<CorpusDocument, TermWeights> entry : documents.entrySet()) {
                writer.addDocument(entry.getKey(), entry.getValue());
            }
            writer.commit(new IndexMetadata(IndexMetadata.FORMAT_VERSION, fingerprint, "model", "corpus",
                    Instant.parse("2026-01-01T00:00:00Z"), writer.documentCount(), 0, writer.documentsWithoutTokens(),
                    writer.postingCount(), writer.droppedWeightCount(), bm25));
        }
        return folder;
    }

    /// A vector from alternating token, weight pairs: `vector("a", 0.5f, "b", 1f)`.
    static TermWeights vector(Object... tokenWeightPairs) {
        Map<String, Float> weights = new LinkedHashMap<>();
        for (int i = 0; i < tokenWeightPairs.length; i += 2) {
            weights.put((String) tokenWeightPairs[i], ((Number) tokenWeightPairs[i + 1]).floatValue());
        }
        return TermWeights.of(weights);
    }

    static CorpusDocument document(String id) {
        return new CorpusDocument(id, "", id);
    }
}
