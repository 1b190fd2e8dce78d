package org.sembridge.engine.bench;

/// The top-K route against the reference route ([FullMatrixAlignment]) on the same target rows,
/// in the same run: time, memory, and whether they agree.
///
/// Both times cover the whole step, reconstruction included (the same
/// [org.sembridge.engine.transfer.SparseReconstruction] for both).
///
/// @param rows target rows aligned
/// @param sourceCount source tokens
/// @param fullMatrix wall and process CPU time of the reference route
/// @param topK the same for the top-K route
/// @param fullMatrixExtraBytes peak resident memory the reference route added, `-1` unknown
/// @param topKExtraBytes the same for the top-K route
/// @param maxWeightDifference the largest `|p_topK - p_full|` over all rows and source tokens
///     (a token missing from one support counts with weight 0); 0 when the routes agree
/// @param rowsWithOtherSupport rows whose two supports differ as sets
/// @param maxEmbeddingDifference the largest absolute difference between the reconstructed
///     embedding matrices
public record FullMatrixComparison(int rows, int sourceCount, ElapsedTime fullMatrix, ElapsedTime topK,
        long fullMatrixExtraBytes, long topKExtraBytes, double maxWeightDifference, int rowsWithOtherSupport,
        double maxEmbeddingDifference) {

    /// Reference wall time over top-K wall time.
    public double timeRatio() {
        return (double) fullMatrix.wallNanos() / topK.wallNanos();
    }

    /// Reference CPU time over top-K CPU time, `-1` when unknown.
    public double cpuRatio() {
        return fullMatrix.cpuNanos() <= 0 || topK.cpuNanos() <= 0 ? -1
                : (double) fullMatrix.cpuNanos() / topK.cpuNanos();
    }

    /// Bytes of the materialised similarity matrix, `4 rows nS`.
    public long matrixBytes() {
        return 4L * rows * sourceCount;
    }
}
