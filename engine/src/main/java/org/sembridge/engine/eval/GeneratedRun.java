package org.sembridge.engine.eval;

import java.util.List;

/// A run produced by [RunGenerator], with the queries that could not be searched.
///
/// @param run           the rankings
/// @param emptyQueryIds queries with no usable term (no positive sparse weight, or nothing left
///                      after BM25 analysis): they have no ranking and score 0 under `-c`
/// @param elapsedNanos  wall-clock time of encoding and searching
public record GeneratedRun(Run run, List<String> emptyQueryIds, long elapsedNanos) {

    public GeneratedRun {
        emptyQueryIds = List.copyOf(emptyQueryIds);
    }
}
