/// The SemBridge engine: a headless library that adapts an English learned sparse encoder
/// (SPLADE and kin) to a new language by building a new embedding matrix from the source one
/// through a multilingual "bridge" encoder (Hong et al., SemBridge, EMNLP 2026).
///
/// This root package holds the checked exception family every user-fixable problem belongs to
/// ([SemBridgeException], [ModelFormatException], [InputFormatException],
/// [OperationCancelledException]). The sub-packages, in data-flow order:
///
/// - `safetensors`: memory-mapped reader and atomic writer of the tensor file format;
/// - `hf`: Hugging Face model folders (`config.json`, weight names, tokenizers,
///   sentence-transformers modules);
/// - `encoder`: the transformer forward pass on DJL NDArrays, SPLADE pooling, sentence embeddings;
/// - `vocab` and `transfer`: canonical token forms, overlap copy, bridge similarity, top-K
///   alpha-entmax, reconstruction, baselines;
/// - `progress`, `export`: progress and cancellation, atomic files;
/// - `cli`: the picocli command line, the only place that prints.
///
/// No JavaFX here (enforced by the POM and an ArchUnit rule); no `NDArray` crosses a public API.
package org.sembridge.engine;
