/// SemBridge step 2, the bridge vectors: a multilingual sentence encoder (the paper: BAAI/bge-m3)
/// embeds every token of the source and the target vocabulary as a standalone text, so that the
/// similarity step (`org.sembridge.engine.transfer`) can compare any target token with all source
/// tokens.
///
/// ## Data flow
///
/// ```
/// TextTokenizer --BridgeTexts--> one text per token id ("##ing", "house", "[CLS]", "U+000A")
///    --BridgeVectorStore--> cache hit?  <cache>/<key>.safetensors --lookup--> BridgeVectors
///                           cache miss: distinct texts --TextEmbedder (chunks of 16k)--> vectors
///                                       --> write cache (atomic) --> BridgeVectors
/// or: PrecomputedBridgeVectors.open(file) --forVocabulary(tokenizer)--> BridgeVectors
/// BridgeVectors.requireSameDimension(source, target) before the similarity step
/// ```
///
/// ## The text of a token
///
/// [BridgeTexts] implements the reference rule: `decode([id]).strip()`, falling back to the raw
/// vocabulary string when that is empty or looks like `[...]`; blank leftovers (id gaps,
/// whitespace tokens) get a visible stand-in (`[empty]`, `U+000A`) because the encoder refuses
/// blank texts. WordPiece continuations keep their marker (`##ing` is embedded as `##ing`: the
/// WordPiece decoder strips `##` only after a first piece); SentencePiece `▁house` and byte-level
/// `Ġhouse` become `house`. The rule is versioned ([BridgeTexts#RULE_VERSION]) and mirrored by
/// `docs/tools/export_bridge_vectors.py`; a test checks that both give the same texts.
///
/// ## Cache: embed once, tune forever
///
/// Embedding is the slow part of a transfer (the reference re-embeds on every run); alpha, the
/// method, the baselines and the decoder-bias mode never change the bridge vectors. The
/// [BridgeVectorStore] therefore keys a cache file by content, never by path:
/// `SHA-256(bridge model content hash, tokenizer content hash, rule version)` (see
/// `org.sembridge.engine.provenance.ContentHash`). A copied or renamed model hits the same entry;
/// an edited tokenizer or another bridge misses. The file stores each distinct text once, in
/// the precomputed-file format, plus the two hashes and the rule version, which are checked on
/// read. An unreadable, mismatching or incomplete cache file is deleted with a WARN and
/// recomputed; a cancelled computation writes nothing; all writes are atomic. The default cache
/// is `$SEMBRIDGE_CACHE/bridge-vectors` (else `~/.cache/sembridge/bridge-vectors`); tests pass
/// their own folder.
///
/// Before a long run, [BridgeVectorStore#estimate] returns an [EmbeddingEstimate]: zero when
/// cached, else a linear extrapolation from 64 timed texts of the vocabulary (after 8 untimed
/// warm-up texts).
///
/// ## Bringing your own vectors
///
/// [PrecomputedBridgeVectors] reads vectors computed elsewhere, e.g. bge-m3 on a Python GPU
/// machine with `docs/tools/export_bridge_vectors.py --model BAAI/bge-m3 --tokenizer SRC
/// --tokenizer TGT --out vectors.safetensors`. Format: tensor `vectors` (F32, F16 or BF16,
/// `[n, D]`) and `__metadata__` `texts` (JSON array of the `n` bridge texts, as a string),
/// optionally `model`. Lookup is by text, so one file serves both vocabularies. Duplicate texts are
/// accepted only with identical rows; different rows for one text, NaN or infinite values, a
/// text count different from the row count, and vocabulary texts missing from the file (count and
/// first five) are refused with an `InputFormatException` naming the file. See
/// `docs/bridge-vectors.md`.
///
/// ## Invariants
///
/// - [BridgeVectors] rows are in token-id order, one per token, exactly as the bridge returned
///   them (normalisation is the similarity step's job); `origin` says where they came from
///   (`computed with NAME on DEVICE`, `precomputed file PATH`, `cache hit KEY`).
/// - Every vector entering a [BridgeVectors] is finite and has the bridge's dimension.
/// - Source and target vectors must share a dimension: [BridgeVectors#requireSameDimension].
///
/// ## Key classes
///
/// [BridgeTexts], [BridgeVectorStore], [BridgeVectors], [EmbeddingEstimate],
/// [PrecomputedBridgeVectors], [TextEmbedder] (the seam; tests use counting doubles) and its
/// production implementation [BridgeEncoderEmbedder] over `org.sembridge.engine.encoder.BridgeEncoder`.
package org.sembridge.engine.bridge;
