package org.sembridge.engine.index;

import java.util.Objects;

/// One document of a token's posting list, with the token's weight in it.
///
/// @param docId         the corpus id
/// @param exactWeight   the weight in the document's exact vector (as the encoder gave it)
/// @param indexedWeight the weight Lucene scores with: `exactWeight` cut to 9 significant bits,
///                      rounded down ([FeatureQuantisation#indexedValue])
public record Posting(String docId, float exactWeight, float indexedWeight) {

    /// Checks that the id is given.
    public Posting {
        Objects.requireNonNull(docId, "docId");
    }
}
