package org.sembridge.engine.transfer.baseline;

import java.util.Arrays;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.transfer.FloatMatrix;

/// The random baseline: every entry of every new row is drawn i.i.d. from `N(0, sigma^2)`, where
/// `sigma` is the standard deviation of ALL entries of the applied matrix `M` taken as one sample
/// (around their common mean, divisor `n c - 1`), so the new rows have the scale of the trained
/// rows. The alternative, Hugging Face's fixed `initializer_range` of 0.02, ignores the scale the
/// trained matrix actually has (and means nothing for a decoder bias). Seeded: the package guide
/// states the draw order.
public final class RandomInitializer extends StatisticalInitializer {

    /// The method name.
    public static final String NAME = "random";
    /// How this baseline describes itself.
    public static final TransferMethod METHOD = StatisticalInitializer.method(NAME, "Random",
            "Random: i.i.d. normal entries with the source matrix's standard deviation", RandomInitializer::new);

    /// The random baseline; it has no settings (the seed comes with the [InitializationInput]).
    public RandomInitializer() {
        super(METHOD);
    }

    @Override
    RowDistribution fit(FloatMatrix matrix, String what, CancellationToken cancel) {
        double[] sigma = new double[matrix.columns()];
        Arrays.fill(sigma, MatrixMoments.entryStandardDeviation(matrix));
        return RowDistribution.diagonal(new double[matrix.columns()], sigma);
    }
}
