package org.sembridge.engine.transfer.baseline;

import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.transfer.FloatMatrix;

/// The mean baseline: every new row of an applied matrix `M` (`nS x c`) is its column mean
/// `mean_j = (1/n) sum_r M[r, j]` (summed in `double`, rounded once to `float`). The decoder bias,
/// applied as `nS x 1`, thus gets the mean bias. Draws nothing, so the seed is ignored.
public final class MeanInitializer extends StatisticalInitializer {

    /// The method name.
    public static final String NAME = "mean";
    /// How this baseline describes itself.
    public static final TransferMethod METHOD = StatisticalInitializer.method(NAME, "Mean",
            "Mean: every new row is the column mean of the source matrix", MeanInitializer::new);

    /// The mean baseline; it has no settings (the seed comes with the [InitializationInput]).
    public MeanInitializer() {
        super(METHOD);
    }

    @Override
    RowDistribution fit(FloatMatrix matrix, String what, CancellationToken cancel) {
        return RowDistribution.constant(MatrixMoments.columnMeans(matrix));
    }
}
