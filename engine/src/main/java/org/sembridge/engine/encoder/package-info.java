/// Transformer encoders: the BERT-family forward pass, SPLADE sparse vectors and bridge sentence
/// embeddings, in DJL NDArray operations or, on a CPU with OpenBLAS, on the host.
///
/// ## Data flow
///
/// ```
/// texts --TextTokenizer--> token ids (cut to the limit, grouped by length, padded)
///       --EncoderModel---> embeddings -> N x TransformerLayer -> hidden states
///            (CPU with OpenBLAS: HostEncoder, the same layers as OpenBLAS products + Java loops)
///            SparseEncoder: MaskedLmHead -> log(1 + ReLU(logits)) * mask -> max|sum -> SparseVector
///                 (max on the CPU: head states -> MaxPooledDecoder, decoder slice by slice with the
///                  running maximum, OpenBLAS, vocabulary ranges on all cores; log(1 + ReLU) on
///                  one vocabulary row per text)
///            BridgeEncoder: SentencePooling (CLS | mean | max) -> optional L2 normalise -> float[]
/// ```
///
/// ## The forward pass
///
/// [EncoderModel] reproduces transformers' `BertModel` / `RobertaModel` /
/// `XLMRobertaModel` / `DistilBertModel` and their `*ForMaskedLM` heads in eval mode, written in
/// NDArray operations (no TorchScript): embeddings with family-specific position ids
/// (RoBERTa: `cumsum(ids != pad) * (ids != pad) + pad`), post-LayerNorm layers with an
/// additive attention mask, exact GELU or its tanh form as `hidden_act` says, and the MLM head
/// of each family. Everything is float32. Agreement with an independent float64 numpy
/// implementation (`engine/src/test/python/reference_encoder.py`) is tested per element as
/// `|java - numpy| <= 1e-4 * max(1, |numpy|)` for hidden states, logits, SPLADE vectors and
/// pooled embeddings of every family.
///
/// ## Devices
///
/// [SelectedDevice] resolves the user's `auto`, `cpu` or `gpu` (`run.DeviceChoice`) with a reason; a GPU
/// needs a CUDA build of libtorch plus `libcudart`, and `gpu` without one is refused with the
/// reason. The device is a parameter of every load; there is one code path per device:
///
/// - **GPU** (and a CPU without the bundled OpenBLAS): every operation in DJL.
/// - **CPU with OpenBLAS**: the embeddings and the layers of a model at least 128 wide (`LayerPath`,
///   chosen by width from measurements; `-Dsembridge.encoder.layers=djl|host` overrides it) run in
///   `HostEncoder` (package-private):
///   OpenBLAS `sgemm` through FFM for every product (`HostLinear`, attention per text and head in
///   place in `HostAttention`), parallel Java passes over rows for bias + activation
///   (`HostActivation`: exact GELU through a Numerical Recipes `erfc`, fractional error < 1.2e-7)
///   and bias + residual + LayerNorm (`HostNorm`), on off-heap buffers of one batch
///   (`HostBuffers`, one shared `Arena` per batch). The weights are the loaded tensors read in
///   place (`HostTensors`), so nothing is copied. libtorch's oneMKL reached less than half of
///   OpenBLAS's speed on our AMD CPUs (`docs/encoding-profile.md`). The MLM head and sentence
///   pooling stay in DJL; the SPLADE decoder is fused with max pooling on OpenBLAS
///   ([MaxPooledDecoder]). `HostEncoderTest` holds the two paths to `1e-5` relative on random
///   models of every family; the numpy reference tests run the host path.
///
/// ## Memory discipline
///
/// One `NDManager` per loaded model holds the weights (uploaded once, tensor by tensor, from
/// the memory-mapped checkpoint) and is capped after loading. Each forward pass runs in
/// `try (NDManager scope = model.manager().newSubManager())`, each layer and each block of
/// logits rows in a sub-manager of that scope, so memory is bounded by one layer and one block
/// (at most 2^25 logits); only float arrays leave. The fused CPU path ([SparseEncoder] with max
/// pooling) reads the decoder table in place through a direct buffer of its tensor and keeps only
/// a 1 MiB logits block off-heap per thread (a confined `Arena` per vocabulary range). The host
/// layers allocate their activations per batch from a shared `Arena` closed before the call
/// returns (bounded by the batch's rows like the DJL path; `HostEncoder.liveBytes()` is 0 between
/// calls). Tests run repeated passes and assert the model manager's managed-array count is
/// unchanged and no host memory stays allocated. NDArrays never cross the public API.
/// Models are not thread-safe; use one per engine thread and close it to free the device.
///
/// ## Bad input
///
/// Blank texts are refused (`InputFormatException`, naming the text's position) before any
/// tensor is built. Texts over the token limit are truncated like transformers'
/// `truncation=True`: one WARN line per call, and [SparseVector#truncated()] per text.
///
/// ## Key classes
///
/// [SparseEncoder] with [SpladeSettings], [SpladePooling] and [SparseVector];
/// [BridgeEncoder] with [BatchMemoryRule] (batch size from sequence length, hidden size and an
/// activation budget); [EncoderModel]; [SelectedDevice]. Package-private
/// building blocks: `EmbeddingLayer`, `TransformerLayer`, `MaskedLmHead`, `EncoderWeights`,
/// `LinearProjection`, `LayerNormalization`, `ActivationKernel`, `SentencePooling`,
/// `TokenizedTexts`, `MaxPooledDecoder`, `LayerPath`, and the host path `HostEncoder`, `HostEmbeddings`,
/// `HostTransformerLayer`, `HostAttention`, `HostLinear`, `HostNorm`, `HostActivation`,
/// `HostBuffers`, `HostTensors`, `ParallelRows`.
package org.sembridge.engine.encoder;
