package org.sembridge.engine.transfer.baseline;

import java.util.ArrayList;
import java.util.List;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.encoder.SelectedDevice;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.transfer.DenseSoftmaxReconstruction;
import org.sembridge.engine.transfer.FloatMatrix;
import org.sembridge.engine.transfer.TokenAlignment;

/// The SemBridge plan for `alpha = 1` (softmax): every source token has a positive weight, so the
/// rows are `softmax(s_x) M`, rebuilt on the device by [DenseSoftmaxReconstruction].
///
/// The similarities are computed once per [#apply] call, not once per matrix: the applied
/// matrices are joined side by side into one `nS x (c_1 + c_2 + ...)` matrix (a copy, e.g.
/// `30,522 x 1,537` floats = 188 MB for embeddings, an untied decoder and a bias), reconstructed
/// in one blocked pass (`softmax(S) [M_1 | M_2 | ...] = [softmax(S) M_1 | ...]`) and split again.
/// [#plan] has already run the similarity GEMM once for the inspection lists, so a SemBridge run
/// with `alpha = 1` costs two similarity passes in all.
final class DenseSoftmaxPlan implements InitializationPlan {

    private final List<TokenAlignment> alignments;
    private final FloatMatrix targetBridge;
    private final FloatMatrix sourceBridge;
    private final int[] newTargetIds;
    private final SelectedDevice device;
    private final long maxBlockBytes;

    /// A plan whose `alignments` list the largest softmax weights for inspection (`truncated`).
    DenseSoftmaxPlan(List<TokenAlignment> alignments, FloatMatrix targetBridge, FloatMatrix sourceBridge,
            int[] newTargetIds, SelectedDevice device, long maxBlockBytes) {
        this.alignments = List.copyOf(alignments);
        this.targetBridge = targetBridge;
        this.sourceBridge = sourceBridge;
        this.newTargetIds = newTargetIds.clone();
        this.device = device;
        this.maxBlockBytes = maxBlockBytes;
    }

    @Override
    public List<TokenAlignment> alignments() {
        return alignments;
    }

    /// @throws IllegalArgumentException when a matrix does not have one row per source token
    @Override
    public List<FloatMatrix> apply(List<FloatMatrix> sourceMatrices, ProgressListener progress,
            CancellationToken cancel) throws OperationCancelledException {
        WeightedRowsPlan.requireSourceRows(sourceMatrices, sourceBridge.rows());
        if (sourceMatrices.isEmpty()) {
            return List.of();
        }
        FloatMatrix joined = joinColumns(sourceMatrices);
        FloatMatrix rows = new DenseSoftmaxReconstruction(device, maxBlockBytes)
                .reconstruct(targetBridge, sourceBridge, newTargetIds, joined, progress, cancel);
        return splitColumns(rows, sourceMatrices);
    }

    /// `[M_1 | M_2 | ...]`, all with the same row count.
    private static FloatMatrix joinColumns(List<FloatMatrix> matrices) {
        int rowCount = matrices.getFirst().rows();
        int width = matrices.stream().mapToInt(FloatMatrix::columns).sum();
        FloatMatrix joined = FloatMatrix.zeros(rowCount, width);
        int offset = 0;
        for (FloatMatrix matrix : matrices) {
            int columns = matrix.columns();
            for (int r = 0; r < rowCount; r++) {
                System.arraycopy(matrix.values(), r * columns, joined.values(), r * width + offset, columns);
            }
            offset += columns;
        }
        return joined;
    }

    /// Cuts `rows` back into one matrix per entry of `shapes`, column widths as there.
    private static List<FloatMatrix> splitColumns(FloatMatrix rows, List<FloatMatrix> shapes) {
        int width = rows.columns();
        List<FloatMatrix> parts = new ArrayList<>(shapes.size());
        int offset = 0;
        for (FloatMatrix shape : shapes) {
            int columns = shape.columns();
            FloatMatrix part = FloatMatrix.zeros(rows.rows(), columns);
            for (int r = 0; r < rows.rows(); r++) {
                System.arraycopy(rows.values(), r * width + offset, part.values(), r * columns, columns);
            }
            parts.add(part);
            offset += columns;
        }
        return List.copyOf(parts);
    }
}
