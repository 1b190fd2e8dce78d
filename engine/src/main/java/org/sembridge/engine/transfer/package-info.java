/// SemBridge steps 3 to 5: bridge similarity, sparse alpha-entmax weights and the reconstruction of
/// the target embedding matrix (Hong et al., SemBridge, EMNLP 2026; method.md).
///
/// ## The method
///
/// For every non-overlapping target token `x` and ALL source tokens `i`:
///
/// - similarity `s_x,i = cos(b(x), b(i))` of the bridge vectors (multilingual sentence encoder);
/// - weights `p_x = alpha-entmax(s_x)`, no temperature, no top-k:
///   `p_x,i = [(alpha - 1) s_x,i - tau_x]_+^(1/(alpha - 1))` with `tau_x` such that
///   `sum_i p_x,i = 1` (`alpha = 1` softmax, `2` sparsemax, the paper's default `4` keeps 2-4 source
///   tokens per target token);
/// - embedding `E_t[x] = sum_i p_x,i E_s[i]`, a convex combination of a few core synonyms.
///
/// ## Exactness of the top-K route
///
/// For `alpha > 1` the support of `p_x` is `{i : (alpha - 1) s_x,i > tau_x}`. If the `K` largest
/// similarities of a row are solved alone and the smallest of them gets weight 0, every similarity
/// left out is no larger, so including it adds zero mass at every threshold the solver visits:
/// `tau_x` and all weights are unchanged. [EntmaxSolver#solveTopK] reports this as
/// [EntmaxSolution#complete()]; its bisection then even visits the same midpoints with the same
/// decisions, so the result is bit-for-bit the full-row one. Rows that fail the check are retried
/// with `4K` candidates, then solved on the full row. The output never depends on `K`.
///
/// ## Data flow and memory
///
/// ```
/// targets (nT x D), sources (nS x D)            float[] row-major (FloatMatrix)
///   -> SimilarityBackend.forDevice: OpenBLAS on a CPU where it loads, else DJL (GPU, others)
///   -> BlockedCosineSimilarity: S_block = T_block S^T, blocks <= 128 MiB
///        OpenBLAS: HostSimilarityBlocks, cblas_sgemm on off-heap memory (NativeScratch)
///        DJL:      matMul on the device, one block of look-ahead
///   -> TopKSupportSearch: top-K' per row (OpenBLAS: RowTopK heap in Java; DJL: device topK),
///      EntmaxSolver per row (Java, parallel over rows), fallbacks
///   -> AlignmentResult: one TokenAlignment per target row (support, weights, nearest 10)
///   -> SparseReconstruction (alpha > 1, Java)  or  DenseSoftmaxReconstruction (alpha = 1, device)
///   -> E_t rows (FloatMatrix, d columns)
/// ```
///
/// Memory is `O(nT K)` for the alignments plus `O(block nS)` similarities (DJL: two blocks on the
/// device, so that the Java solve of one overlaps the GEMM of the next; OpenBLAS: one off-heap
/// block, products and Java work alternate on the same cores) plus the normalised source matrix; the `nT x nS` matrix (3.9 GB for 32k x 30k) never exists. Per-row Java
/// work is `O(K log K)`. Softmax (`alpha = 1`) has full support: its alignments list only the `K`
/// largest weights (`truncated`) and its embeddings come from the dense blocked path, cost
/// `O(nT nS (D + d))`.
///
/// ## Conventions
///
/// - Bridge vectors are L2-normalised here; a zero or non-finite vector is a caller bug
///   (`IllegalArgumentException` naming the matrix and row), never "similarity 0".
/// - Equal similarities get equal weights; lists are ordered by weight descending, then source id
///   ascending.
/// - Tensors stay inside: the public API takes and returns [FloatMatrix], primitive arrays and
///   records. Each operation opens its own `NDManager` on the DJL device of the given
///   `encoder.SelectedDevice` (no `ai.djl` type in a public signature), each block a
///   sub-manager; cancellation is checked once per block and a cancelled operation returns nothing.
///
/// The two paths give the same supports except at near-ties (a similarity within 1e-6 of the
/// row's threshold) and weights equal within 1e-5 wherever the entmax map does not amplify the
/// GEMMs' last-bit differences (`SimilarityBackendEquivalenceTest` states the bound).
///
/// Key classes: [SimilarityBackend], [EntmaxSolver], [TopKSupportSearch], [BlockedCosineSimilarity],
/// [SparseReconstruction], [DenseSoftmaxReconstruction]; see also
/// `docs/adr/0003-top-k-entmax-with-exactness-check.md`.
package org.sembridge.engine.transfer;
