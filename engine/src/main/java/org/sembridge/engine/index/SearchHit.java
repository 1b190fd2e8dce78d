package org.sembridge.engine.index;

/// One ranked result of a search.
///
/// @param rank  1-based position in the ranking
/// @param docId the corpus id of the document
/// @param score the Lucene score: for sparse search the sum of query weight x quantised document
///              weight over matching tokens, for BM25 the BM25 score
public record SearchHit(int rank, String docId, float score) {
}
