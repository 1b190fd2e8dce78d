package org.sembridge.engine.bench;

/// What [GemmTopKReference] measured: OpenBLAS GEMM plus top-K of one shape.
///
/// @param rows target rows multiplied
/// @param sourceCount source rows `nS`
/// @param dimension bridge dimension `D`; the GEMM does `2 rows nS D` floating-point operations
/// @param k candidates selected per row
/// @param gemmNanos wall time inside `cblas_sgemm`, summed over chunks
/// @param selectNanos wall time of the top-K selection, summed over chunks
/// @param coreName the OpenBLAS kernel family, e.g. `SkylakeX`
/// @param threads OpenBLAS threads
public record ReferenceTiming(int rows, int sourceCount, int dimension, int k, long gemmNanos, long selectNanos,
        String coreName, int threads) {

    /// GEMM plus selection, seconds.
    public double seconds() {
        return (gemmNanos + selectNanos) / 1e9;
    }

    /// The GEMM alone, seconds.
    public double gemmSeconds() {
        return gemmNanos / 1e9;
    }

    /// The selection alone, seconds.
    public double selectSeconds() {
        return selectNanos / 1e9;
    }

    /// `2 rows nS D / gemm time`.
    public double gemmGigaflopsPerSecond() {
        return 2.0 * rows * sourceCount * dimension / Math.max(1, gemmNanos);
    }
}
