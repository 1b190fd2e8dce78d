package org.sembridge.engine.transfer;

import java.util.Arrays;

/// A dense row-major matrix of `float`s: bridge vectors (one row per token, `columns` = bridge
/// dimension D) or embedding matrices (`columns` = model hidden size d).
///
/// Element `(r, c)` is `values[r * columns + c]`. The record holds the caller's array without
/// copying it (paper scale: 32,000 x 1,024 floats = 125 MiB), so callers must not change it while
/// an operation reads it; `equals` compares the array by identity, like every record with an
/// array component. At most `Integer.MAX_VALUE` elements (8 GiB) fit one matrix.
///
/// @param rows number of rows, `>= 0`
/// @param columns number of columns, `>= 1`
/// @param values `rows * columns` elements in row-major order
public record FloatMatrix(int rows, int columns, float[] values) {

    /// Checks the shape against the array length.
    ///
    /// @throws IllegalArgumentException when `rows < 0`, `columns < 1` or
    ///     `values.length != rows * columns`
    public FloatMatrix {
        if (rows < 0 || columns < 1) {
            throw new IllegalArgumentException("matrix shape must be rows >= 0 and columns >= 1, found "
                    + rows + " x " + columns);
        }
        if (values.length != (long) rows * columns) {
            throw new IllegalArgumentException("matrix " + rows + " x " + columns + " needs "
                    + (long) rows * columns + " values, found " + values.length);
        }
    }

    /// A zero matrix of the given shape.
    public static FloatMatrix zeros(int rows, int columns) {
        long size = (long) rows * columns;
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("matrix " + rows + " x " + columns + " has " + size
                    + " elements, more than one float array holds (" + Integer.MAX_VALUE + ")");
        }
        return new FloatMatrix(rows, columns, new float[(int) Math.max(0, size)]);
    }

    /// Wraps equally long rows into one matrix (a copy).
    ///
    /// @throws IllegalArgumentException when `rows` is empty or the rows differ in length
    public static FloatMatrix ofRows(float[][] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("need at least one row to infer the column count");
        }
        int columns = rows[0].length;
        FloatMatrix matrix = zeros(rows.length, columns);
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != columns) {
                throw new IllegalArgumentException("row " + r + " has " + rows[r].length
                        + " values, expected " + columns + " like row 0");
            }
            System.arraycopy(rows[r], 0, matrix.values, r * columns, columns);
        }
        return matrix;
    }

    /// A copy of row `r`.
    public float[] row(int r) {
        int start = checkRow(r) * columns;
        return Arrays.copyOfRange(values, start, start + columns);
    }

    /// Element `(r, c)`.
    public float get(int r, int c) {
        checkRow(r);
        if (c < 0 || c >= columns) {
            throw new IndexOutOfBoundsException("column " + c + " outside [0, " + columns + ")");
        }
        return values[r * columns + c];
    }

    private int checkRow(int r) {
        if (r < 0 || r >= rows) {
            throw new IndexOutOfBoundsException("row " + r + " outside [0, " + rows + ")");
        }
        return r;
    }
}
