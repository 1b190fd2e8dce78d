package org.sembridge.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

    private static final double EPS = 1e-9;

    private static Qrels qrels(Object... queryThenDocGradePairs) {
        SequencedMap<String, Map<String, Integer>> judgements = new LinkedHashMap<>();
        String query = null;
        for (int i = 0; i < queryThenDocGradePairs.length; i++) {
            Object item = queryThenDocGradePairs[i];
            if (item instanceof String s && s.startsWith("q")) {
                query = s;
                judgements.put(query, new LinkedHashMap<>());
            } else {
                judgements.get(query).put((String) item, (Integer) queryThenDocGradePairs[++i]);
            }
        }
        return new Qrels(judgements);
    }

    private static Run run(String query, Object... docScorePairs) {
        SequencedMap<String, List<RankedDocument>> rankings = new LinkedHashMap<>();
        List<RankedDocument> ranking = new ArrayList<>();
        for (int i = 0; i < docScorePairs.length; i += 2) {
            ranking.add(new RankedDocument((String) docScorePairs[i], ((Number) docScorePairs[i + 1]).doubleValue()));
        }
        rankings.put(query, ranking);
        return new Run(rankings);
    }

    @Test
    void handComputedGradedCase() {
        // q1 judged d1 = 2, d2 = 1, d3 = 0, d4 = 1; run (score order) d3, d1, dX (unjudged), d2.
        // DCG@10 = 0/log2(2) + 2/log2(3) + 0/log2(4) + 1/log2(5) = 1.2618595 + 0.4306766 = 1.6925361
        // IDCG@10 = 2/log2(2) + 1/log2(3) + 1/log2(4) = 2 + 0.6309298 + 0.5 = 3.1309298
        // nDCG@10 = 1.6925361 / 3.1309298 = 0.5405858
        // Recall@100 = |{d1, d2}| / |{d1, d2, d4}| = 2/3;  MRR@10 = 1 / rank(d1) = 1/2.
        // q2 (judged, d5 = 1) has no ranking: 0 for all, but counts in the means (-c);
        // q3 is only in the run and is ignored. Means over 2 queries: 0.2702929, 1/3, 1/4.
        Qrels qrels = qrels("q1", "d1", 2, "d2", 1, "d3", 0, "d4", 1, "q2", "d5", 1);
        SequencedMap<String, List<RankedDocument>> rankings = new LinkedHashMap<>(
                run("q1", "d2", 1.0, "dX", 1.5, "d1", 2.0, "d3", 3.0).rankings());
        rankings.put("q3", List.of(new RankedDocument("d9", 1)));
        EvaluationReport report = Evaluator.evaluate(qrels, new Run(rankings));

        QueryEvaluation q1 = report.perQuery().getFirst();
        double dcg = 2 / log2(3) + 1 / log2(5);
        double idcg = 2 + 1 / log2(3) + 1 / log2(4);
        assertEquals(0.5405858, dcg / idcg, 1e-7);
        assertEquals(dcg / idcg, q1.ndcgAt10(), EPS);
        assertEquals(2.0 / 3, q1.recallAt100(), EPS);
        assertEquals(0.5, q1.mrrAt10(), EPS);
        assertEquals(new QueryEvaluation("q2", 0, 0, 0, 0, 1), report.perQuery().get(1));
        assertEquals(dcg / idcg / 2, report.ndcgAt10(), EPS);
        assertEquals(1.0 / 3, report.recallAt100(), EPS);
        assertEquals(0.25, report.mrrAt10(), EPS);
        assertEquals(2, report.judgedQueries());
        assertEquals(1, report.judgedQueriesWithoutResults());
        assertEquals(1, report.unjudgedRunQueries());
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    @Test
    void tiedScoresRankTheLargerDocumentIdFirst() {
        // trec_eval breaks ties by docno descending: "b" before "a", so the relevant "a" is rank 2.
        EvaluationReport report = Evaluator.evaluate(qrels("q1", "a", 1), run("q1", "a", 1.0, "b", 1.0));
        assertEquals(0.5, report.mrrAt10(), EPS);
        // nDCG = (1 / log2(3)) / (1 / log2(2)) = 0.6309298
        assertEquals(1 / log2(3), report.ndcgAt10(), EPS);
    }

    @Test
    void runOrderIsIgnoredInFavourOfScores() {
        EvaluationReport report = Evaluator.evaluate(qrels("q1", "a", 1), run("q1", "b", 1.0, "a", 2.0));
        assertEquals(1.0, report.mrrAt10(), EPS);
    }

    @Test
    void onlyTheTopHundredDocumentsCount() {
        // The relevant document has the 101st score: Recall@100 = 0.
        Object[] pairs = new Object[202];
        for (int i = 0; i < 100; i++) {
            pairs[2 * i] = "n" + i;
            pairs[2 * i + 1] = 200.0 - i;
        }
        pairs[200] = "rel";
        pairs[201] = 1.0;
        EvaluationReport report = Evaluator.evaluate(qrels("q1", "rel", 1), run("q1", pairs));
        assertEquals(0, report.recallAt100(), EPS);
        assertEquals(100, report.perQuery().getFirst().retrieved());
    }

    @Test
    void reciprocalRankStopsAtTen() {
        Object[] pairs = new Object[22];
        for (int i = 0; i < 11; i++) {
            pairs[2 * i] = i == 10 ? "rel" : "n" + i;
            pairs[2 * i + 1] = 100.0 - i;
        }
        EvaluationReport report = Evaluator.evaluate(qrels("q1", "rel", 1), run("q1", pairs));
        assertEquals(0, report.mrrAt10(), EPS);
        assertEquals(1, report.recallAt100(), EPS);
    }

    @Test
    void queryWithoutRelevantDocumentsScoresZeroButCounts() {
        EvaluationReport report = Evaluator.evaluate(qrels("q1", "a", 1, "q2", "b", 0),
                run("q1", "a", 1.0));
        assertEquals(0.5, report.ndcgAt10(), EPS);
        assertEquals(0.5, report.recallAt100(), EPS);
    }
}
