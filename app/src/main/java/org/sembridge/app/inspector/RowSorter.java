package org.sembridge.app.inspector;

import java.util.Arrays;

/// Sorts the rows of a [TokenFigures] by one column into a permutation of row indices, without
/// boxing: each row becomes one `long` (its `int` sort key in the high half, its row in the low
/// half) and the `long[]` is sorted, so ties keep row order. Rows without a value (no source)
/// go last in both directions. About 20-30 ms for 250,000 rows (see `RowQueryScaleTest`).
public final class RowSorter {

    private RowSorter() {
    }

    /// The rows of `figures` in the order of `sort`.
    public static int[] sort(TokenFigures figures, TokenSort sort) {
        int size = figures.size();
        if (sort.column() == TokenColumn.ID) {
            int[] rows = new int[size];
            for (int row = 0; row < size; row++) {
                rows[row] = sort.ascending() ? row : size - 1 - row;
            }
            return rows;
        }
        long[] packed = new long[size];
        for (int row = 0; row < size; row++) {
            int key;
            if (!figures.hasKey(sort.column(), row)) {
                key = Integer.MAX_VALUE;
            } else {
                int raw = figures.sortKey(sort.column(), row);
                // ~raw reverses the order exactly (~x = -x - 1) and stays below MAX_VALUE for raw > MIN_VALUE.
                key = sort.ascending() ? Math.min(raw, Integer.MAX_VALUE - 1) : ~raw;
            }
            packed[row] = ((long) key << 32) | row;
        }
        Arrays.sort(packed);
        int[] rows = new int[size];
        for (int position = 0; position < size; position++) {
            rows[position] = (int) packed[position];
        }
        return rows;
    }
}
