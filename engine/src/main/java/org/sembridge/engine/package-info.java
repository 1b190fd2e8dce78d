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
/// - `vocab`: canonical token forms (WordPiece, SentencePiece, byte-level BPE), overlap copy,
///   bilingual lexicons;
/// - `bridge`: the text each token is embedded as, the bridge-vector cache, precomputed vectors;
/// - `transfer` and `transfer.baseline`: bridge similarity, top-K alpha-entmax with its exactness
///   check, reconstruction, and the paper's baselines behind one `EmbeddingInitializer`;
/// - `run`: the transfer pipeline and its output folder (adapted model, `alignments.jsonl`,
///   `run.json`), loaded runs for inspection and interactive alpha;
/// - `index` and `eval`: the Lucene sparse index, BM25, explanations, TREC evaluation;
/// - `experiment`: the paper's zero-shot experiment (every method on every language, transferred,
///   indexed and evaluated) and its table;
/// - `projection`: PCA, t-SNE and UMAP maps of token embeddings;
/// - `provenance`, `progress`, `export`: content hashes and run provenance, progress and
///   cancellation, atomic files;
/// - `bench`: the measured benchmarks behind `sembridge bench`;
/// - `cli`: the picocli command line, the only place that prints.
///
/// No JavaFX here (enforced by the POM and an ArchUnit rule); no `NDArray` crosses a public API.
package org.sembridge.engine;
