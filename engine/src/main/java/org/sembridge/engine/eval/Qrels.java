package org.sembridge.engine.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;
import java.util.SequencedSet;

/// Relevance judgements: for each judged query, the graded relevance of each judged document.
///
/// A grade `>= 1` is relevant (trec_eval's default level); `0` or negative is judged
/// non-relevant. Grades are the nDCG gains.
///
/// @param judgements query id -> (document id -> grade), in file order; unmodifiable
public record Qrels(SequencedMap<String, Map<String, Integer>> judgements) {

    public Qrels {
        SequencedMap<String, Map<String, Integer>> copy = new LinkedHashMap<>();
        judgements.forEach((query, grades) -> copy.put(query, Collections.unmodifiableMap(new LinkedHashMap<>(grades))));
        judgements = Collections.unmodifiableSequencedMap(copy);
    }

    /// The judged query ids, in file order.
    public SequencedSet<String> queryIds() {
        return judgements.sequencedKeySet();
    }

    /// The judgements of `queryId` (document id -> grade); empty when not judged.
    public Map<String, Integer> of(String queryId) {
        return judgements.getOrDefault(queryId, Map.of());
    }

    /// The number of judgements over all queries.
    public long judgementCount() {
        return judgements.values().stream().mapToLong(Map::size).sum();
    }
}
