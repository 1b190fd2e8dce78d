package org.sembridge.engine.projection;

import java.util.Arrays;

/// A sparse n x n matrix in compressed-row form: the entries of row `i` are
/// `columns[rowStart[i] .. rowStart[i + 1])` with `values` alongside, in ascending column order,
/// each column at most once.
///
/// @param rowStart n + 1 offsets into `columns` and `values`
/// @param columns column index of each entry
/// @param values value of each entry
record SparseRows(int[] rowStart, int[] columns, double[] values) {

    /// Builds the matrix from `count` (row, column, value) triples in any order, adding up the
    /// values of triples with the same row and column.
    static SparseRows of(int n, int[] rows, int[] columns, double[] values, int count) {
        int[] start = new int[n + 1];
        for (int e = 0; e < count; e++) {
            start[rows[e] + 1]++;
        }
        for (int i = 0; i < n; i++) {
            start[i + 1] += start[i];
        }
        int[] fill = Arrays.copyOf(start, n);
        int[] bucketColumns = new int[count];
        double[] bucketValues = new double[count];
        for (int e = 0; e < count; e++) {
            int position = fill[rows[e]]++;
            bucketColumns[position] = columns[e];
            bucketValues[position] = values[e];
        }
        int[] rowStart = new int[n + 1];
        int[] outColumns = new int[count];
        double[] outValues = new double[count];
        int out = 0;
        for (int i = 0; i < n; i++) {
            rowStart[i] = out;
            int from = start[i];
            int length = start[i + 1] - from;
            long[] keyed = new long[length];
            for (int e = 0; e < length; e++) {
                keyed[e] = ((long) bucketColumns[from + e] << 32) | e;
            }
            Arrays.sort(keyed);
            int previous = -1;
            for (long key : keyed) {
                int column = (int) (key >>> 32);
                double value = bucketValues[from + (int) key];
                if (column == previous) {
                    outValues[out - 1] += value;
                } else {
                    outColumns[out] = column;
                    outValues[out++] = value;
                    previous = column;
                }
            }
        }
        rowStart[n] = out;
        return new SparseRows(rowStart, Arrays.copyOf(outColumns, out), Arrays.copyOf(outValues, out));
    }

    /// The number of rows.
    int size() {
        return rowStart.length - 1;
    }

    /// The number of stored entries.
    int entries() {
        return columns.length;
    }

    /// The largest stored value (0 when empty).
    double maxValue() {
        double max = 0;
        for (double value : values) {
            max = Math.max(max, value);
        }
        return max;
    }

    /// This matrix without the entries whose value is below `threshold`.
    SparseRows withoutValuesBelow(double threshold) {
        int n = size();
        int[] newStart = new int[n + 1];
        int[] newColumns = new int[entries()];
        double[] newValues = new double[entries()];
        int out = 0;
        for (int i = 0; i < n; i++) {
            newStart[i] = out;
            for (int e = rowStart[i]; e < rowStart[i + 1]; e++) {
                if (values[e] >= threshold) {
                    newColumns[out] = columns[e];
                    newValues[out++] = values[e];
                }
            }
        }
        newStart[n] = out;
        return new SparseRows(newStart, Arrays.copyOf(newColumns, out), Arrays.copyOf(newValues, out));
    }
}
