package org.sembridge.engine.experiment;

import org.sembridge.engine.eval.EvaluationReport;

/// The three measures of one cell, means over every judged query with trec_eval's semantics
/// (`-c -M 100`: a judged query without results scores 0; see `org.sembridge.engine.eval`).
///
/// @param ndcgAt10      nDCG@10, in `[0, 1]` (the paper's measure)
/// @param recallAt100   Recall@100, in `[0, 1]`
/// @param mrrAt10       MRR@10, in `[0, 1]`
/// @param judgedQueries the queries the means run over
public record RetrievalScores(double ndcgAt10, double recallAt100, double mrrAt10, int judgedQueries) {

    /// The means of an evaluation report.
    public static RetrievalScores of(EvaluationReport report) {
        return new RetrievalScores(report.ndcgAt10(), report.recallAt100(), report.mrrAt10(), report.judgedQueries());
    }
}
