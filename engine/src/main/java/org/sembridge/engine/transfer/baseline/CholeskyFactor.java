package org.sembridge.engine.transfer.baseline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The lower-triangular Cholesky factor `L` of a covariance matrix (`C = L L^T`), in `double`,
/// for the multivariate Gaussian baseline.
///
/// A covariance estimated from a vocabulary is positive semi-definite but may be singular or, by
/// rounding, slightly indefinite (e.g. tied or constant columns). Then a ridge
/// `lambda = 1e-6 trace(C) / c` is added to the diagonal and logged, which changes every variance
/// by a millionth of the average variance; should rounding still defeat the factorisation,
/// `lambda` grows tenfold until it succeeds. A zero covariance (all rows equal) has no scale for
/// a ridge: its factor is zero and every draw equals the mean.
final class CholeskyFactor {

    /// The ridge relative to the average variance `trace(C) / c`.
    static final double RELATIVE_RIDGE = 1e-6;

    /// Smallest pivot accepted, relative to its diagonal entry of `C + ridge I`: a pivot below it
    /// is rounding noise of a (numerically) singular matrix, and dividing by it would blow the
    /// factor up.
    static final double PIVOT_TOLERANCE = 1e-10;

    private static final Logger LOG = LoggerFactory.getLogger(CholeskyFactor.class);

    private CholeskyFactor() {
    }

    /// `L`, `c x c` row-major with zeros above the diagonal.
    ///
    /// @param covariance symmetric `c x c`, row-major
    /// @param what names the matrix in the log, e.g. `source matrix 0 (30522 x 768)`
    /// @throws IllegalArgumentException when the covariance holds a NaN or infinite value
    static double[] lower(double[] covariance, int c, String what) {
        double trace = 0.0;
        for (int i = 0; i < c; i++) {
            trace += covariance[i * c + i];
        }
        for (double value : covariance) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("covariance of " + what + " holds " + value
                        + "; expected finite values (does the matrix hold NaN or infinite entries?)");
            }
        }
        double[] factor = factorise(covariance, c, 0.0);
        if (factor != null) {
            return factor;
        }
        if (trace == 0.0) {
            LOG.warn("covariance of {} is zero (all rows equal): every draw is the mean", what);
            return new double[c * c];
        }
        double ridge = RELATIVE_RIDGE * trace / c;
        while ((factor = factorise(covariance, c, ridge)) == null) {
            ridge *= 10.0;
        }
        LOG.warn("covariance of {} is not positive definite; added a ridge of {} (trace / dimension = {}) to its "
                + "diagonal", what, ridge, trace / c);
        return factor;
    }

    /// Cholesky-Banachiewicz of `C + ridge I`; `null` when a pivot is not above
    /// [#PIVOT_TOLERANCE] times its diagonal entry.
    private static double[] factorise(double[] covariance, int c, double ridge) {
        double[] l = new double[c * c];
        for (int i = 0; i < c; i++) {
            for (int j = 0; j <= i; j++) {
                double entry = covariance[i * c + j] + (i == j ? ridge : 0.0);
                double sum = entry;
                for (int k = 0; k < j; k++) {
                    sum -= l[i * c + k] * l[j * c + k];
                }
                if (i == j) {
                    if (!(sum > PIVOT_TOLERANCE * entry)) {
                        return null;
                    }
                    l[i * c + i] = Math.sqrt(sum);
                } else {
                    l[i * c + j] = sum / l[j * c + j];
                }
            }
        }
        return l;
    }
}
