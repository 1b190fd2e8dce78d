package org.sembridge.engine.eval;

import java.util.List;

/// The result of [Evaluator#evaluate]: mean metrics over all judged queries and the per-query
/// values behind them.
///
/// @param ndcgAt10                    mean nDCG@10 (trec_eval `-c -M 100 -m ndcg_cut.10`)
/// @param recallAt100                 mean Recall@100 (trec_eval `-c -M 100 -m recall.100`)
/// @param mrrAt10                     mean reciprocal rank within the top 10 (trec_eval
///                                    `-c -M 10 -m recip_rank`)
/// @param perQuery                    one entry per judged query, in qrels order
/// @param judgedQueries               queries in the qrels: the denominator of every mean
/// @param judgedQueriesWithoutResults judged queries the run has no ranking for (they score 0)
/// @param unjudgedRunQueries          run queries absent from the qrels (ignored, as by trec_eval)
public record EvaluationReport(double ndcgAt10, double recallAt100, double mrrAt10, List<QueryEvaluation> perQuery,
        int judgedQueries, int judgedQueriesWithoutResults, int unjudgedRunQueries) {

    public EvaluationReport {
        perQuery = List.copyOf(perQuery);
    }
}
