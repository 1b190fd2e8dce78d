/// Benchmarks of the engine's heavy operations, run by `sembridge bench ...`: measured
/// figures with the analytic cost they are divided by, never pass/fail thresholds (timing
/// assertions are banned from tests; performance claims come from here).
///
/// ## Encoding ([EncodeBenchmark])
///
/// ```
/// sample folder ──────────────────────┐
/// EncoderShape --RandomMaskedLmFolder--> temp folder (config.json, model.safetensors, tokenizer.json)
///                                      │
///     HfModelFolder + SparseEncoder <──┘   (the real loading and encoding path)
///     BenchmarkTexts: texts of exactly L tokens from the model's own words
///     warm-up batches, then timed batches of B texts  -> median -> texts/s, tokens/s
///     EncoderShape.forwardFlops(L) * B / median       -> achieved GFLOP/s
///     MatMulBaseline: [B L, h] x [h, i] repeated to the same FLOPs -> matmul GFLOP/s
///     ratio = achieved / matmul                       -> EncodeBenchmarkResult
/// ```
///
/// The FLOP formula (in [EncoderShape]) counts the matrix products only: per layer
/// `4 L h^2 2 + 2 L^2 h 2 + 2 L h i 2`, plus the MLM head `L h^2 2 + L h V 2`. Batch times
/// cover the whole `encode` call (tokenisation, forward pass, pooling), so the ratio is what a
/// user gets. A model as small as the shipped sample is dominated by per-call overhead and
/// reaches a low ratio by nature; BERT-base size is the meaningful comparison.
///
/// ## Initialisation ([InitBenchmark], [BridgeThroughputBenchmark])
///
/// ```
/// SyntheticBridgeSpace (seeded; each target near a few sources) -> sources nS x D, E_s nS x d
///   per InitScale (paper 32,000 targets; XLM-R 250,002, optionally a spread subset of rows):
///     ResidentMemoryWindow | TopKSupportSearch + SparseReconstruction   -> step time, +RSS, statistics
///     ResidentMemoryWindow | BlockedCosineSimilarity.timeSimilarityOnly -> GEMM time, +RSS
///     ratio = step / GEMM (same rows, same run); subsets extrapolate times by nT / rows
///   first N rows: top-K route vs FullMatrixAlignment (materialised matrix, EntmaxSolver.solve per
///     row, one thread) -> time ratio, +RSS of both, max |weight difference| (0: bit-identical)
/// EncoderShape (bge-m3) --RandomMaskedLmFolder--> temp folder -> BridgeEncoder
///     strings of 3..MAX tokens, warm-up batch, one timed embed -> strings/s -> EmbeddingEstimate
///     EncoderShape.encoderFlops per string / embed time -> GFLOP/s; MatMulBaseline [batch tokens, h]
///     x [h, i] -> ratio (goal >= 0.5)
/// ```
///
/// ## Tokenizer loading ([TokenizerLoadBenchmark])
///
/// One `tokenizer.json` loaded alternately by the Hugging Face tokenizers library alone and by
/// `TextTokenizer.load` (the same native load plus the streamed vocabulary): medians of wall and
/// process CPU time and their ratio (goal <= 2).
///
/// Memory is the peak resident set above the size after the inputs exist (`VmHWM`, reset per
/// window through `/proc/self/clear_refs`); it counts Java heap and libtorch alike, with the
/// caveats in [ResidentMemoryWindow].
///
/// ## Invariants
///
/// - Every tensor lives in an `NDManager` scope: the encoder's own, and for the matmul one
///   base manager per measurement with one sub-manager per product.
/// ## Search ([SearchBenchmark]) and projections ([ProjectionBenchmark])
///
/// [SearchBenchmark] indexes a synthetic SPLADE-shaped collection and times queries through the
/// index package's public API ([SearchBenchmarkSettings] -> [SearchBenchmarkReport]; the
/// distribution and what it shows are described in the `index` package guide).
/// [ProjectionBenchmark] projects synthetic Gaussian clusters with each method and reports time,
/// CPU seconds and trustworthiness. Both moved here from `index` and `projection`: benchmark code
/// lives only in this package, which no library package depends on (an `ArchitectureTest` rule).
///
/// - Timed runs never include model loading or text generation; the median of the measured
///   runs is reported with the fastest and slowest ([TimingSummary]), and
///   [BenchmarkEnvironment] records threads and the load average, since figures from a
///   shared machine are only comparable at a similar load.
/// - Random models are written to a temporary folder through `AtomicFiles` and the
///   safetensors writer, and deleted afterwards, also on failure or cancellation.
package org.sembridge.engine.bench;
