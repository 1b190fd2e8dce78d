package org.sembridge.engine.workflow;

import java.util.List;
import org.sembridge.engine.index.HitExplanation;
import org.sembridge.engine.index.SearchHit;
import org.sembridge.engine.index.SparseQuery;

/// One query's sparse ranking on an [OpenedIndex].
///
/// @param query        the encoded query (tokens and weights)
/// @param hits         the hits, best first
/// @param explanations one per hit, in the same order, when asked for; else empty
public record SparseRanking(SparseQuery query, List<SearchHit> hits, List<HitExplanation> explanations) {

    public SparseRanking {
        hits = List.copyOf(hits);
        explanations = List.copyOf(explanations);
    }

    /// How many tokens the query vector has with a positive weight.
    public int expansion() {
        int count = 0;
        for (float weight : query.weights().weights()) {
            count += weight > 0 ? 1 : 0;
        }
        return count;
    }
}
