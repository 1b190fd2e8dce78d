/// The transfer pipeline: one [TransferRequest] in, one run folder out, and the API that inspects
/// a finished run ([LoadedRun]) and re-aligns it for another alpha without embedding anything.
///
/// ## Stages of [TransferRunner#run]
///
/// ```
/// checking inputs              method (InitializerRegistry), alpha in [1, 8], bridge present if needed, device
/// loading the source model     HfModelFolder -> ModelWeights: E_s, stored decoder (untied), decoder bias
/// loading the target tokenizer folder or tokenizer.json -> TextTokenizer
/// matching vocabularies        Vocabulary.of x 2 -> OverlapMatcher -> copied / built target ids
/// [bridge vectors]             only if the method reads them and something is built:
///                              model folder: BridgeVectorStore (estimate, then cache or embed)
///                              .safetensors file: PrecomputedBridgeVectors; both checked (same D,
///                              finite, non-zero: BridgeVectorCheck)
/// planning <method>            MatrixTransfer.plan -> EmbeddingInitializer.plan (once)
/// building the target matrices MatrixTransfer.apply to [E_s, untied decoder, bias as nS x 1 if mapped]
///                              + bias by BiasMode (index | mapped | zero)
/// hashing inputs               ContentHash of source, target tokenizer, bridge
/// writing the run folder       staging folder (AdaptedModelWriter: VocabularyTensors under every
///                              alias, PositionTableShift for RoBERTa) -> ModelFolderCheck of the
///                              exported model -> AtomicFiles.publishDirectory
/// ```
///
/// Every stage is announced to the [org.sembridge.engine.progress.ProgressListener] (`done = 0`,
/// `total = -1`) and timed; long stages (embedding, alignment, reconstruction) report blocks
/// themselves. Cancellation is checked between stages and inside them per block.
///
/// ## The run folder
///
/// | path | content |
/// |---|---|
/// | `model/` | the adapted model in the SOURCE's layout (`AdaptedModelWriter`): `config.json` with the target `vocab_size` and special-token ids (`pad_token_id` the target's; RoBERTa's position table moved with it), `model.safetensors` with every source tensor except the vocabulary-sized ones replaced (F32) under every stored alias, `tokenizer_config.json` with `model_max_length` capped at the source's usable positions, the target tokenizer files, the sentence-transformers files when the source had them. Loads with `HfModelFolder` + `SparseEncoder` and with Hugging Face transformers |
/// | `alignments.jsonl` | one line per target token ([AlignmentsFile], [AlignmentRecord]): kind, sources with weights and similarities, support, entropy, nearest 10, copied source, bias |
/// | `run.json` | inputs with SHA-256s, parameters, target language ([TargetLanguage]), counts, support histogram, rows solved, timings per stage, decisions, config edits, provenance ([RunManifest]; keys in `RunManifestKeys`, shared by the writer and the reader; `format_version`, absent = 1, newer refused) |
/// | `.sembridge-output` | the marker listing every file above with its size (`OutputMarker`): what makes the folder replaceable by a later run |
/// | `source_vocabulary.json`, `target_vocabulary.json` | tokens, special ids and bridge texts (`VocabularyFile`), so inspection needs neither the source model nor a tokenizer |
///
/// ## Invariants
///
/// - **All or nothing.** The folder is built next to `out` and renamed into place when complete;
///   a cancellation, late bad input or an I/O error (a full disk) deletes the staging folder. An
///   existing `out` is replaced only if it is empty or a complete run folder (its
///   `.sembridge-output` marker lists every file, nothing added or changed); a staging folder of a
///   killed run is removed by the next run to the same `out`.
/// - **Nothing from outside.** Module paths of `modules.json` and every file copied from the
///   source or target tokenizer go through `FolderConfinement`: a path or link that leaves its
///   folder is refused, so a run never copies a file from elsewhere or writes outside `out`.
/// - **Same mapping everywhere.** One plan is applied to every vocabulary-sized matrix: the
///   embeddings, an untied decoder and (in `mapped` mode) the decoder bias. A tied decoder that is
///   stored gets the new embeddings. Overlap rows are copied bit for bit.
/// - **No-op is a result, not an error.** A target tokenizer that adds no token (every target
///   token overlaps, e.g. the source's own tokenizer) still gives a run folder, with `no_op`
///   true and the reason in `run.json`, [TransferSummary#noOp()] and the CLI's stderr.
/// - **The bridge is read once.** Token bridge vectors are cached by content
///   ([org.sembridge.engine.bridge.BridgeVectorStore]); [LoadedRun] re-aligns from that cache (or
///   the precomputed file) looked up by the bridge texts stored in the run, and never embeds.
/// - **Bad input is named.** Unknown method, alpha out of range, a missing bridge, bridge vectors
///   of different dimensions or with NaN / zero rows, an empty target vocabulary, an unrelated
///   `out` folder: each fails with an [org.sembridge.engine.InputFormatException] or
///   [org.sembridge.engine.ModelFormatException] that says what, where, expected and found.
///
/// ## Decisions recorded in `run.json`
///
/// The decoder-bias mode (`docs/adr/0004-decoder-bias-modes.md`); how the decoder was treated;
/// FOCUS's auxiliary space (the bridge vectors, not fastText); softmax (`alpha = 1`) lists only the
/// largest weights; statistical baselines read no bridge; for the RoBERTa family the source's
/// `pad_token_id` is kept because position ids derive from it; padding rows beyond the source
/// tokenizer are never chosen; a sharded source is written as one file. The `rows_solved` counts
/// of SemBridge are derived from the support sizes: a row is exact on the first `K'` candidates
/// exactly when its support is smaller than `K'`.
///
/// ## Inspection and interactive alpha
///
/// [LoadedRun] opens a run lazily (the `alignments.jsonl` index keeps one offset, token, kind and
/// copy flag per line; records are parsed on demand) and finds tokens as stored or as words.
/// [LoadedRun#realign] solves one token for another alpha in Java from the cached bridge vectors
/// (`nS * D` multiply-adds and one entmax: tens of milliseconds for 30k x 1024);
/// [LoadedRun#realignAll] runs the exact top-K search over all built tokens; [LoadedRun#compare]
/// shows one token across runs, matched in runs of other tokenizers by its decoded text, the
/// bridge's rule ([LoadedRun#counterpartOf], [DecodedTextIndex]: `Ġhouse`, `▁house` and `house`
/// meet). [LexiconEvaluator] computes MUSE-style precision@1/@5 and gives the lexicons of every
/// language a run covers ([LexiconEvaluator#readCovered]; [LexiconLanguages] decides coverage at
/// `init`, recorded as `target.languages`).
///
/// Key classes: [TransferRequest], [TransferRunner], [TransferSummary], [MatrixTransfer] (the
/// numeric core on matrices alone, the entry point of a benchmark), [LoadedRun],
/// [AlignmentRecord], [RunManifest], [LexiconEvaluator].
package org.sembridge.engine.run;
