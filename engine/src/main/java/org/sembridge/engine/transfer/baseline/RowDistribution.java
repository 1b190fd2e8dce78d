package org.sembridge.engine.transfer.baseline;

/// The distribution a statistical baseline draws each new row from: `x = mean + L z` with
/// `z ~ N(0, I)`, where `L` is zero (mean baseline: every row is the mean), diagonal (random and
/// per-dimension Gaussian baselines) or lower-triangular (the Cholesky factor of the covariance:
/// multivariate Gaussian baseline).
///
/// Arithmetic in `double`, one rounding to `float` per element.
///
/// @param mean `mean`, length `c` (the matrix's column count)
/// @param factor how `L` is stored
/// @param scale `L`: empty for [Factor#ZERO], the `c` diagonal entries for [Factor#DIAGONAL], and
///     for [Factor#LOWER_TRIANGULAR] its transpose `L^T`, `c x c` row-major with zeros below the
///     diagonal (so that a draw is a sequence of contiguous multiply-adds)
record RowDistribution(double[] mean, Factor factor, double[] scale) {

    /// The shape of `L`.
    enum Factor { ZERO, DIAGONAL, LOWER_TRIANGULAR }

    /// Checks `scale` against the factor and the dimension.
    RowDistribution {
        int c = mean.length;
        long expected = switch (factor) {
            case ZERO -> 0;
            case DIAGONAL -> c;
            case LOWER_TRIANGULAR -> (long) c * c;
        };
        if (scale.length != expected) {
            throw new IllegalArgumentException(factor + " factor of dimension " + c + " needs " + expected
                    + " values, found " + scale.length);
        }
    }

    /// Every draw is `mean`.
    static RowDistribution constant(double[] mean) {
        return new RowDistribution(mean, Factor.ZERO, new double[0]);
    }

    /// Independent coordinates `x_j ~ N(mean_j, std_j^2)`.
    static RowDistribution diagonal(double[] mean, double[] std) {
        return new RowDistribution(mean, Factor.DIAGONAL, std);
    }

    /// `x ~ N(mean, L L^T)`.
    ///
    /// @param lowerFactor `L`, `c x c` row-major, zeros above the diagonal
    static RowDistribution correlated(double[] mean, double[] lowerFactor) {
        int c = mean.length;
        double[] transposed = new double[lowerFactor.length];
        for (int i = 0; i < c; i++) {
            for (int j = 0; j <= i; j++) {
                transposed[j * c + i] = lowerFactor[i * c + j];
            }
        }
        return new RowDistribution(mean, Factor.LOWER_TRIANGULAR, transposed);
    }

    /// Row dimension `c`.
    int dimension() {
        return mean.length;
    }

    /// Standard normals one draw consumes: 0 for a constant, else `c`.
    int normalsPerRow() {
        return factor == Factor.ZERO ? 0 : mean.length;
    }

    /// Writes `mean + L z` to `out[outOffset ..]`, `z` being `normals[normalsOffset ..]`
    /// ([#normalsPerRow()] of them). Cost `O(c)`, or `c^2 / 2` multiply-adds for a
    /// lower-triangular `L`, accumulated in `double` in a fixed order (four columns of `L` per
    /// pass over the accumulator, which the JIT vectorises).
    void transform(double[] normals, int normalsOffset, float[] out, int outOffset) {
        int c = mean.length;
        switch (factor) {
            case ZERO -> {
                for (int i = 0; i < c; i++) {
                    out[outOffset + i] = (float) mean[i];
                }
            }
            case DIAGONAL -> {
                for (int i = 0; i < c; i++) {
                    out[outOffset + i] = (float) (mean[i] + scale[i] * normals[normalsOffset + i]);
                }
            }
            case LOWER_TRIANGULAR -> {
                double[] sum = mean.clone();
                int j = 0;
                for (; j + 3 < c; j += 4) {
                    addColumns(sum, normals, normalsOffset, j, 4);
                }
                addColumns(sum, normals, normalsOffset, j, c - j);
                for (int i = 0; i < c; i++) {
                    out[outOffset + i] = (float) sum[i];
                }
            }
        }
    }

    /// `sum[i] += sum_(k < count) L[i, j + k] z[j + k]` for `i >= j`, reading rows `j ..` of
    /// `L^T` (entries below their diagonal are zero, so starting every row at `i = j` is exact).
    private void addColumns(double[] sum, double[] normals, int normalsOffset, int j, int count) {
        int c = mean.length;
        if (count == 4) {
            double z0 = normals[normalsOffset + j];
            double z1 = normals[normalsOffset + j + 1];
            double z2 = normals[normalsOffset + j + 2];
            double z3 = normals[normalsOffset + j + 3];
            int r0 = j * c;
            int r1 = r0 + c;
            int r2 = r1 + c;
            int r3 = r2 + c;
            for (int i = j; i < c; i++) {
                sum[i] += z0 * scale[r0 + i] + z1 * scale[r1 + i] + z2 * scale[r2 + i] + z3 * scale[r3 + i];
            }
            return;
        }
        for (int k = 0; k < count; k++) {
            double z = normals[normalsOffset + j + k];
            int row = (j + k) * c;
            for (int i = j + k; i < c; i++) {
                sum[i] += z * scale[row + i];
            }
        }
    }
}
