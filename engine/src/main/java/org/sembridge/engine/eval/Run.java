package org.sembridge.engine.eval;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import java.util.Set;

/// A retrieval run: for each query, the retrieved documents in ranked order.
///
/// The order given here is what [RunWriter] writes as ranks; [Evaluator] re-sorts by score as
/// trec_eval does. A document appears at most once per query.
///
/// @param rankings query id -> ranked documents, best first; unmodifiable
public record Run(SequencedMap<String, List<RankedDocument>> rankings) {

    public Run {
        SequencedMap<String, List<RankedDocument>> copy = new LinkedHashMap<>();
        rankings.forEach((query, ranking) -> {
            Set<String> seen = new HashSet<>();
            for (RankedDocument document : ranking) {
                if (!seen.add(document.docId())) {
                    throw new IllegalArgumentException("document '" + document.docId() + "' appears twice in the"
                            + " ranking of query '" + query + "'");
                }
            }
            copy.put(query, List.copyOf(ranking));
        });
        rankings = Collections.unmodifiableSequencedMap(copy);
    }

    /// The ranking of `queryId`; empty when the run has none.
    public List<RankedDocument> of(String queryId) {
        return rankings.getOrDefault(queryId, List.of());
    }
}
