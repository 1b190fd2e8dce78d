/// Provenance: what an engine result was computed from and where, so every export can be traced
/// and every cache can be keyed by content rather than by file names.
///
/// ## Content hashes
///
/// [ContentHash] gives lower-case hex SHA-256 hashes of
///
/// - a file: its bytes, streamed through a 1 MiB buffer;
/// - a model folder: the sorted lines `relativePath \n fileHash \n` of its relevant files
///   (`config.json`, `*.safetensors`, `model.safetensors.index.json`, `tokenizer.json`,
///   `vocab.txt`, `tokenizer_config.json`, `special_tokens_map.json`, `modules.json`,
///   `sentence_bert_config.json`, in the folder and one subfolder down, so
///   `1_Pooling/config.json` counts); READMEs, `.git`, pickles and the folder's own name do not;
/// - a tokenizer folder: the same over `tokenizer.json`, `vocab.txt`, `tokenizer_config.json`
///   and `special_tokens_map.json` only;
/// - a list of strings ([ContentHash#ofParts]): to build cache keys from hashes and versions.
///
/// Hashing a 2 GB checkpoint takes seconds, so file hashes are memoised on disk (in
/// `<cache root>/file-hashes`, see [CacheRoot]) keyed by real path, size and modification time:
/// the second run reads a 65-byte memo file instead. The memo trusts size + mtime (as `make`
/// does); delete the folder to force rehashing.
///
/// ## Run provenance
///
/// [ProvenanceRecorder#start] captures the start instant; [ProvenanceRecorder#finish()] returns a
/// [Provenance] record with the engine version (jar manifest or `development`), JDK version and
/// vendor, OS name and architecture, available processors, heap limit, compute device and the
/// reason it was chosen, ISO-8601 UTC start and end and monotonic elapsed nanoseconds.
/// [Provenance#toJson()] gives a Gson `JsonObject` the exporter extends with inputs (their
/// content hashes) and parameters before writing `provenance.json`.
///
/// ## Cache root
///
/// [CacheRoot] resolves `$SEMBRIDGE_CACHE`, else `$XDG_CACHE_HOME/sembridge`, else
/// `~/.cache/sembridge`; the bridge-vector cache and the hash memo live in subfolders of it.
/// Everything under it can be deleted at any time.
package org.sembridge.engine.provenance;
