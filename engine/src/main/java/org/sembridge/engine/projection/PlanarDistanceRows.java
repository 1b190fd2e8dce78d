package org.sembridge.engine.projection;

import java.util.stream.IntStream;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

/// Squared distances of 2-D map coordinates, computed directly as `dx^2 + dy^2` in double
/// (exact up to one rounding per operation). Cost: `3 n^2` flops, no extra memory beyond a row.
final class PlanarDistanceRows implements DistanceRows {

    private static final int BLOCK_ROWS = 1024;

    private final double[][] coordinates;

    /// @param coordinates n x 2 map coordinates
    PlanarDistanceRows(double[][] coordinates) {
        this.coordinates = coordinates;
    }

    @Override
    public int size() {
        return coordinates.length;
    }

    @Override
    public void forEachRow(String stage, RowConsumer consumer, ProgressListener progress, CancellationToken cancel)
            throws OperationCancelledException {
        int n = coordinates.length;
        for (int start = 0; start < n; start += BLOCK_ROWS) {
            cancel.throwIfCancelled(stage);
            int end = Math.min(n, start + BLOCK_ROWS);
            IntStream.range(start, end).parallel().forEach(i -> {
                double x = coordinates[i][0];
                double y = coordinates[i][1];
                double[] row = new double[n];
                for (int j = 0; j < n; j++) {
                    double dx = x - coordinates[j][0];
                    double dy = y - coordinates[j][1];
                    row[j] = dx * dx + dy * dy;
                }
                consumer.accept(i, row);
            });
            progress.onProgress(stage, end, n);
        }
    }
}
