package org.sembridge.engine.index;

import java.util.Objects;

/// One token of an index's vocabulary with how often and how heavily the documents use it, from
/// the exact document vectors (not the 9-bit indexed weights).
///
/// @param token             the vocabulary token (the `FeatureField` name)
/// @param documentFrequency documents whose vector has the token, >= 1: the length of its
///                          posting list, which is what the token costs a query
/// @param minWeight         the smallest exact weight over those documents, > 0
/// @param meanWeight        the mean exact weight over those documents
/// @param maxWeight         the largest exact weight over those documents
public record TermStatistics(String token, int documentFrequency, float minWeight, double meanWeight,
        float maxWeight) {

    /// Checks the values.
    public TermStatistics {
        Objects.requireNonNull(token, "token");
        if (documentFrequency < 1 || !(minWeight <= maxWeight)) {
            throw new IllegalArgumentException("token " + token + ": document frequency " + documentFrequency
                    + ", weights " + minWeight + ".." + maxWeight);
        }
    }
}
