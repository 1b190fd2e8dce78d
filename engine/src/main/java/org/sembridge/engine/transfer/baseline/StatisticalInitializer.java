package org.sembridge.engine.transfer.baseline;

import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.transfer.FloatMatrix;

/// The part the statistical baselines share: they read no bridge vector, plan nothing ahead, and
/// fit a [RowDistribution] to each applied matrix ([SampledRowsPlan] does the drawing). A
/// subclass only says how to fit.
abstract sealed class StatisticalInitializer implements EmbeddingInitializer
        permits MeanInitializer, RandomInitializer, GaussianInitializer, MultivariateGaussianInitializer {

    private final String name;

    StatisticalInitializer(String name) {
        this.name = name;
    }

    @Override
    public final String name() {
        return name;
    }

    /// Always false: no bridge vector is read, so the bridge matrices may be `null`.
    @Override
    public final boolean needsBridge() {
        return false;
    }

    /// A plan that fits each matrix when it is applied; reads only `newTargetIds` and `seed`
    /// of the input.
    ///
    /// @throws OperationCancelledException when `cancel` is cancelled
    @Override
    public final InitializationPlan plan(InitializationInput input, ProgressListener progress,
            CancellationToken cancel) throws OperationCancelledException {
        return SampledRowsPlan.plan(name, input, cancel, this::fit);
    }

    /// The distribution of new rows for one applied matrix (`nS x c`).
    ///
    /// @param what names the matrix in logs and messages
    /// @throws OperationCancelledException when a long fit is cancelled
    abstract RowDistribution fit(FloatMatrix matrix, String what, CancellationToken cancel)
            throws OperationCancelledException;
}
