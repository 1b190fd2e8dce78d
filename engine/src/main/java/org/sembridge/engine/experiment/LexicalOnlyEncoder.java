package org.sembridge.engine.experiment;

import java.util.Collections;
import java.util.List;

import org.sembridge.engine.index.SparseTextEncoder;
import org.sembridge.engine.index.TermWeights;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

/// The encoder of a BM25-only index: every text gets an empty sparse vector, so the index holds
/// the documents and their BM25 field and nothing in the sparse field. The `bm25` row of the
/// experiment is built with it, without loading any model.
final class LexicalOnlyEncoder implements SparseTextEncoder {

    /// The fingerprint recorded in BM25-only indexes.
    static final String FINGERPRINT = "none:bm25-only";

    private static final TermWeights EMPTY = new TermWeights(new String[0], new float[0]);

    @Override
    public String fingerprint() {
        return FINGERPRINT;
    }

    @Override
    public List<TermWeights> encode(List<String> texts, ProgressListener progress, CancellationToken cancel) {
        return Collections.nCopies(texts.size(), EMPTY);
    }

    @Override
    public List<String> tokenize(String text) {
        return List.of();
    }
}
