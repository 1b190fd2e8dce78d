package org.sembridge.app.search;

import java.util.List;

/// One row of the evaluation table: a judged query's metrics for the sparse index and BM25, or the
/// overall mean row.
///
/// @param queryId      the query id (`q12`); `"mean"` for the mean row
/// @param text         the query text; for the mean row the number of judged queries
/// @param sparseNdcg   nDCG@10 of the sparse run, in [0, 1]
/// @param sparseRecall Recall@100 of the sparse run, in [0, 1]
/// @param bm25Ndcg     nDCG@10 of BM25; `NaN` when the index has no BM25 field
/// @param bm25Recall   Recall@100 of BM25; `NaN` when the index has no BM25 field
/// @param tokens       the distinct target tokens of the query text (stored strings); empty for
///                     the mean row
/// @param mean         whether this is the overall mean row
public record QueryRow(String queryId, String text, double sparseNdcg, double sparseRecall, double bm25Ndcg,
        double bm25Recall, List<String> tokens, boolean mean) {

    public QueryRow {
        tokens = List.copyOf(tokens);
    }

    /// Whether this row is a judged query with target tokens, so it can be searched and its tokens
    /// shown (never the mean row).
    public boolean searchable() {
        return !mean && !tokens.isEmpty();
    }
}
