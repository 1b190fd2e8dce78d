package org.sembridge.engine.workflow;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import org.sembridge.engine.eval.EvaluationReport;
import org.sembridge.engine.eval.GeneratedRun;
import org.sembridge.engine.eval.QueryEvaluation;

/// The JSON of an evaluation, as `sembridge eval --json` prints it and the search page's
/// evaluation table copies one row of it:
///
/// ```
/// {"ndcg@10": 0.41, "recall@100": 0.77, "mrr@10": 0.52, "queries": 50, "queries_without_results": 0,
///  "unjudged_run_queries": 0, "empty_queries": [], "seconds": 1.2,
///  "per_query": [{"qid": "q1", "ndcg@10": 0.5, "recall@100": 1.0, "mrr@10": 1.0, "retrieved": 100,
///                 "relevant": 2}, ...]}
/// ```
///
/// A copied row: `{"qid": "q1", "text": "...", "sparse": {per_query entry}, "bm25": {per_query
/// entry} | null}`; the mean row: `{"qid": "mean", "text": "...", "sparse": {the report's means},
/// "bm25": {...} | null}` (the report without `empty_queries`, `seconds` and `per_query`).
public final class EvaluationJson {

    private EvaluationJson() {
    }

    /// A report with its run, as `eval --json` prints it (the sparse document, or its `bm25`).
    public static JsonObject report(EvaluationReport report, GeneratedRun run) {
        JsonObject o = means(report);
        JsonArray empty = new JsonArray();
        run.emptyQueryIds().forEach(empty::add);
        o.add("empty_queries", empty);
        o.addProperty("seconds", run.elapsedNanos() / 1e9);
        JsonArray perQuery = new JsonArray();
        report.perQuery().forEach(q -> perQuery.add(query(q)));
        o.add("per_query", perQuery);
        return o;
    }

    /// The report's means and counts (the first members of [#report]).
    public static JsonObject means(EvaluationReport report) {
        JsonObject o = new JsonObject();
        o.addProperty("ndcg@10", report.ndcgAt10());
        o.addProperty("recall@100", report.recallAt100());
        o.addProperty("mrr@10", report.mrrAt10());
        o.addProperty("queries", report.judgedQueries());
        o.addProperty("queries_without_results", report.judgedQueriesWithoutResults());
        o.addProperty("unjudged_run_queries", report.unjudgedRunQueries());
        return o;
    }

    /// One `per_query` entry.
    public static JsonObject query(QueryEvaluation q) {
        JsonObject entry = new JsonObject();
        entry.addProperty("qid", q.queryId());
        entry.addProperty("ndcg@10", q.ndcgAt10());
        entry.addProperty("recall@100", q.recallAt100());
        entry.addProperty("mrr@10", q.mrrAt10());
        entry.addProperty("retrieved", q.retrieved());
        entry.addProperty("relevant", q.relevant());
        return entry;
    }

    /// The copied row of query `qid`: its text, its sparse entry and its BM25 entry (`null` when
    /// BM25 was not evaluated).
    public static JsonObject queryRow(String qid, String text, QueryEvaluation sparse, QueryEvaluation bm25) {
        JsonObject o = new JsonObject();
        o.addProperty("qid", qid);
        o.addProperty("text", text);
        o.add("sparse", query(sparse));
        o.add("bm25", bm25 == null ? JsonNull.INSTANCE : query(bm25));
        return o;
    }

    /// The copied mean row: the means of both reports (`bm25` `null` when not evaluated).
    public static JsonObject meanRow(String text, EvaluationReport sparse, EvaluationReport bm25) {
        JsonObject o = new JsonObject();
        o.addProperty("qid", "mean");
        o.addProperty("text", text);
        o.add("sparse", means(sparse));
        o.add("bm25", bm25 == null ? JsonNull.INSTANCE : means(bm25));
        return o;
    }
}
