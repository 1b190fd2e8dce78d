package org.sembridge.engine.index;

import java.util.Objects;

/// A query as the sparse searcher takes it: the weights, and which encoder made them.
///
/// @param text                the original query text, for display and messages
/// @param encoderFingerprint  [SparseTextEncoder#fingerprint()] of the encoder that produced
///                            `weights`; must match the index's
/// @param weighting           how the weights were obtained
/// @param weights             the query vector; only positive finite weights take part in search
public record SparseQuery(String text, String encoderFingerprint, QueryWeighting weighting, TermWeights weights) {

    public SparseQuery {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(encoderFingerprint, "encoderFingerprint");
        Objects.requireNonNull(weighting, "weighting");
        Objects.requireNonNull(weights, "weights");
    }

    /// Whether no token has a positive weight, so the query cannot match anything.
    public boolean isEmpty() {
        for (float weight : weights.weights()) {
            if (weight > 0) {
                return false;
            }
        }
        return true;
    }
}
