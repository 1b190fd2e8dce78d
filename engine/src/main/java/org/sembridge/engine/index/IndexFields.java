package org.sembridge.engine.index;

/// The Lucene field names of a SemBridge index, in one place for writer and readers.
final class IndexFields {

    /// Document id: indexed as one term (lookup), stored, and as binary doc values (hit ids).
    static final String ID = "id";
    /// Stored title.
    static final String TITLE = "title";
    /// Stored body text.
    static final String TEXT = "text";
    /// One `FeatureField` per token with a positive weight.
    static final String TOKENS = "tokens";
    /// Binary doc values: the exact float vector ([VectorCodec]).
    static final String VECTOR = "vector";
    /// `title + " " + text` analysed with the BM25 language analyzer; not stored.
    static final String BM25 = "bm25";

    private IndexFields() {
    }
}
