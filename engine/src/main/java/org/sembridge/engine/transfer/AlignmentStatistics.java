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
/// @param solveNanos wall time of the Java work (entmax solves and records), summed over blocks;
///     it runs while the device computes the next block, so it overlaps `elapsedNanos` rather
///     than adding to it
/// @param elapsedNanos wall time of the whole search
public record AlignmentStatistics(int rows, int rowsExactOnTopK, int rowsExactOnWiderK, int rowsOnFullRow,
        int rowsDense, int topK, int widerK, int blocks, long solveNanos, long elapsedNanos) {

    /// Checks that every row is counted once.
    public AlignmentStatistics {
        if (rowsExactOnTopK + rowsExactOnWiderK + rowsOnFullRow + rowsDense != rows) {
            throw new IllegalArgumentException("row counts " + rowsExactOnTopK + " + " + rowsExactOnWiderK + " + "
                    + rowsOnFullRow + " + " + rowsDense + " do not add up to " + rows + " rows");
        }
    }
}
