package org.sembridge.engine.eval;

/// The metrics of one judged query.
///
/// @param queryId     the query id
/// @param ndcgAt10    nDCG@10 with graded gains (trec_eval `ndcg_cut.10`), in [0, 1]
/// @param recallAt100 relevant documents in the top 100 / all relevant (trec_eval `recall.100`),
///                    in [0, 1]; 0 when the query has no relevant document
/// @param mrrAt10     1 / rank of the first relevant document in the top 10, else 0
/// @param retrieved   documents of the run considered (at most 100)
/// @param relevant    judged documents with grade >= 1
public record QueryEvaluation(String queryId, double ndcgAt10, double recallAt100, double mrrAt10, int retrieved,
        int relevant) {
}
