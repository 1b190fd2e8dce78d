/// Retrieval evaluation with trec_eval's semantics: queries, relevance judgements, runs, and the
/// metrics nDCG@10, Recall@100 and MRR@10.
///
/// ## Data flow
///
/// ```
/// queries.tsv/.jsonl --TopicsReader--> List<Topic>
/// qrels (TREC or BEIR tsv) --QrelsReader--> Qrels --QrelsCoverage.check--> unknown queries/documents
/// topics + SparseSearcher | Bm25Searcher --RunGenerator--> GeneratedRun(Run) --RunWriter--> run file
/// run file --RunReader--> Run
/// Qrels + Run --Evaluator.evaluate--> EvaluationReport (means + per query)
/// ```
///
/// ## Semantics (what the numbers mean)
///
/// [Evaluator] reproduces `trec_eval -c -M 100 -m ndcg_cut.10 -m recall.100` and
/// `trec_eval -c -M 10 -m recip_rank` (trec_eval 9.0.4): rankings are re-sorted by score (ties:
/// document id descending), cut at 100; gains are the relevance grades with a log2 discount and
/// the ideal ranking from the qrels; a grade >= 1 is relevant; means run over every judged query,
/// and a judged query without a ranking scores 0 (`-c`); queries only in the run are ignored.
/// The test suite checks this against the trec_eval binaries bundled in jtreceval on seeded
/// random runs, and on hand-computed cases.
///
/// Qrels that name queries missing from the query set or documents missing from the index are
/// not an error: [QrelsCoverage] counts them so that reports can say how much of the judged
/// material was reachable.
///
/// ## Files
///
/// Readers report malformed input as `InputFormatException` naming file and line (invalid UTF-8,
/// wrong column counts, non-numeric grades or scores, duplicate judgements or run entries, duplicate
/// query ids), a line over the size limit (1 MiB by default, refused: see the `index` package's
/// "Size limits"), and a queries or qrels file with no entry at all (evaluating nothing would
/// report scores of 0 as if they were results). Ids in JSON Lines queries may be JSON numbers,
/// kept as written. [RunWriter] writes atomically and with scores that read back to the same
/// ordering.
package org.sembridge.engine.eval;
