package org.sembridge.engine.hostile;

/// What a mutable input file holds, so that [InputMutator] can add structure-aware mutations
/// (a JSON type swap, a duplicated TSV line, a lying safetensors header length) to the byte-level
/// ones every file gets.
public enum ContentKind {
    /// A safetensors file: 8-byte little-endian header length, JSON header, raw data.
    SAFETENSORS,
    /// One JSON document (`config.json`, `run.json`, an experiment configuration, a session).
    JSON,
    /// One JSON object per line (corpora, `alignments.jsonl`, query files).
    JSON_LINES,
    /// Lines of text or tab/space-separated fields (TSV corpora and queries, qrels, TREC runs,
    /// lexicons, `vocab.txt`).
    TEXT_LINES,
    /// A gzip-compressed file of JSON lines (`corpus.jsonl.gz`).
    GZIP_JSON_LINES
}
