package org.sembridge.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QrelsCoverageTest {

    @Test
    void unknownQueriesAndDocumentsAreCountedNotFatal() throws Exception {
        SequencedMap<String, Map<String, Integer>> judgements = new LinkedHashMap<>();
        judgements.put("q1", Map.of("d1", 1));
        judgements.put("q2", new LinkedHashMap<>(Map.of("gone", 2)));
        judgements.put("q9", new LinkedHashMap<>(Map.of("d1", 0)));
        judgements.get("q2").put("also-gone", 0);
        Set<String> corpus = Set.of("d1");
        QrelsCoverage coverage = QrelsCoverage.check(new Qrels(judgements), List.of("q1", "q2"), corpus::contains);
        assertEquals(3, coverage.judgedQueries());
        assertEquals(List.of("q9"), coverage.unknownQueryIds());
        assertEquals(3, coverage.judgedDocuments());
        assertEquals(2, coverage.unknownDocumentCount());
        assertEquals(Set.of("gone", "also-gone"), Set.copyOf(coverage.unknownDocumentExamples()));
        assertEquals(1, coverage.relevantUnknownJudgements());
        assertFalse(coverage.isComplete());
    }
}
