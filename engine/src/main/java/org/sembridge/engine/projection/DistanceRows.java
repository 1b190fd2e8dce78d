package org.sembridge.engine.projection;

import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

/// All squared Euclidean distances of a point set, delivered one row at a time so that memory
/// stays O(block x n) instead of O(n^2).
sealed interface DistanceRows permits GramDistanceRows, PlanarDistanceRows {

    /// Receives one row of squared distances. Rows arrive in parallel (never the same row twice),
    /// so implementations write only to slots of their own row.
    @FunctionalInterface
    interface RowConsumer {
        /// @param row the point index `i`
        /// @param squaredDistances `|x_i - x_j|^2` for every `j`, with exactly 0 at `j = i`; the
        ///     array belongs to this call
        void accept(int row, double[] squaredDistances);
    }

    /// The number of points.
    int size();

    /// Computes every row and hands it to `consumer`; cancellation is checked and progress reported
    /// once per block of rows.
    void forEachRow(String stage, RowConsumer consumer, ProgressListener progress, CancellationToken cancel)
            throws OperationCancelledException;
}
