package org.sembridge.engine.index;

/// One matching token's share of a sparse score: query weight times document weight, once with the
/// exact document weight the encoder produced and once with the 9-bit value Lucene indexed.
///
/// @param token                  the vocabulary token
/// @param queryWeight            the query's weight (exact: Lucene keeps query weights as they are)
/// @param exactDocumentWeight    the document weight as the encoder produced it
/// @param indexedDocumentWeight  [FeatureQuantisation#indexedValue] of it: what Lucene scored with,
///                               `<= exactDocumentWeight`, relative error below 0.39%
public record TokenContribution(String token, float queryWeight, float exactDocumentWeight,
        float indexedDocumentWeight) {

    /// `queryWeight x exactDocumentWeight` in double precision.
    public double exactContribution() {
        return (double) queryWeight * exactDocumentWeight;
    }

    /// `queryWeight x indexedDocumentWeight` as Lucene computes it (one float multiplication).
    public float indexedContribution() {
        return queryWeight * indexedDocumentWeight;
    }
}
