package org.sembridge.app.search;

import java.util.List;

/// What one query gives: the sparse ranking with explanations, the BM25 ranking of the same text,
/// and the query's own tokens.
///
/// @param query       the query text
/// @param sparse      the sparse hits, best first
/// @param bm25        the BM25 hits, best first; empty when the index has no BM25 field or nothing
///                    of the text survives the analyzer (then [#bm25Note()] says which)
/// @param bm25Note    why the BM25 list is empty, `""` when it is not
/// @param queryTokens the distinct target tokens of the query text, in order (stored strings)
/// @param expansion   how many tokens the sparse query vector has with a positive weight
/// @param documents   documents in the index
public record SearchResult(String query, List<RankedHit> sparse, List<RankedHit> bm25, String bm25Note,
        List<String> queryTokens, int expansion, int documents) {

    public SearchResult {
        sparse = List.copyOf(sparse);
        bm25 = List.copyOf(bm25);
        queryTokens = List.copyOf(queryTokens);
    }

    /// Documents found by both lists.
    public long overlap() {
        return sparse.stream().filter(RankedHit::inOtherList).count();
    }
}
