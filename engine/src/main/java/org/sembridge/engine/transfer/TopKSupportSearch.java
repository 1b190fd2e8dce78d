package org.sembridge.engine.transfer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.encoder.SelectedDevice;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// SemBridge steps 3 and 4 at scale: the alpha-entmax of every target token's cosine
/// similarities to ALL source tokens, without ever holding the `nT x nS` similarity matrix.
///
/// The GEMMs run where [SimilarityBackend#forDevice] says. On a CPU with OpenBLAS, per block of
/// target rows (`cblas_sgemm` into off-heap memory), every row in parallel: its `K'` largest
/// similarities by [RowTopK], [EntmaxSolver#solveTopK] on them, and where the check fails the
/// `4K'` largest and then the full row, read from the live block. On the DJL path (GPU; CPU
/// without OpenBLAS; softmax everywhere), per block of target rows ([BlockedCosineSimilarity], at
/// most `maxBlockBytes` of similarities on the device):
///
/// 1. `S_block = T_block S^T` on the device;
/// 2. the `K' = max(K, 10)` largest similarities of each row (device `topK`), copied to Java;
/// 3. [EntmaxSolver#solveTopK] per row, in parallel on the common fork-join pool and in the
///    background while the device computes the next block's GEMM; a row whose smallest candidate
///    carries no weight is exact (its support lies within the candidates);
/// 4. rows that are not: the `4K'` largest similarities of those rows, solved again;
/// 5. rows still not exact: their full similarity rows, copied from the block while it is alive,
///    solved with [EntmaxSolver#solve].
///
/// The result is the same as solving every full row (bit for bit, see [EntmaxSolver#solveTopK]);
/// `K` only changes the cost. Per-row Java work is `O(K log K)`; memory is `O(nT K)` for the result
/// plus two blocks of `block x nS` similarities on the device (in Java only the rows that fall back
/// to the full row) plus the normalised source matrix (`nS x D` floats).
///
/// `alpha = 1` (softmax) has full support: no top-K is ever exact. The search then computes each
/// row's log-partition `log sum_i exp(s_i)` and its entropy on the device (`float32`,
/// max-shifted; the entropy goes into [TokenAlignment#denseEntropyNats()]), lists only the
/// `K'` largest weights `exp(s_i - logZ)` with `truncated = true`, and the embedding must be built
/// by [DenseSoftmaxReconstruction].
public final class TopKSupportSearch {

    /// Nearest source tokens listed per row for inspection, whatever their weight.
    public static final int NEAREST_COUNT = 10;
    /// Factor by which `K'` grows for rows whose support reached the `K'`-th candidate.
    public static final int WIDENING_FACTOR = 4;

    private static final Logger LOG = LoggerFactory.getLogger(TopKSupportSearch.class);
    private static final String STAGE = "aligning target tokens";

    private final SimilarityBackend backend;

    /// A search that runs its GEMMs on `device`: by OpenBLAS on a CPU where it loads, else by DJL
    /// ([SimilarityBackend#forDevice]).
    public TopKSupportSearch(SelectedDevice device) {
        this(SimilarityBackend.forDevice(device));
    }

    /// A search on a given backend (tests compare the two paths with it).
    public TopKSupportSearch(SimilarityBackend backend) {
        this.backend = backend;
    }

    /// Where the GEMMs run.
    public SimilarityBackend backend() {
        return backend;
    }

    /// Aligns the requested target rows (the non-overlapping target tokens) to all source tokens.
    ///
    /// @param targets target bridge vectors, `nT x D`, any non-zero norm (normalised here)
    /// @param sources source bridge vectors, `nS x D`, any non-zero norm (normalised here)
    /// @param targetRows rows of `targets` to align, each in `[0, nT)`
    /// @param options alpha, `K` and the block bound
    /// @param progress told at the start (0 rows) and after each block (stage "aligning target
    ///     tokens", rows done)
    /// @param cancel checked before each block
    /// @return one alignment per requested row, in request order, with statistics
    /// @throws OperationCancelledException when `cancel` is cancelled; nothing is returned
    /// @throws IllegalArgumentException on mismatched dimensions, a row index out of range, or a
    ///     zero, infinite or NaN bridge vector (the message names the matrix and row)
    public AlignmentResult search(FloatMatrix targets, FloatMatrix sources, int[] targetRows, AlignmentOptions options,
            ProgressListener progress, CancellationToken cancel) throws OperationCancelledException {
        long start = System.nanoTime();
        BlockAligner aligner = new BlockAligner(new EntmaxSolver(options.alpha()), options.topK(), sources.rows(),
                targetRows);
        BlockedCosineSimilarity similarity = new BlockedCosineSimilarity(backend, options.maxBlockBytes());
        String path;
        long gemmNanos = -1;
        if (backend.usesBlas() && options.alpha() > EntmaxSolver.MIN_ALPHA) {
            gemmNanos = similarity.forEachHostBlock(targets, sources, targetRows, STAGE, progress, cancel, aligner::alignHostBlock);
            path = backend.label();
        } else {
            similarity.forEachBlock(targets, sources, targetRows, STAGE, progress, cancel, aligner);
            path = "DJL " + backend.device().name();
        }
        long elapsed = System.nanoTime() - start;
        AlignmentStatistics statistics = new AlignmentStatistics(targetRows.length, aligner.exactOnTopK,
                aligner.exactOnWiderK, aligner.onFullRow, aligner.dense, aligner.firstK, aligner.widerK,
                aligner.blocks, aligner.solveNanos, elapsed, gemmNanos);
        LOG.info("aligned {} target tokens to {} source tokens on {} (alpha {}, K {}): {} exact on top-{}, "
                        + "{} on top-{}, {} on the full row, {} dense; {} s, of which {} s solving in Java",
                targetRows.length, sources.rows(), path, options.alpha(), options.topK(), aligner.exactOnTopK,
                aligner.firstK, aligner.exactOnWiderK, aligner.widerK, aligner.onFullRow, aligner.dense,
                String.format("%.3f", elapsed / 1e9), String.format("%.3f", aligner.solveNanos / 1e9));
        return new AlignmentResult(options.alpha(), Arrays.asList(aligner.alignments), statistics);
    }

    /// The `k` largest similarities per row of a block, copied to Java, descending per row.
    private record Candidates(float[] scores, int[] ids, int k) {

        static Candidates largest(NDArray similarities, int k) {
            NDList top = similarities.topK(k, 1, true, true);
            return new Candidates(top.get(0).toFloatArray(), top.get(1).toType(DataType.INT32, false).toIntArray(), k);
        }
    }

    /// Aligns the blocks in order. The device thread selects each block's top-K; the Java solve of
    /// block `b` then runs on the common fork-join pool while the device computes the GEMM of
    /// block `b + 1`; the device thread joins it, runs the fallbacks of block `b` and frees it.
    private static final class BlockAligner implements BlockedCosineSimilarity.BlockVisitor {

        private final EntmaxSolver solver;
        private final int sourceCount;
        private final int[] targetRows;
        private final int firstK;
        private final int widerK;
        private final TokenAlignment[] alignments;
        /// Per-thread selection buffers of the OpenBLAS path, reused row after row (the records
        /// copy what they keep).
        private final ThreadLocal<HostRowScratch> scratches;
        private int exactOnTopK;
        private int exactOnWiderK;
        private int onFullRow;
        private int dense;
        private int blocks;
        private long solveNanos;

        BlockAligner(EntmaxSolver solver, int topK, int sourceCount, int[] targetRows) {
            this.solver = solver;
            this.sourceCount = sourceCount;
            this.targetRows = targetRows;
            this.firstK = Math.min(sourceCount, Math.max(topK, NEAREST_COUNT));
            this.widerK = (int) Math.min(sourceCount, (long) WIDENING_FACTOR * firstK);
            this.alignments = new TokenAlignment[targetRows.length];
            int first = firstK;
            int wider = widerK;
            this.scratches = ThreadLocal.withInitial(() -> new HostRowScratch(new RowTopK(first),
                    new Candidates(new float[first], new int[first], first),
                    new Candidates(new float[wider], new int[wider], wider)));
        }

        @Override
        public BlockedCosineSimilarity.BlockTask start(NDArray similarities, int firstRow, int rowCount) {
            blocks++;
            Candidates top = Candidates.largest(similarities, firstK);
            if (solver.alpha() == 1.0) {
                float[][] partition = logPartitionAndEntropy(similarities, rowCount);
                HostWork records = HostWork.start(rowCount, r -> alignments[firstRow + r] = denseAlignment(
                        targetRows[firstRow + r], top, r, partition[0][r], partition[1][r]));
                return afterHostWork(records, () -> dense += rowCount);
            }
            EntmaxSolution[] solutions = new EntmaxSolution[rowCount];
            HostWork solving = HostWork.start(rowCount, r -> {
                solutions[r] = solver.solveCandidates(top.scores(), top.ids(), r * top.k(), top.k(), sourceCount);
                if (solutions[r].complete()) {
                    alignments[firstRow + r] = sparseAlignment(targetRows[firstRow + r], solutions[r], top, r);
                }
            });
            return afterHostWork(solving, () -> solveFallbacks(similarities, top, solutions, firstRow));
        }

        /// The OpenBLAS path: every row of a host block in parallel (the common fork-join pool and
        /// the caller): top-K' selection over the row, entmax on the candidates, and where the
        /// check fails the wider selection and then the full row, all read from the live block.
        void alignHostBlock(MemorySegment block, int firstRow, int rowCount) {
            blocks++;
            byte[] outcome = new byte[rowCount];
            solveNanos += HostWork.run(rowCount, r -> outcome[r] = alignHostRow(block, firstRow, r));
            for (byte o : outcome) {
                switch (o) {
                    case ON_TOP_K -> exactOnTopK++;
                    case ON_WIDER_K -> exactOnWiderK++;
                    default -> onFullRow++;
                }
            }
        }

        private static final byte ON_TOP_K = 0;
        private static final byte ON_WIDER_K = 1;
        private static final byte ON_FULL_ROW = 2;

        private record HostRowScratch(RowTopK selector, Candidates top, Candidates wide) {
        }

        private byte alignHostRow(MemorySegment block, int firstRow, int r) {
            long offset = (long) r * sourceCount * Float.BYTES;
            HostRowScratch scratch = scratches.get();
            RowTopK selector = scratch.selector();
            Candidates top = scratch.top();
            selector.select(block, offset, sourceCount, firstK, top.scores(), top.ids(), 0);
            EntmaxSolution solution = solver.solveCandidates(top.scores(), top.ids(), 0, firstK, sourceCount);
            byte outcome = ON_TOP_K;
            if (!solution.complete() && widerK > firstK) {
                Candidates wide = scratch.wide();
                selector.select(block, offset, sourceCount, widerK, wide.scores(), wide.ids(), 0);
                solution = solver.solveCandidates(wide.scores(), wide.ids(), 0, widerK, sourceCount);
                outcome = ON_WIDER_K;
            }
            if (!solution.complete()) {
                float[] full = new float[sourceCount];
                MemorySegment.copy(block, ValueLayout.JAVA_FLOAT, offset, full, 0, sourceCount);
                solution = solver.solveCandidates(full, null, 0, sourceCount, sourceCount);
                outcome = ON_FULL_ROW;
            }
            alignments[firstRow + r] = sparseAlignment(targetRows[firstRow + r], solution, top, 0);
            return outcome;
        }

        /// A task that waits for `work` and then runs `rest` on the device thread.
        private BlockedCosineSimilarity.BlockTask afterHostWork(HostWork work, Runnable rest) {
            return new BlockedCosineSimilarity.BlockTask() {
                @Override
                public void finish() {
                    solveNanos += work.join();
                    rest.run();
                }

                @Override
                public void abandon() {
                    work.abandon();
                }
            };
        }

        /// Widens the candidates of the rows whose support reached the last one, then falls back
        /// to their full rows; runs on the device thread while the block is alive.
        private void solveFallbacks(NDArray similarities, Candidates top, EntmaxSolution[] solutions, int firstRow) {
            int[] pending = incomplete(solutions, IntStream.range(0, solutions.length).toArray());
            exactOnTopK += solutions.length - pending.length;
            if (pending.length > 0 && widerK > firstK) {
                Candidates wide = Candidates.largest(rowsOf(similarities, pending), widerK);
                int[] rows = pending;
                solveNanos += HostWork.run(rows.length, j -> solutions[rows[j]] =
                        solver.solveCandidates(wide.scores(), wide.ids(), j * wide.k(), wide.k(), sourceCount));
                pending = incomplete(solutions, rows);
                exactOnWiderK += rows.length - pending.length;
            }
            if (pending.length > 0) {
                float[] full = rowsOf(similarities, pending).toFloatArray();
                int[] rows = pending;
                solveNanos += HostWork.run(rows.length, j -> solutions[rows[j]] =
                        solver.solveCandidates(full, null, j * sourceCount, sourceCount, sourceCount));
                onFullRow += rows.length;
            }
            for (int r = 0; r < solutions.length; r++) {
                if (alignments[firstRow + r] == null) {
                    alignments[firstRow + r] = sparseAlignment(targetRows[firstRow + r], solutions[r], top, r);
                }
            }
        }

        /// Per row `log Z = log sum_i exp(s_i)` and the softmax entropy
        /// `H = -sum_i p_i ln p_i = log Z' - sum_i e_i (s_i - m) / Z'` (with `m` the row maximum,
        /// `e_i = exp(s_i - m)`, `Z' = sum_i e_i`), max-shifted, in `float32` on the device. The
        /// block is not needed after its top-K, so it is shifted in place.
        private static float[][] logPartitionAndEntropy(NDArray similarities, int rowCount) {
            NDArray max = similarities.max(new int[] {1}, true);
            NDArray shifted = similarities.subi(max);
            NDArray exponentials = shifted.exp();
            NDArray shiftedPartition = exponentials.sum(new int[] {1});
            NDArray weightedShift = exponentials.mul(shifted).sum(new int[] {1}).div(shiftedPartition);
            NDArray logShiftedPartition = shiftedPartition.log();
            float[] entropy = logShiftedPartition.sub(weightedShift).toFloatArray();
            float[] logPartition = logShiftedPartition.addi(max.reshape(rowCount)).toFloatArray();
            return new float[][] {logPartition, entropy};
        }

        private TokenAlignment denseAlignment(int targetId, Candidates top, int r, float logPartition,
                float entropyNats) {
            long[] keys = new long[top.k()];
            for (int j = 0; j < keys.length; j++) {
                keys[j] = EntmaxSolver.sortKey(top.scores()[r * top.k() + j], top.ids()[r * top.k() + j]);
            }
            Arrays.sort(keys);
            int[] ids = new int[keys.length];
            double[] weights = new double[keys.length];
            float[] scores = new float[keys.length];
            for (int j = 0; j < keys.length; j++) {
                ids[j] = EntmaxSolver.keyId(keys[j]);
                scores[j] = EntmaxSolver.keyScore(keys[j]);
                weights[j] = solver.weightAt(scores[j], logPartition);
            }
            TokenAlignment listed = alignment(targetId, ids, weights, scores, top, r, top.k() < sourceCount);
            return new TokenAlignment(listed.targetId(), listed.sourceIds(), listed.weights(), listed.similarities(),
                    listed.nearestSourceIds(), listed.nearestSimilarities(), listed.truncated(),
                    listed.truncated() ? entropyNats : Double.NaN);
        }

        private static TokenAlignment sparseAlignment(int targetId, EntmaxSolution solution, Candidates top, int r) {
            return alignment(targetId, solution.ids(), solution.weights(), solution.scores(), top, r, false);
        }

        private static int[] incomplete(EntmaxSolution[] solutions, int[] rows) {
            return Arrays.stream(rows).filter(r -> !solutions[r].complete()).toArray();
        }

        private static NDArray rowsOf(NDArray similarities, int[] localRows) {
            return similarities.get(new NDIndex("{}", similarities.getManager().create(localRows)));
        }

        /// Builds the record: weights rounded to `float` (entries that round to 0 are dropped), and
        /// the nearest sources of candidate row `r`.
        private static TokenAlignment alignment(int targetId, int[] ids, double[] weights, float[] scores,
                Candidates top, int r, boolean truncated) {
            int kept = 0;
            for (double weight : weights) {
                if ((float) weight > 0.0f) {
                    kept++;
                }
            }
            int[] sourceIds = new int[kept];
            float[] keptWeights = new float[kept];
            float[] similarities = new float[kept];
            for (int j = 0, k = 0; j < weights.length; j++) {
                if ((float) weights[j] > 0.0f) {
                    sourceIds[k] = ids[j];
                    keptWeights[k] = (float) weights[j];
                    similarities[k] = scores[j];
                    k++;
                }
            }
            int[] nearestIds = new int[Math.min(NEAREST_COUNT, top.k())];
            float[] nearestSimilarities = new float[nearestIds.length];
            nearest(top, r, nearestIds, nearestSimilarities);
            return new TokenAlignment(targetId, sourceIds, keptWeights, similarities, nearestIds,
                    nearestSimilarities, truncated);
        }

        /// Sort keys of [#nearest], per thread: the search builds hundreds of thousands of records.
        private static final ThreadLocal<long[]> NEAREST_KEYS = ThreadLocal.withInitial(() -> new long[64]);

        /// The first `ids.length` candidates of row `r` into `ids` and `similarities`, ties by
        /// ascending id: the candidates are already descending, so only the prefix through the tie
        /// group at the cut needs sorting (in a per-thread buffer, no allocation per row).
        private static void nearest(Candidates top, int r, int[] ids, float[] similarities) {
            int base = r * top.k();
            int count = ids.length;
            int end = count;
            while (end < top.k() && top.scores()[base + end] == top.scores()[base + count - 1]) {
                end++;
            }
            long[] keys = NEAREST_KEYS.get();
            if (keys.length < end) {
                keys = new long[end];
                NEAREST_KEYS.set(keys);
            }
            for (int j = 0; j < end; j++) {
                keys[j] = EntmaxSolver.sortKey(top.scores()[base + j], top.ids()[base + j]);
            }
            Arrays.sort(keys, 0, end);
            for (int j = 0; j < count; j++) {
                ids[j] = EntmaxSolver.keyId(keys[j]);
                similarities[j] = EntmaxSolver.keyScore(keys[j]);
            }
        }
    }

    /// Pure Java work over the rows of a block on the common fork-join pool (no tensors), timed.
    private static final class HostWork {

        private final CompletableFuture<Long> elapsedNanos;

        private HostWork(CompletableFuture<Long> elapsedNanos) {
            this.elapsedNanos = elapsedNanos;
        }

        /// Starts `body` for `0 .. count - 1` in the background.
        static HostWork start(int count, IntConsumer body) {
            return new HostWork(CompletableFuture.supplyAsync(() -> run(count, body), ForkJoinPool.commonPool()));
        }

        /// Runs `body` for `0 .. count - 1` in parallel and returns the wall time in nanoseconds.
        static long run(int count, IntConsumer body) {
            long start = System.nanoTime();
            IntStream.range(0, count).parallel().forEach(body);
            return System.nanoTime() - start;
        }

        /// Waits for the work; rethrows its failure unwrapped.
        long join() {
            try {
                return elapsedNanos.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw e;
            }
        }

        /// Waits for the work and ignores its outcome (the operation is failing anyway).
        void abandon() {
            elapsedNanos.exceptionally(failure -> 0L).join();
        }
    }
}
