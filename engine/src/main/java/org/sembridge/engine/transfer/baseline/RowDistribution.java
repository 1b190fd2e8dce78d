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
/// @param scale `L`: empty for [Factor#ZERO], the `c` diagonal entries for [Factor#DIAGONAL], `c x c`
///     row-major (upper triangle ignored) for [Factor#LOWER_TRIANGULAR]
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
    static RowDistribution correlated(double[] mean, double[] lowerFactor) {
        return new RowDistribution(mean, Factor.LOWER_TRIANGULAR, lowerFactor);
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
    /// ([#normalsPerRow()] of them). Cost `O(c)`, or `O(c^2 / 2)` for a lower-triangular `L`.
    void transform(double[] normals, int normalsOffset, float[] out, int outOffset) {
        int c = mean.length;
        for (int i = 0; i < c; i++) {
            double value = mean[i];
            switch (factor) {
                case ZERO -> { }
                case DIAGONAL -> value += scale[i] * normals[normalsOffset + i];
                case LOWER_TRIANGULAR -> {
                    int row = i * c;
                    for (int j = 0; j <= i; j++) {
                        value += scale[row + j] * normals[normalsOffset + j];
                    }
                }
            }
            out[outOffset + i] = (float) value;
        }
    }
}
