package org.sembridge.engine.workflow;

import java.util.Objects;
import java.util.Optional;
import org.sembridge.engine.eval.EvaluationReport;
import org.sembridge.engine.eval.GeneratedRun;
import org.sembridge.engine.eval.QrelsCoverage;

/// The evaluation of an [OpenedIndex] on queries with relevance judgements: the sparse run and,
/// when asked for, the BM25 run of the same queries, each with its report.
///
/// @param coverage     judged queries and documents the query set or the index lacks
/// @param sparseRun    the sparse ranking of every query
/// @param sparse       the sparse run's metrics
/// @param bm25Run      the BM25 ranking of every query; empty when BM25 was not asked for
/// @param bm25         the BM25 run's metrics; empty when BM25 was not asked for
/// @param elapsedNanos wall-clock time of the runs and the evaluation
public record IndexEvaluation(QrelsCoverage coverage, GeneratedRun sparseRun, EvaluationReport sparse,
        Optional<GeneratedRun> bm25Run, Optional<EvaluationReport> bm25, long elapsedNanos) {

    public IndexEvaluation {
        Objects.requireNonNull(coverage, "coverage");
        Objects.requireNonNull(sparseRun, "sparseRun");
        Objects.requireNonNull(sparse, "sparse");
        Objects.requireNonNull(bm25Run, "bm25Run");
        Objects.requireNonNull(bm25, "bm25");
    }
}
