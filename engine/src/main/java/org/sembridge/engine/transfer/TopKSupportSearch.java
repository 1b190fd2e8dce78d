package org.sembridge.engine.transfer;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// SemBridge steps 3 and 4 at scale: the alpha-entmax of every target token's cosine
/// similarities to ALL source tokens, without ever holding the `nT x nS` similarity matrix.
///
/// Per block of target rows ([BlockedCosineSimilarity], at most `maxBlockBytes` of similarities on
/// the device):
///
/// 1. `S_block = T_block S^T` on the device;
/// 2. the `K' = max(K, 10)` largest similarities of each row (device `topK`), copied to Java;
/// 3. [EntmaxSolver#solveTopK] per row, in parallel on the common fork-join pool; a row whose
///    smallest candidate carries no weight is exact (its support lies within the candidates);
/// 4. rows that are not: the `4K'` largest similarities of those rows, solved again;
/// 5. rows still not exact: their full similarity rows, copied from the block while it is alive,
///    solved with [EntmaxSolver#solve].
///
/// The result is the same as solving every full row (bit for bit, see [EntmaxSolver#solveTopK]);
/// `K` only changes the cost. Per-row Java work is `O(K log K)`; memory is `O(nT K)` for the result
/// plus `O(block nS)` on the device (and in Java only for rows that fall back to the full row) plus
/// the normalised source matrix (`nS x D` floats).
///
/// `alpha = 1` (softmax) has full support: no top-K is ever exact. The search then computes each
/// row's log-partition `log sum_i exp(s_i)` on the device (`float32`, max-shifted), lists only the
/// `K'` largest weights `exp(s_i - logZ)` with `truncated = true`, and the embedding must be built
/// by [DenseSoftmaxReconstruction].
public final class TopKSupportSearch {

    /// Nearest source tokens listed per row for inspection, whatever their weight.
    public static final int NEAREST_COUNT = 10;
    /// Factor by which `K'` grows for rows whose support reached the `K'`-th candidate.
    public static final int WIDENING_FACTOR = 4;

    private static final Logger LOG = LoggerFactory.getLogger(TopKSupportSearch.class);
    private static final String STAGE = "aligning target tokens";

    private final Device device;

    /// A search that runs its GEMMs on `device`.
    public TopKSupportSearch(Device device) {
        this.device = device;
    }

    /// Aligns the requested target rows (the non-overlapping target tokens) to all source tokens.
    ///
    /// @param targets target bridge vectors, `nT x D`, any non-zero norm (normalised here)
    /// @param sources source bridge vectors, `nS x D`, any non-zero norm (normalised here)
    /// @param targetRows rows of `targets` to align, each in `[0, nT)`
    /// @param options alpha, `K` and the block bound
    /// @param progress told after each block (stage "aligning target tokens", rows done)
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
        new BlockedCosineSimilarity(device, options.maxBlockBytes())
                .forEachBlock(targets, sources, targetRows, STAGE, progress, cancel, aligner);
        long elapsed = System.nanoTime() - start;
        AlignmentStatistics statistics = new AlignmentStatistics(targetRows.length, aligner.exactOnTopK,
                aligner.exactOnWiderK, aligner.onFullRow, aligner.dense, aligner.firstK, aligner.widerK,
                aligner.blocks, elapsed);
        LOG.info("aligned {} target tokens to {} source tokens on {} (alpha {}, K {}): {} exact on top-{}, "
                        + "{} on top-{}, {} on the full row, {} dense; {} s",
                targetRows.length, sources.rows(), device, options.alpha(), options.topK(), aligner.exactOnTopK,
                aligner.firstK, aligner.exactOnWiderK, aligner.widerK, aligner.onFullRow, aligner.dense,
                String.format("%.3f", elapsed / 1e9));
        return new AlignmentResult(options.alpha(), Arrays.asList(aligner.alignments), statistics);
    }

    /// The `k` largest similarities per row of a block, copied to Java, descending per row.
    private record Candidates(float[] scores, int[] ids, int k) {

        static Candidates largest(NDArray similarities, int k) {
            NDList top = similarities.topK(k, 1, true, true);
            return new Candidates(top.get(0).toFloatArray(), top.get(1).toType(DataType.INT32, false).toIntArray(), k);
        }
    }

    /// Solves the blocks one after the other on the caller's thread (the device thread), the rows
    /// of a block in parallel; counts how each row was solved.
    private static final class BlockAligner implements BlockedCosineSimilarity.BlockVisitor {

        private final EntmaxSolver solver;
        private final int sourceCount;
        private final int[] targetRows;
        private final int firstK;
        private final int widerK;
        private final TokenAlignment[] alignments;
        private int exactOnTopK;
        private int exactOnWiderK;
        private int onFullRow;
        private int dense;
        private int blocks;

        BlockAligner(EntmaxSolver solver, int topK, int sourceCount, int[] targetRows) {
            this.solver = solver;
            this.sourceCount = sourceCount;
            this.targetRows = targetRows;
            this.firstK = Math.min(sourceCount, Math.max(topK, NEAREST_COUNT));
            this.widerK = (int) Math.min(sourceCount, (long) WIDENING_FACTOR * firstK);
            this.alignments = new TokenAlignment[targetRows.length];
        }

        @Override
        public void visit(NDArray similarities, int firstRow, int rowCount) {
            blocks++;
            Candidates top = Candidates.largest(similarities, firstK);
            if (solver.alpha() == 1.0) {
                alignDense(similarities, top, firstRow, rowCount);
            } else {
                alignSparse(similarities, top, firstRow, rowCount);
            }
        }

        private void alignSparse(NDArray similarities, Candidates top, int firstRow, int rowCount) {
            EntmaxSolution[] solutions = new EntmaxSolution[rowCount];
            IntStream.range(0, rowCount).parallel().forEach(r ->
                    solutions[r] = solver.solveCandidates(top.scores(), top.ids(), r * top.k(), top.k(), sourceCount));
            int[] pending = incomplete(solutions, IntStream.range(0, rowCount).toArray());
            exactOnTopK += rowCount - pending.length;
            if (pending.length > 0 && widerK > firstK) {
                Candidates wide = Candidates.largest(rowsOf(similarities, pending), widerK);
                int[] rows = pending;
                IntStream.range(0, rows.length).parallel().forEach(j -> solutions[rows[j]] =
                        solver.solveCandidates(wide.scores(), wide.ids(), j * wide.k(), wide.k(), sourceCount));
                pending = incomplete(solutions, rows);
                exactOnWiderK += rows.length - pending.length;
            }
            if (pending.length > 0) {
                float[] full = rowsOf(similarities, pending).toFloatArray();
                int[] rows = pending;
                IntStream.range(0, rows.length).parallel().forEach(j -> solutions[rows[j]] =
                        solver.solveCandidates(full, null, j * sourceCount, sourceCount, sourceCount));
                onFullRow += rows.length;
            }
            IntStream.range(0, rowCount).parallel().forEach(r -> {
                EntmaxSolution solution = solutions[r];
                alignments[firstRow + r] = alignment(targetRows[firstRow + r], solution.ids(),
                        solution.weights(), solution.scores(), sortedKeys(top, r), false);
            });
        }

        private void alignDense(NDArray similarities, Candidates top, int firstRow, int rowCount) {
            // The block is not needed after the top-K: shift it in place.
            NDArray max = similarities.max(new int[] {1}, true);
            float[] logPartition = similarities.subi(max).exp().sum(new int[] {1}).log()
                    .addi(max.reshape(rowCount)).toFloatArray();
            IntStream.range(0, rowCount).parallel().forEach(r -> {
                long[] keys = sortedKeys(top, r);
                int[] ids = new int[keys.length];
                double[] weights = new double[keys.length];
                float[] scores = new float[keys.length];
                for (int j = 0; j < keys.length; j++) {
                    ids[j] = EntmaxSolver.keyId(keys[j]);
                    scores[j] = EntmaxSolver.keyScore(keys[j]);
                    weights[j] = solver.weightAt(scores[j], logPartition[r]);
                }
                alignments[firstRow + r] = alignment(targetRows[firstRow + r], ids, weights, scores, keys,
                        top.k() < sourceCount);
            });
            dense += rowCount;
        }

        private static int[] incomplete(EntmaxSolution[] solutions, int[] rows) {
            return Arrays.stream(rows).filter(r -> !solutions[r].complete()).toArray();
        }

        private static NDArray rowsOf(NDArray similarities, int[] localRows) {
            return similarities.get(new NDIndex("{}", similarities.getManager().create(localRows)));
        }

        /// The candidates of row `r`, sorted by similarity descending and id ascending.
        private static long[] sortedKeys(Candidates top, int r) {
            long[] keys = new long[top.k()];
            for (int j = 0; j < keys.length; j++) {
                keys[j] = EntmaxSolver.sortKey(top.scores()[r * top.k() + j], top.ids()[r * top.k() + j]);
            }
            Arrays.sort(keys);
            return keys;
        }

        /// Builds the record: weights rounded to `float` (entries that round to 0 are dropped), and
        /// the nearest sources from the row's sorted first candidates.
        private static TokenAlignment alignment(int targetId, int[] ids, double[] weights, float[] scores,
                long[] candidateKeys, boolean truncated) {
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
            int nearest = Math.min(NEAREST_COUNT, candidateKeys.length);
            int[] nearestIds = new int[nearest];
            float[] nearestSimilarities = new float[nearest];
            for (int j = 0; j < nearest; j++) {
                nearestIds[j] = EntmaxSolver.keyId(candidateKeys[j]);
                nearestSimilarities[j] = EntmaxSolver.keyScore(candidateKeys[j]);
            }
            return new TokenAlignment(targetId, sourceIds, keptWeights, similarities, nearestIds,
                    nearestSimilarities, truncated);
        }
    }
}
