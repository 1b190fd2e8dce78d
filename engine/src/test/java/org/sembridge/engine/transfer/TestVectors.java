package org.sembridge.engine.transfer;

import java.util.Random;

/// Random inputs for the transfer tests: score rows with ties, and bridge vector matrices.
final class TestVectors {

    private TestVectors() {
    }

    /// The seed of a randomized test: `-Dsembridge.seed` when given, else a fresh one; printed so a
    /// failure can be replayed.
    static long seed(String test) {
        long seed = Long.getLong("sembridge.seed", System.nanoTime());
        System.out.println(test + " seed=" + seed + " (rerun with -Dsembridge.seed=" + seed + ")");
        return seed;
    }

    /// A row of `length` Gaussian scores of a random spread in `[0.05, 3]`, where about a fifth of
    /// the entries repeat another entry (the maximum included, sometimes).
    static float[] rowWithTies(Random random, int length) {
        double spread = 0.05 + 2.95 * random.nextDouble();
        float[] row = new float[length];
        for (int i = 0; i < length; i++) {
            row[i] = (float) (spread * random.nextGaussian());
        }
        for (int copies = length / 5; copies > 0; copies--) {
            row[random.nextInt(length)] = row[random.nextInt(length)];
        }
        if (length > 1 && random.nextBoolean()) {
            int top = 0;
            for (int i = 1; i < length; i++) {
                top = row[i] > row[top] ? i : top;
            }
            row[(top + 1) % length] = row[top];
        }
        return row;
    }

    /// Gaussian vectors, rows not normalised.
    static FloatMatrix gaussian(Random random, int rows, int columns) {
        FloatMatrix matrix = FloatMatrix.zeros(rows, columns);
        for (int i = 0; i < matrix.values().length; i++) {
            matrix.values()[i] = (float) random.nextGaussian();
        }
        return matrix;
    }

    /// Gaussian vectors copied from `distinct` originals with a skewed choice (original `j` with
    /// probability `~ 1/sqrt(j)`: the first ones are copied dozens of times), so that equal
    /// similarities form tie groups of every size from 1 to about 80.
    static FloatMatrix skewedDuplicates(Random random, int rows, int columns, int distinct) {
        FloatMatrix originals = gaussian(random, distinct, columns);
        FloatMatrix matrix = FloatMatrix.zeros(rows, columns);
        for (int r = 0; r < rows; r++) {
            double u = random.nextDouble();
            int original = (int) (distinct * u * u);
            System.arraycopy(originals.values(), original * columns, matrix.values(), r * columns, columns);
        }
        return matrix;
    }

    /// Unit vectors with entries `+-1/4` in 16 dimensions: every cosine is a multiple of 1/8 and
    /// exact in `float`, whatever the summation order, and equal vectors make exact ties.
    static FloatMatrix dyadicUnitVectors(Random random, int rows) {
        FloatMatrix matrix = FloatMatrix.zeros(rows, 16);
        for (int i = 0; i < matrix.values().length; i++) {
            matrix.values()[i] = random.nextBoolean() ? 0.25f : -0.25f;
        }
        return matrix;
    }

    /// `0, 1, ..., n - 1`.
    static int[] allRows(int n) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        return rows;
    }
}
