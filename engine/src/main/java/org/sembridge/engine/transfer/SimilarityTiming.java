package org.sembridge.engine.transfer;

/// The cost of one run of the blocked similarity GEMM alone (no top-K, nothing kept), the
/// baseline a top-K search is compared with.
///
/// @param targetRows target rows multiplied (nT)
/// @param sourceCount source rows (nS)
/// @param dimension bridge dimension (D); the run performs `2 nT nS D` floating-point operations
/// @param blocks number of blocks
/// @param elapsedNanos wall time, including the upload and normalisation of the source matrix
public record SimilarityTiming(int targetRows, int sourceCount, int dimension, int blocks, long elapsedNanos) {

    /// Achieved throughput in GFLOP/s (`2 nT nS D / elapsed`).
    public double gigaflopsPerSecond() {
        return 2.0 * targetRows * sourceCount * dimension / Math.max(1, elapsedNanos);
    }
}
