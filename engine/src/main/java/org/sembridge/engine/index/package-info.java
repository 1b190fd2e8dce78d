/// The retrieval lab's index: a Lucene index of learned sparse (SPLADE-style) document vectors,
/// with a BM25 baseline over the same documents, exact score explanations, and exports.
///
/// ## Data flow
///
/// ```
/// corpus.jsonl/.tsv --CorpusReader--> CorpusDocument --SparseTextEncoder (batches)--> TermWeights
///     --SparseIndexWriter--> staging folder --commit + AtomicFiles.publishDirectory--> index folder
/// query text --SparseQueryEncoder (ENCODER | INFERENCE_FREE)--> SparseQuery
///     --SparseIndex.sparseSearcher().search--> SearchHit ranking --explain--> HitExplanation
/// query text --SparseIndex.bm25Searcher().search--> SearchHit ranking (BM25 baseline)
/// ```
///
/// Entry points, used by the workflow services (`org.sembridge.engine.workflow.IndexBuilding`,
/// `OpenedIndex`) that the CLI and the workbench call: [IndexBuilder#build] (index a corpus),
/// [SparseIndex#open] with [SparseIndex#sparseSearcher()] / [SparseIndex#bm25Searcher()]
/// (search, explain), [SparseIndex#termStatistics], [SparseIndex#postings] and
/// [SparseIndex#documentVector] (browse: [TermStatistics], [TermPostings] of [Posting]s,
/// [DocumentVector]), [AnseriniExporter] and [OpenSearchBulkExporter] (export),
/// `bench.SearchBenchmark` (performance figures). The encoder is behind the small [SparseTextEncoder]
/// interface, so this package does not depend on the transformer code.
///
/// ## What an index holds
///
/// One Lucene document per corpus document: the id (a term, a stored field and doc values), stored
/// title and text, one `FeatureField` per token in field `tokens` (feature name = vocabulary token),
/// the exact float vector as binary doc values, and optionally `title + " " + text` analysed by a
/// language analyzer for BM25 ([Bm25Language]: ar, zh, hi, ko, ru, en). The commit user data holds
/// [IndexMetadata]: format version, encoder fingerprint, model path, corpus, creation time and counts.
/// The index is merged to one segment.
///
/// ## Invariants
///
/// - **Precision.** `FeatureField` keeps 9 significant bits of a document weight, rounded down
///   (relative error < 0.39%, [FeatureQuantisation]); query weights stay exact. Lucene's score is
///   `sum(q_t x indexed(d_t))`; the exact score `sum(q_t x d_t)` is recomputed from the stored
///   vectors in [SparseSearcher#explain], which also flags adjacent hits whose order quantisation
///   reversed ([HitExplanation#outrankedByNextExactly()]).
/// - **Indexable weights.** Only finite weights `>= Float.MIN_NORMAL` are indexed; zero, negative and
///   subnormal weights are dropped and counted; `NaN`/infinity fail as a model error.
/// - **Same encoder.** A sparse query carries its encoder's fingerprint and is refused by an index
///   built with another fingerprint.
/// - **All or nothing.** Builds go to a staging folder and are published by an atomic rename; a
///   failure or cancellation leaves the previous index (or nothing) in place. A non-empty folder
///   that is not a complete SemBridge index (its `.sembridge-output` marker lists every file) is
///   never replaced. Exports are staged and published the same way.
/// - **Bad input** is an `InputFormatException` naming file and line ([TextLineReader][org.sembridge.engine.io.TextLineReader]): invalid
///   UTF-8, malformed JSON, wrong columns, empty or duplicate ids. Empty documents are skipped and
///   counted, not fatal ([CorpusReader]); a corpus without any document is refused
///   ([CorpusReader#noDocuments()], [CorpusReader#requireContent] before a model is loaded).
///
/// ## Size limits
///
/// Every line file of the engine (corpora here; queries, qrels and runs in `eval`; lexicons in
/// `vocab`) is read through [TextLineReader][org.sembridge.engine.io.TextLineReader], which holds at most one line and refuses a line
/// longer than [org.sembridge.engine.io.TextLineReader#DEFAULT_MAX_LINE_BYTES] (1 MiB of UTF-8, terminator not counted)
/// with `"<file> line <n>: longer than the limit of 1 MiB per line ..."`. The limit is enforced
/// while reading, before the line is decoded, so memory stays bounded by the limit whatever the
/// file holds; `.gz` files are decompressed as a stream, 64 KiB at a time, so a small gzip that
/// expands to one gigabyte-long line fails after about 1 MiB. Callers raise the limit with
/// `CorpusReader.open(file, maxLineBytes)` ([IndexBuildRequest#maxLineBytes()]), the CLI with
/// `--max-line-mib` (up to 1,024). Longer lines are **refused, never truncated**, in every format:
/// cutting a JSON line breaks its syntax, cutting a TSV line drops its later columns (the title),
/// and a cut query, judgement or dictionary entry would be silently wrong. A damaged gzip stream
/// (truncated, bad CRC) is bad input naming file and line.
///
/// ## Performance
///
/// `bench.SearchBenchmark` (`bin/sembridge bench search`) builds a synthetic 100,000-document collection
/// (120 tokens per document from a 32,000-token vocabulary, popularity `1 / (r + 100)`, log-normal
/// weights independent of the token) and times 1,000 queries of 30 tokens (top 10) on one thread,
/// in wall-clock and CPU time. [SparseSearcher#search] collects with Lucene's
/// `TopScoreDocCollectorManager` (hit counting stops at 1,000), so MaxScore with block-max impacts
/// may skip documents; with token-independent ("wacky") weights it saves little at this size, and
/// latency follows the number of postings the query tokens have. Plain Zipf popularity (offset 0)
/// puts the top tokens in every document and makes each query read ~8 postings per document
/// (about 4 ms CPU per query instead of about 1 ms): a property of that distribution, not of the
/// searcher.
package org.sembridge.engine.index;
