/// Embedding maps: 2-D projections of token embeddings (PCA, t-SNE, UMAP), how faithful they
/// are, and the files and images they are saved as.
///
/// ## Data flow
///
/// ```
/// caller: choose points (lexicon, top N, token list, pattern, ...), gather vectors + labels + links
///     -> MapInput.of(vectors, labels, links)          checks: non-empty, equal lengths, finite
///     -> EmbeddingMapper.project(input, parameters, progress, cancel)
///          Projector.of(parameters): PcaProjector | TsneProjector | UmapProjector  -> n x 2
///          QualityEvaluator: trustworthiness@10, linked-neighbour share             -> MapQuality
///     -> ProjectedMap(points, links, parameters, quality)
///     -> MapCsvFormat.write / MapJsonWriter.write / MapImageRenderer.render + writePng
/// coordinates made elsewhere: MapCsvFormat.read -> List<MapPoint> -> MapImageRenderer.render
/// ```
///
/// A *joint map* holds points of two spaces (source tokens and target tokens) with [MapLink]s
/// from each target token to the source tokens its embedding was built from; a single-space map
/// has no links. The point selection itself (SemBridge run folders) belongs to the `points`
/// subpackage and the `project` command to the caller; the two words a map request is written in
/// live here, so that front-ends can name them without the selection code: [PointSetSpec]
/// (`lexicon`, `top:N`, `tokens:`, `pattern:`, `token:X`) and [MapSpace] (`adapted`, `source`,
/// `bridge`).
///
/// ## Methods and parameters
///
/// Parameters are fixed before a run, one record per method; defaults are in each record's
/// `defaults()` and javadoc.
///
/// | method | record | settings (default) | cost at n points, d dims |
/// |---|---|---|---|
/// | PCA | [PcaParameters] | none | `n d^2 + d^3` |
/// | t-SNE | [TsneParameters] | perplexity (30), iterations (1000), learning rate (200), seed (42) | exact kNN `n^2 d`, then `iterations * n log n` |
/// | UMAP | [UmapParameters] | neighbours (15), min_dist (0.1), epochs (500), seed (42) | exact kNN `n^2 d`, then `epochs * n * neighbours` |
///
/// [PcaProjector] uses Smile's native `dgemm` and LAPACK eigensolver ([PrincipalComponents]).
/// [TsneProjector] is Barnes-Hut t-SNE and [UmapProjector] is UMAP, both implemented in this
/// package from the papers and the reference implementations, because Smile 6.3.0's versions do
/// not fit: its `TSNE` is the exact O(n^2)-memory algorithm (2.4 GB at 10,000 points) and its
/// `UMAP` gives a different map on every call within one JVM (ARPACK keeps its random start
/// vector's seed in a Fortran `SAVE` variable, so `MathEx.setSeed` does not reset it) and has no
/// progress or cancellation hooks. Both start from the PCA layout (Kobak and Linderman 2021).
/// Nearest neighbours are exact (all pairwise distances through native `dgemm`, rows in blocks).
///
/// Bad input: [MapInput#of] rejects empty input, vectors of unequal length and NaN or infinite
/// coordinates (naming the point index and token) with `InputFormatException`; each parameters
/// record's `validate` rejects settings out of range and point counts that do not suit them
/// (t-SNE needs more than `3 * perplexity` points, UMAP more than `neighbours`, PCA at least 3).
/// Duplicate vectors are valid input (an overlap token copied from the source space is one) and
/// are kept: the seeded jitter of the t-SNE and UMAP start layouts separates them.
///
/// ## Determinism
///
/// The same input, parameters and seed give bit-identical coordinates on the same machine, in
/// the same JVM or another, whatever the number of threads:
/// - every random choice comes from a `SplittableRandom` seeded from the parameters; nothing uses
///   `Math.random`, Smile's `MathEx` generator or ARPACK;
/// - work that runs in parallel (distance rows, neighbour search, t-SNE forces and updates per
///   point, UMAP epochs per point) is split into fixed chunks of points, writes only per-point
///   results, and every sum across points runs in index order on one thread;
/// - UMAP's epochs move every point from where the others were when the epoch began, with a
///   random stream per (seed, epoch, point), so points move in parallel without racing
///   (umap-learn's parallel mode races on shared coordinates and is not reproducible);
/// - OpenBLAS splits a matrix product over threads by output blocks, never along the summed
///   dimension, so dot products do not depend on the thread count.
///
/// Across machines, OpenBLAS picks CPU-specific kernels whose roundings differ in the last bits;
/// a tie between two neighbour distances can then break differently and the map can differ.
/// Ties are broken by point index everywhere.
///
/// ## Progress and cancellation
///
/// Every long call takes a `ProgressListener` and a `CancellationToken`. Stages: "t-SNE
/// neighbours" / "UMAP neighbours" (per block of 256 rows), "t-SNE affinities", "principal
/// components" (3 steps), "t-SNE iterations" / "UMAP epochs" (every 10), "map quality: map
/// neighbours", "map quality: original neighbours" (per block). Cancellation is checked at the
/// same points and in every t-SNE iteration and UMAP epoch; a cancelled call returns nothing.
/// Inside one native `dgemm` or the LAPACK eigensolver (each under a second at 10,000 x 768)
/// there is no check.
///
/// ## Quality figures
///
/// [QualityEvaluator] computes trustworthiness at k = 10 (Venna and Kaski 2001; 1 = every map
/// neighbourhood is a true neighbourhood) and, for joint maps, the linked-neighbour share: the
/// share of linked (target) points with one of their linked (source) points among their 10
/// nearest neighbours, in the original space and in the map. Exact ranks from all pairwise
/// distances: `O(n^2 d)` time in native `dgemm` plus `O(n^2 k)` comparisons, memory
/// `O(256 n)`; seconds at 10,000 points, practical up to a few 10,000s.
///
/// ## Files and images
///
/// [MapCsvFormat]: `token,id,space,language,kind,x,y` (RFC 4180 quoting; reading tolerates extra
/// columns and names file and line in every error). [MapJsonWriter]: points, links, parameters and
/// quality in one document. [MapImageRenderer]: a headless Java2D PNG, points coloured by language
/// (Okabe-Ito palette), link lines by weight, labels, legend, title with method and quality. All
/// writes are atomic through `AtomicFiles`.
///
/// ## Native libraries
///
/// Smile 6 calls OpenBLAS (BLAS + LAPACK; used here for `dgemm` and the PCA eigensolver) and
/// ARPACK (used only by Smile's own UMAP) through the FFM API with
/// `SymbolLookup.libraryLookup("libopenblas.so" / "libarpack.so")`: a bare-name `dlopen`, which
/// searches `LD_LIBRARY_PATH`, the linker cache and the system folders only. A full path cannot be
/// given (`smile.lib.blas` changes only the name), `java.library.path` is not consulted, and
/// `LD_LIBRARY_PATH` is read once when the process starts. So the build unpacks
/// `org.bytedeco:openblas:0.3.26-1.5.10` and `org.bytedeco:arpack-ng:3.9.1-1.5.10`
/// (`linux-x86_64`) into `engine/target/natives` with the unversioned links Smile asks for, and
/// surefire and the launchers put that folder first on `LD_LIBRARY_PATH` before the JVM starts.
/// [NativeLinearAlgebra#requireAvailable()] loads the library before Smile does and turns a
/// failure into a [NativeLibraryException] that says how to fix it;
/// [NativeLinearAlgebra#loadedLibraryFiles()] tells which files were loaded. Other platforms need
/// OpenBLAS installed where the dynamic linker finds it.
package org.sembridge.engine.projection;
