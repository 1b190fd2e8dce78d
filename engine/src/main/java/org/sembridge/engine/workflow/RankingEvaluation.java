package org.sembridge.engine.workflow;

import java.util.Objects;
import org.sembridge.engine.eval.EvaluationReport;
import org.sembridge.engine.eval.GeneratedRun;

/// One ranking of an [OpenedIndex] evaluated on queries with relevance judgements.
///
/// @param run    the ranking of every query (and the queries that ranked nothing)
/// @param report the run's metrics against the judgements
public record RankingEvaluation(GeneratedRun run, EvaluationReport report) {

    public RankingEvaluation {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(report, "report");
    }
}
