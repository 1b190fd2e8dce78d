package org.sembridge.engine.eval;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/// Computes nDCG@10, Recall@100 and MRR@10 of a run against qrels with trec_eval's semantics:
/// the numbers equal `trec_eval -c -M 100 -m ndcg_cut.10 -m recall.100` and
/// `trec_eval -c -M 10 -m recip_rank` (trec_eval 9.0.4; checked against it in the tests).
///
/// Per judged query:
/// 1. the run's documents are sorted by score, descending, ties by document id *descending*
///    (byte-wise, as trec_eval's `strcmp`); the run's own ranks are ignored; the first 100 are kept;
/// 2. nDCG@10 = DCG@10 / IDCG@10 with DCG@10 = sum over ranks i = 1..10 of g_i / log2(i + 1),
///    g_i = the document's grade if positive, else 0 (unjudged = 0); IDCG@10 = the same sum over
///    the query's judged grades sorted descending; 0 when IDCG is 0;
/// 3. Recall@100 = |relevant in top 100| / |relevant|, relevant = grade >= 1; 0 without relevant;
/// 4. MRR@10 = 1 / rank of the first relevant document if within the top 10, else 0.
///
/// Means are over *all* queries in the qrels (`-c`): a judged query without a ranking scores 0.
/// Queries that are only in the run are ignored. All arithmetic in double precision.
public final class Evaluator {

    /// Rank cut-off of nDCG.
    public static final int NDCG_DEPTH = 10;
    /// Rank cut-off of recall.
    public static final int RECALL_DEPTH = 100;
    /// Rank cut-off of the reciprocal rank.
    public static final int MRR_DEPTH = 10;
    /// Documents per query considered (trec_eval `-M`).
    public static final int RUN_DEPTH = 100;

    private Evaluator() {
    }

    /// Evaluates `run` against `qrels`.
    public static EvaluationReport evaluate(Qrels qrels, Run run) {
        List<QueryEvaluation> perQuery = new ArrayList<>();
        int withoutResults = 0;
        for (String queryId : qrels.queryIds()) {
            List<RankedDocument> ranking = run.of(queryId);
            if (ranking.isEmpty()) {
                withoutResults++;
            }
            perQuery.add(evaluateQuery(queryId, qrels.of(queryId), trecOrder(ranking)));
        }
        int unjudged = (int) run.rankings().keySet().stream().filter(q -> qrels.of(q).isEmpty()).count();
        int judged = perQuery.size();
        return new EvaluationReport(
                mean(perQuery.stream().mapToDouble(QueryEvaluation::ndcgAt10).sum(), judged),
                mean(perQuery.stream().mapToDouble(QueryEvaluation::recallAt100).sum(), judged),
                mean(perQuery.stream().mapToDouble(QueryEvaluation::mrrAt10).sum(), judged),
                perQuery, judged, withoutResults, unjudged);
    }

    private static double mean(double sum, int count) {
        return count == 0 ? 0 : sum / count;
    }

    private static QueryEvaluation evaluateQuery(String queryId, Map<String, Integer> grades,
            List<RankedDocument> ranking) {
        double dcg = 0;
        double reciprocalRank = 0;
        int relevantRetrieved = 0;
        for (int i = 0; i < ranking.size(); i++) {
            int grade = grades.getOrDefault(ranking.get(i).docId(), 0);
            if (i < NDCG_DEPTH && grade > 0) {
                dcg += grade / log2(i + 2);
            }
            if (grade >= 1) {
                if (i < RECALL_DEPTH) {
                    relevantRetrieved++;
                }
                if (i < MRR_DEPTH && reciprocalRank == 0) {
                    reciprocalRank = 1.0 / (i + 1);
                }
            }
        }
        int[] ideal = grades.values().stream().mapToInt(Integer::intValue).filter(g -> g > 0).toArray();
        Arrays.sort(ideal);
        double idealDcg = 0;
        for (int i = 0; i < Math.min(NDCG_DEPTH, ideal.length); i++) {
            idealDcg += ideal[ideal.length - 1 - i] / log2(i + 2);
        }
        int relevant = (int) grades.values().stream().filter(g -> g >= 1).count();
        return new QueryEvaluation(queryId, idealDcg > 0 ? dcg / idealDcg : 0,
                relevant > 0 ? (double) relevantRetrieved / relevant : 0, reciprocalRank, ranking.size(), relevant);
    }

    private static double log2(int x) {
        return Math.log(x) / Math.log(2);
    }

    /// `ranking` in trec_eval order (score descending, then document id descending byte-wise),
    /// cut at [#RUN_DEPTH].
    static List<RankedDocument> trecOrder(List<RankedDocument> ranking) {
        record Keyed(RankedDocument document, byte[] key) {
        }
        return ranking.stream()
                .map(d -> new Keyed(d, d.docId().getBytes(StandardCharsets.UTF_8)))
                .sorted(Comparator.comparingDouble((Keyed k) -> k.document().score()).reversed()
                        .thenComparing((a, b) -> Arrays.compareUnsigned(b.key(), a.key())))
                .limit(RUN_DEPTH)
                .map(Keyed::document)
                .toList();
    }
}
