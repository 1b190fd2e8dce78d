/// SemBridge and the paper's baselines, one [EmbeddingInitializer] per method (Tribuo-style),
/// each building the embedding rows of the target tokens that the overlap copy did not fill.
///
/// ## Data flow
///
/// ```
/// InitializerRegistry.create(name, alpha) ──▶ EmbeddingInitializer
/// InitializationInput (E_s, bridges, newTargetIds, overlapSourceIds, seed, device)
///     ──plan(input, progress, cancel)──▶ InitializationPlan   (once per run)
/// [E_s, untied decoder (nS x d), decoder bias (nS x 1)]
///     ──plan.apply(matrices, progress, cancel)──▶ one (|newTargetIds| x c) matrix per input
/// ```
///
/// Planning once and applying to every vocabulary-sized matrix gives the embeddings, an untied
/// decoder and the decoder bias the same mapping (method.md step 6, "mapped" bias mode).
///
/// ## The methods
///
/// | name | class | new row `x` of a matrix `M` | bridge | alignments |
/// |---|---|---|---|---|
/// | `sembridge` | [SemBridgeInitializer] | `sum_i p_x,i M[i]`, `p_x = alpha-entmax(cos(b(x), b(i)))` over ALL source tokens | yes | exact support |
/// | `focus` | [FocusInitializer] | same with `sparsemax` over the OVERLAPPING source tokens only | yes | support among the overlap |
/// | `ofa` | [OfaInitializer] | `softmax(s / 0.1)` over the 10 most similar source tokens | yes | those 10 |
/// | `mean` | [MeanInitializer] | column mean of `M` | no | empty |
/// | `random` | [RandomInitializer] | i.i.d. `N(0, sigma^2)`, `sigma` = std of all entries of `M` | no | empty |
/// | `gauss` | [GaussianInitializer] | `N(mean_j, sd_j^2)` per column of `M` | no | empty |
/// | `mvgauss` | [MultivariateGaussianInitializer] | `N(mean, Cov(M))`, full covariance | no | empty |
///
/// Weight-based methods share one plan: the per-token weights are applied to every matrix by
/// [org.sembridge.engine.transfer.SparseReconstruction]. The exception is SemBridge with
/// `alpha = 1` (softmax), whose weights are dense: its alignments list only the largest weights
/// (`truncated`) and each `apply` rebuilds the rows on the device in one blocked similarity pass
/// for all matrices together. All three bridge methods reuse the exact
/// [org.sembridge.engine.transfer.TopKSupportSearch]: FOCUS on the overlap rows of the source
/// bridge (ids mapped back to source ids), OFA for its nearest lists.
///
/// Statistical methods share the other plan: each applied matrix gets its own fit (so the bias
/// gets the mean bias, or draws from the bias distribution); spreads are unbiased estimates
/// (divisor `n - 1`). Their `plan` reads only `newTargetIds` and `seed`; the bridge matrices may
/// be `null` and no token is ever embedded.
///
/// ## What a method says about itself
///
/// Each initializer class declares a [TransferMethod] constant `METHOD`: its name, its label as
/// the paper's tables spell it, a one-line description, whether it reads alpha, whether it needs
/// the bridge vectors, the decision sentence its runs record in `run.json`, and a factory.
/// [InitializerRegistry] lists them; the CLI help (`init`, `experiment`), the experiment table
/// labels, `run.json`'s decisions and the workbench's method chooser, inspector and run labels
/// all ask these descriptions, never compare method names. Alpha itself is an [Alpha], checked
/// once with one message.
///
/// ## Adding a method
///
/// 1. Write `XInitializer implements EmbeddingInitializer` in this package with
///    `public static final TransferMethod METHOD = new TransferMethod("x", "X", "X: what it does",
///    readsAlpha, needsBridgeVectors, (alpha, seed) -> "decision sentence", options -> new XInitializer())`,
///    `method()` returning it and `plan(...)`.
/// 2. Add `XInitializer.METHOD` to `InitializerRegistry.BUILT_IN` (one line).
/// 3. Regenerate `docs/cli.md` (`CliReferenceTest` with `-Dsembridge.regenerate.docs=true`): its
///    method tables come from the registry.
///
/// Nothing else changes: `NewTransferMethodTest` (engine) and `NewTransferMethodGuiTest` (app)
/// register a throwaway method and find it in the help, an experiment, a run's `run.json` and
/// the run form's chooser. Plug-ins and tests can add a method at run time with
/// [InitializerRegistry#register].
///
/// ## Deviations and choices
///
/// - FOCUS measures similarity in a fastText space trained on target text; here the bridge
///   vectors are the auxiliary space, and each distinct overlapping source token is a candidate.
/// - OFA / WECHSEL use static multilingual word vectors; here the bridge vectors.
/// - `random` uses the spread of the trained matrix, not Hugging Face's `initializer_range`
///   0.02 (which ignores the trained scale and means nothing for a bias).
/// - `mvgauss` adds a ridge `1e-6 trace(C) / d` (logged) when the covariance is singular.
///
/// ## Reproducibility
///
/// Matrix `i` of an `apply` list draws from the `i`-th `split()` of
/// `new java.util.SplittableRandom(seed)`; standard normals are drawn sequentially, `c` per row,
/// rows in `newTargetIds` order; only the deterministic transform `mean + L z` runs in parallel.
/// The same seed, ids and matrices give bit-identical rows on any number of threads. Weight-based
/// plans draw nothing.
///
/// ## Cost
///
/// Bridge methods: one blocked similarity GEMM `O(nT nS D)` on the device plus `O(K log K)` per
/// row in Java; `apply` is `O(|support| c)` per row. `mvgauss`: `nS c^2 / 2` multiply-adds for
/// the covariance and `nT c^2 / 2` for the draws, both in Java (parallel), cancellable per block.
package org.sembridge.engine.transfer.baseline;
