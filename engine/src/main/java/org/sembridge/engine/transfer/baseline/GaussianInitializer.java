package org.sembridge.engine.transfer.baseline;

import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.transfer.FloatMatrix;

/// The univariate Gaussian baseline (`gauss`): entry `j` of every new row is drawn from
/// `N(mean_j, sd_j^2)`, independently, with the column mean and (unbiased, divisor `n - 1`)
/// column standard deviation of the applied matrix `M`. Seeded: the package guide states the draw
/// order.
public final class GaussianInitializer extends StatisticalInitializer {

    /// The method name.
    public static final String NAME = "gauss";
    /// How this baseline describes itself.
    public static final TransferMethod METHOD = StatisticalInitializer.method(NAME, "Gaussian",
            "Gaussian: per-column normal with the source column means and deviations", GaussianInitializer::new);

    /// The gauss baseline; it has no settings (the seed comes with the [InitializationInput]).
    public GaussianInitializer() {
        super(METHOD);
    }

    @Override
    RowDistribution fit(FloatMatrix matrix, String what, CancellationToken cancel) {
        double[] means = MatrixMoments.columnMeans(matrix);
        return RowDistribution.diagonal(means, MatrixMoments.columnStandardDeviations(matrix, means));
    }
}
