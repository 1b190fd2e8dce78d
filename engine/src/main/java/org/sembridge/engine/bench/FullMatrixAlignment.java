package org.sembridge.engine.bench;

import java.util.ArrayList;
import java.util.List;

import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.encoder.SelectedDevice;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.transfer.BlockedCosineSimilarity;
import org.sembridge.engine.transfer.EntmaxSolution;
import org.sembridge.engine.transfer.EntmaxSolver;
import org.sembridge.engine.transfer.FloatMatrix;
import org.sembridge.engine.transfer.TokenAlignment;

/// SemBridge steps 3 and 4 the way the reference implementation does them (method.md, "What
/// the reference implementation costs"): the whole `rows x nS` float32 similarity matrix is
/// materialised, then alpha-entmax is solved row by row, on one thread, on the full row
/// ([EntmaxSolver#solve(float[])]). The benchmark's yardstick for [org.sembridge.engine.transfer.TopKSupportSearch]
/// in both time and memory, and the check that the top-K route gives the same weights.
///
/// The matrix is filled by [BlockedCosineSimilarity#similarityRows] with the default block
/// bound: one matrix product costs the same FLOPs in blocks or at once, and the blocks are the
/// same ones the top-K search multiplies, so both routes see bit-identical similarities and any
/// difference in the weights would come from the top-K logic alone. Memory: `4 rows nS` bytes
/// (4,000 x 30,522: 466 MiB; the paper's 32,000 rows: 3.6 GiB), plus one block on the device.
///
/// Alignments are recorded like the top-K search records them (weights rounded to `float`,
/// entries that round to 0 dropped) but without a nearest-source list.
final class FullMatrixAlignment {

    private static final String STAGE = "solving full similarity rows";
    private static final int ROWS_PER_CHECK = 256;

    private FullMatrixAlignment() {
    }

    /// The alignments of `targetRows` (rows of `targets`) to all `sources`, in request order.
    ///
    /// @param alpha entmax order, `1 < alpha <= 8`
    /// @throws OperationCancelledException when `cancel` is set
    static List<TokenAlignment> align(FloatMatrix targets, FloatMatrix sources, int[] targetRows, double alpha,
            SelectedDevice device, ProgressListener progress, CancellationToken cancel)
            throws OperationCancelledException {
        if (!(alpha > 1.0)) {
            throw new IllegalArgumentException("alpha must be > 1 (sparse weights), got " + alpha);
        }
        FloatMatrix similarities = new BlockedCosineSimilarity(device,
                BlockedCosineSimilarity.DEFAULT_MAX_BLOCK_BYTES).similarityRows(targets, sources, targetRows, progress,
                cancel);
        EntmaxSolver solver = new EntmaxSolver(alpha);
        List<TokenAlignment> alignments = new ArrayList<>(targetRows.length);
        int width = sources.rows();
        float[] row = new float[width];
        for (int r = 0; r < targetRows.length; r++) {
            if (r % ROWS_PER_CHECK == 0) {
                cancel.throwIfCancelled(STAGE);
                progress.onProgress(STAGE, r, targetRows.length);
            }
            System.arraycopy(similarities.values(), r * width, row, 0, width);
            alignments.add(record(targetRows[r], solver.solve(row)));
        }
        progress.onProgress(STAGE, targetRows.length, targetRows.length);
        return alignments;
    }

    private static TokenAlignment record(int targetId, EntmaxSolution solution) {
        int kept = 0;
        for (double weight : solution.weights()) {
            if ((float) weight > 0.0f) {
                kept++;
            }
        }
        int[] ids = new int[kept];
        float[] weights = new float[kept];
        float[] scores = new float[kept];
        for (int j = 0, k = 0; j < solution.size(); j++) {
            if ((float) solution.weights()[j] > 0.0f) {
                ids[k] = solution.ids()[j];
                weights[k] = (float) solution.weights()[j];
                scores[k] = solution.scores()[j];
                k++;
            }
        }
        return new TokenAlignment(targetId, ids, weights, scores, new int[0], new float[0], false);
    }
}
