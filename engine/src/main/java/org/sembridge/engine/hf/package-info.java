/// Hugging Face model folders on disk: configuration, weights by role, tokenizers and
/// sentence-transformers pipelines, validated before any tensor exists.
///
/// ## Data flow
///
/// ```
/// folder --HfModelFolder.open--> config.json -> ModelConfig (family, sizes, activation)
///                                modules.json -> SentenceTransformerConfig (pooling, normalise)
///        --openWeights()-------> SafetensorsCheckpoint (single file or shards)
///                                + WeightLayout (names, prefix, head)  = ModelWeights
///        --openTokenizer()-----> TextTokenizer (tokenizer.json or vocab.txt)
///        --startTokenizer()----> PendingTokenizer: the same, the native half on its own thread
///        --describe()----------> ModelSummary (for `sembridge info`)
/// ```
///
/// ## Supported models
///
/// The four BERT-family encoders of [ModelFamily] (`bert`, `roberta`, `xlm-roberta`,
/// `distilbert`), as `*ForMaskedLM` checkpoints (SPLADE-style sparse encoders; tensors under
/// `bert.` / `roberta.` / `distilbert.` plus the MLM head) or as bare encoders without prefix
/// (`*Model`, sentence-transformers bridges such as bge-m3). [WeightLayout] documents every
/// tensor name; TF-era LayerNorm names `gamma`/`beta` and the decoder-bias spelling
/// `<decoder>.bias` are accepted. Absolute position embeddings only.
///
/// ## Invariants
///
/// - **Validate at the boundary.** [HfModelFolder#open] checks files and `config.json`;
///   [ModelWeights#open] checks that every tensor the forward pass needs exists with the
///   shape `config.json` implies (and the vocabulary rows) before a byte of data is read; reads
///   refuse NaN and infinity. Messages name the file, the tensor, the expected and the found
///   value ([org.sembridge.engine.ModelFormatException]).
/// - **Never unpickle.** `pytorch_model.bin` / `*.pt` / `*.ckpt` folders are refused with the
///   one-line conversion to safetensors; weights are only read through the memory-mapped
///   [org.sembridge.engine.safetensors.SafetensorsFile] (BF16 and F16 become float in Java).
/// - **Offline tokenizers.** [TextTokenizer] runs the native Hugging Face `tokenizers` library
///   on a local `tokenizer.json`; a `vocab.txt` folder gets the equivalent WordPiece definition
///   generated in memory. Texts are cut to the model's token limit ([HfModelFolder#maxTokens()])
///   and the cut is reported per text. Loading runs the native library's parse and our Java
///   checks of the same file side by side ([PendingTokenizer]); nothing is encoded before the
///   checks pass.
/// - **Tied decoders are detected, not assumed.** [DecoderTying] says whether the MLM decoder
///   is absent (tied), stored and equal to the embeddings (tied), or stored and different.
/// - Nothing here touches NDArrays: this package hands out float arrays and records; the
///   `encoder` package turns them into device tensors.
///
/// ## Key classes
///
/// [HfModelFolder] (entry point), [ModelConfig], [ModelWeights] with [WeightLayout] and
/// [EncoderPart], [SafetensorsCheckpoint], [TextTokenizer] with [TokenBatch] and
/// [EncodedText], [SentenceTransformerConfig] with [PoolingMode], [ModelSummary].
package org.sembridge.engine.hf;
