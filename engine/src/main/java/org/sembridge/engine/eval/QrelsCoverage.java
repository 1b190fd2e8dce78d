package org.sembridge.engine.eval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/// How well qrels match the queries and corpus at hand: judged queries missing from the query
/// set and judged documents missing from the index. Neither is fatal (public qrels often judge
/// documents of a larger corpus); they are counted and reported, because with `-c` every judged
/// query counts, and a missing query or relevant document caps the reachable score.
///
/// @param judgedQueries            queries in the qrels
/// @param unknownQueryIds          judged query ids not in the query set, in qrels order
/// @param judgedDocuments          distinct judged document ids
/// @param unknownDocumentCount     distinct judged document ids not in the index
/// @param unknownDocumentExamples  up to [#EXAMPLES] of them, in qrels order
/// @param relevantUnknownJudgements judgements with grade >= 1 of documents not in the index
public record QrelsCoverage(int judgedQueries, List<String> unknownQueryIds, long judgedDocuments,
        long unknownDocumentCount, List<String> unknownDocumentExamples, long relevantUnknownJudgements) {

    /// How many unknown document ids are kept as examples.
    public static final int EXAMPLES = 10;

    public QrelsCoverage {
        unknownQueryIds = List.copyOf(unknownQueryIds);
        unknownDocumentExamples = List.copyOf(unknownDocumentExamples);
    }

    /// Whether every judged query and document is known.
    public boolean isComplete() {
        return unknownQueryIds.isEmpty() && unknownDocumentCount == 0;
    }

    /// Answers whether a document id exists, e.g. `SparseIndex::containsDocument`.
    @FunctionalInterface
    public interface DocumentLookup {

        /// Whether a document with this id exists.
        boolean contains(String docId) throws IOException;
    }

    /// Checks `qrels` against the query ids and the documents of `documents`.
    public static QrelsCoverage check(Qrels qrels, Collection<String> queryIds, DocumentLookup documents)
            throws IOException {
        Set<String> known = new HashSet<>(queryIds);
        List<String> unknownQueries = qrels.queryIds().stream().filter(q -> !known.contains(q)).toList();
        Set<String> checked = new HashSet<>();
        Set<String> unknownDocuments = new HashSet<>();
        List<String> examples = new ArrayList<>();
        long relevantUnknown = 0;
        for (Map<String, Integer> grades : qrels.judgements().values()) {
            for (Map.Entry<String, Integer> judgement : grades.entrySet()) {
                String docId = judgement.getKey();
                if (checked.add(docId) && !documents.contains(docId)) {
                    unknownDocuments.add(docId);
                    if (examples.size() < EXAMPLES) {
                        examples.add(docId);
                    }
                }
                if (judgement.getValue() >= 1 && unknownDocuments.contains(docId)) {
                    relevantUnknown++;
                }
            }
        }
        return new QrelsCoverage(qrels.queryIds().size(), unknownQueries, checked.size(), unknownDocuments.size(),
                examples, relevantUnknown);
    }
}
