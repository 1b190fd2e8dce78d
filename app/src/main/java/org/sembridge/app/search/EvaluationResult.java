package org.sembridge.app.search;

import java.util.List;
import org.sembridge.engine.eval.EvaluationReport;

/// The evaluation of an index on a query set: the engine's reports and the table rows.
///
/// @param rows      one row per judged query, in qrels order
/// @param mean      the overall mean row (the engine's means)
/// @param sparse    the engine's report of the sparse run
/// @param bm25      the engine's report of the BM25 run; `null` when the index has no BM25 field
/// @param coverage  a note on judged queries or documents the query set or index lacks, `""` when
///                  every judgement is reachable
/// @param elapsedNanos wall-clock time of both runs and the evaluation
public record EvaluationResult(List<QueryRow> rows, QueryRow mean, EvaluationReport sparse, EvaluationReport bm25,
        String coverage, long elapsedNanos) {

    public EvaluationResult {
        rows = List.copyOf(rows);
    }
}
