package org.sembridge.engine.transfer.baseline;

import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.transfer.FloatMatrix;

/// The multivariate Gaussian baseline (`mvgauss`): every new row is drawn from `N(mean, C)` with
/// the column mean and the full `c x c` covariance `C` (unbiased, divisor `n - 1`) of the applied
/// matrix `M`: `x = mean + L z`, `z ~ N(0, I)`, `L` the Cholesky factor of `C` computed in
/// `double`. When `C` is not positive definite (tied or constant columns) a ridge
/// `1e-6 trace(C) / c` is added to its diagonal and logged at WARN. For a 1-column matrix (the
/// decoder bias) this is the univariate normal.
///
/// Cost per matrix: `nS c^2 / 2` multiply-adds for `C` (cancellable per block of rows), `c^3 / 6`
/// for `L`, `nT c^2 / 2` for the draws; for BERT (`30,522 x 768`) about 9 billion each for `C`
/// and for 30,000 draws. Seeded: the package guide states the draw order.
public final class MultivariateGaussianInitializer extends StatisticalInitializer {

    /// The method name.
    public static final String NAME = "mvgauss";
    /// How this baseline describes itself.
    public static final TransferMethod METHOD = StatisticalInitializer.method(NAME, "Multivariate Gaussian",
            "Multivariate Gaussian: rows drawn with the source matrix's mean and covariance", MultivariateGaussianInitializer::new);

    /// The mvgauss baseline; it has no settings (the seed comes with the [InitializationInput]).
    public MultivariateGaussianInitializer() {
        super(METHOD);
    }

    @Override
    RowDistribution fit(FloatMatrix matrix, String what, CancellationToken cancel)
            throws OperationCancelledException {
        double[] means = MatrixMoments.columnMeans(matrix);
        double[] covariance = MatrixMoments.covariance(matrix, means, "fitting the covariance of " + what, cancel);
        return RowDistribution.correlated(means, CholeskyFactor.lower(covariance, matrix.columns(), what));
    }
}
