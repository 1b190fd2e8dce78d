package org.sembridge.engine.projection;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.stream.IntStream;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import smile.linalg.Transpose;
import smile.tensor.DenseMatrix;
import smile.tensor.ScalarType;

/// Squared distances of high-dimensional vectors through native matrix products:
/// `|x_i - x_j|^2 = |x_i|^2 + |x_j|^2 - 2 x_i . x_j`, with the dot products of a block of
/// [#BLOCK_ROWS] rows against all points from one BLAS `dgemm` call (Smile's `DenseMatrix.mm`).
///
/// Precision: double arithmetic on the float inputs; the absolute error of a squared distance is
/// about `1e-16 (|x_i|^2 + |x_j|^2)`, negative results are clamped to 0 and the diagonal is exactly
/// 0. Cost: `n^2 d` multiply-adds and `8 n (d + BLOCK_ROWS)` bytes. OpenBLAS splits a product over
/// its threads by output blocks, never along the summed dimension, so each dot product is summed
/// in the same order on every run on the same machine.
final class GramDistanceRows implements DistanceRows {

    /// Rows per `dgemm` call (and per cancellation check).
    static final int BLOCK_ROWS = 256;

    private final float[][] vectors;
    private final DenseMatrix all;
    private final double[] squaredNorms;

    /// Copies `vectors` (n x d, finite) into a native double matrix.
    ///
    /// @throws NativeLibraryException when OpenBLAS cannot be loaded
    GramDistanceRows(float[][] vectors) throws NativeLibraryException {
        NativeLinearAlgebra.requireAvailable();
        this.vectors = vectors;
        this.all = toMatrix(vectors, 0, vectors.length);
        this.squaredNorms = new double[vectors.length];
        for (int i = 0; i < vectors.length; i++) {
            double sum = 0;
            for (float v : vectors[i]) {
                sum += (double) v * v;
            }
            squaredNorms[i] = sum;
        }
    }

    @Override
    public int size() {
        return vectors.length;
    }

    @Override
    public void forEachRow(String stage, RowConsumer consumer, ProgressListener progress, CancellationToken cancel)
            throws OperationCancelledException {
        int n = vectors.length;
        for (int start = 0; start < n; start += BLOCK_ROWS) {
            cancel.throwIfCancelled(stage);
            int first = start;
            int rows = Math.min(BLOCK_ROWS, n - first);
            DenseMatrix block = toMatrix(vectors, first, rows);
            DenseMatrix dots = DenseMatrix.zeros(ScalarType.Float64, n, rows);
            DenseMatrix.mm(1.0, Transpose.NO_TRANSPOSE, all, Transpose.TRANSPOSE, block, 0.0, dots);
            MemorySegment memory = dots.memory();
            long columnBytes = (long) dots.ld() * Double.BYTES;
            IntStream.range(0, rows).parallel().forEach(r -> {
                int i = first + r;
                double[] row = memory.asSlice(r * columnBytes, (long) n * Double.BYTES).toArray(ValueLayout.JAVA_DOUBLE);
                double own = squaredNorms[i];
                for (int j = 0; j < n; j++) {
                    row[j] = Math.max(0.0, own + squaredNorms[j] - 2.0 * row[j]);
                }
                row[i] = 0.0;
                consumer.accept(i, row);
            });
            progress.onProgress(stage, first + rows, n);
        }
    }

    /// Rows `[first, first + count)` of `vectors` as a column-major native double matrix.
    private static DenseMatrix toMatrix(float[][] vectors, int first, int count) {
        int dimension = vectors[0].length;
        DenseMatrix matrix = DenseMatrix.zeros(ScalarType.Float64, count, dimension);
        MemorySegment memory = matrix.memory();
        long ld = matrix.ld();
        for (int r = 0; r < count; r++) {
            float[] vector = vectors[first + r];
            for (int d = 0; d < dimension; d++) {
                memory.setAtIndex(ValueLayout.JAVA_DOUBLE, d * ld + r, vector[d]);
            }
        }
        return matrix;
    }
}
