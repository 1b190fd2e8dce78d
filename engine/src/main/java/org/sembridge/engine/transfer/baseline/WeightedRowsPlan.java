package org.sembridge.engine.transfer.baseline;

import java.util.ArrayList;
import java.util.List;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.transfer.FloatMatrix;
import org.sembridge.engine.transfer.SparseReconstruction;
import org.sembridge.engine.transfer.TokenAlignment;

/// The plan of every weight-based method with finitely many weights per token (SemBridge with
/// `alpha > 1`, FOCUS, OFA): row `k` of every applied matrix `M` is
/// `sum_j weights[j] M[sourceIds[j]]` over the `k`-th alignment, computed by
/// [SparseReconstruction] (`double` accumulation, one `float` rounding).
///
/// Every matrix gets exactly the same weights, so a decoder bias given as `nS x 1` is mapped like
/// the embeddings (`bias_t[x] = sum_i p_x,i bias_s[i]`).
final class WeightedRowsPlan implements InitializationPlan {

    private static final String STAGE = "applying source weights";

    private final List<TokenAlignment> alignments;
    private final int sourceCount;

    /// A plan of `alignments` (one per new target token, in `newTargetIds` order, none truncated)
    /// over `sourceCount` source tokens.
    WeightedRowsPlan(List<TokenAlignment> alignments, int sourceCount) {
        this.alignments = List.copyOf(alignments);
        this.sourceCount = sourceCount;
    }

    @Override
    public List<TokenAlignment> alignments() {
        return alignments;
    }

    /// @throws IllegalArgumentException when a matrix does not have one row per source token
    @Override
    public List<FloatMatrix> apply(List<FloatMatrix> sourceMatrices, ProgressListener progress,
            CancellationToken cancel) throws OperationCancelledException {
        requireSourceRows(sourceMatrices, sourceCount);
        List<FloatMatrix> rows = new ArrayList<>(sourceMatrices.size());
        for (FloatMatrix matrix : sourceMatrices) {
            cancel.throwIfCancelled(STAGE);
            rows.add(SparseReconstruction.reconstruct(alignments, matrix, progress, cancel));
        }
        return List.copyOf(rows);
    }

    /// Checks that every matrix has one row per source token.
    ///
    /// @throws IllegalArgumentException naming the first matrix (by list index) that does not
    static void requireSourceRows(List<FloatMatrix> sourceMatrices, int sourceCount) {
        for (int i = 0; i < sourceMatrices.size(); i++) {
            int rows = sourceMatrices.get(i).rows();
            if (rows != sourceCount) {
                throw new IllegalArgumentException("source matrix " + i + " has " + rows
                        + " rows, expected one per source token (" + sourceCount + ")");
            }
        }
    }
}
