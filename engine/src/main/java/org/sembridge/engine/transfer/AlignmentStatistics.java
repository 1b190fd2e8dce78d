package org.sembridge.engine.transfer;

/// How the rows of one [TopKSupportSearch] run were solved, and what it cost.
///
/// Every row is counted exactly once:
/// `rows = rowsExactOnTopK + rowsExactOnWiderK + rowsOnFullRow + rowsDense`.
///
/// @param rows target rows aligned
/// @param rowsExactOnTopK rows whose support fitted in the first `topK` candidates
/// @param rowsExactOnWiderK rows that needed `widerK` candidates
/// @param rowsOnFullRow rows solved on their full similarity row
/// @param rowsDense softmax rows (`alpha = 1`): dense, only the largest weights are listed
/// @param topK candidates taken first per row: `min(nS, max(K, 10))`
/// @param widerK candidates taken for rows whose support reached the `topK`-th candidate:
///     `min(nS, 4 topK)`
/// @param blocks GEMM blocks
/// @param solveNanos wall time of the Java work, summed over blocks: on the DJL path the entmax
///     solves and records, which run while the device computes the next block (so they overlap
///     `elapsedNanos` rather than add to it); on the OpenBLAS path the top-K selection, solves and
///     records, which run between the products
/// @param elapsedNanos wall time of the whole search
/// @param gemmNanos wall time of the block products on the OpenBLAS path (gathering and
///     normalising the block's target rows, then `cblas_sgemm`), summed over blocks; `-1` on the
///     DJL path, whose device works asynchronously
public record AlignmentStatistics(int rows, int rowsExactOnTopK, int rowsExactOnWiderK, int rowsOnFullRow,
        int rowsDense, int topK, int widerK, int blocks, long solveNanos, long elapsedNanos, long gemmNanos) {

    /// Checks that every row is counted once.
    public AlignmentStatistics {
        if (rowsExactOnTopK + rowsExactOnWiderK + rowsOnFullRow + rowsDense != rows) {
            throw new IllegalArgumentException("row counts " + rowsExactOnTopK + " + " + rowsExactOnWiderK + " + "
                    + rowsOnFullRow + " + " + rowsDense + " do not add up to " + rows + " rows");
        }
    }
}
