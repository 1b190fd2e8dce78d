package org.sembridge.engine.transfer.baseline;

import java.util.function.Supplier;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.transfer.FloatMatrix;

/// The part the statistical baselines share: they read no bridge vector, plan nothing ahead, and
/// fit a [RowDistribution] to each applied matrix ([SampledRowsPlan] does the drawing). A
/// subclass only says how to fit.
abstract sealed class StatisticalInitializer implements EmbeddingInitializer
        permits MeanInitializer, RandomInitializer, GaussianInitializer, MultivariateGaussianInitializer {

    private final TransferMethod method;

    StatisticalInitializer(TransferMethod method) {
        this.method = method;
    }

    /// The description every statistical baseline shares the shape of: no alpha, no bridge
    /// vectors (so the bridge matrices may be `null`), and the same decision sentence.
    static TransferMethod method(String name, String label, String description,
            Supplier<EmbeddingInitializer> create) {
        return new TransferMethod(name, label, description, false, false,
                (alpha, seed) -> "statistical baseline " + name + ": new rows are drawn from statistics of the "
                        + "source matrices (seed " + seed + "); no source tokens are chosen, no bridge vectors are "
                        + "read, alpha is not used",
                options -> create.get());
    }

    @Override
    public final TransferMethod method() {
        return method;
    }

    /// A plan that fits each matrix when it is applied; reads only `newTargetIds` and `seed`
    /// of the input.
    ///
    /// @throws OperationCancelledException when `cancel` is cancelled
    @Override
    public final InitializationPlan plan(InitializationInput input, ProgressListener progress,
            CancellationToken cancel) throws OperationCancelledException {
        return SampledRowsPlan.plan(method.name(), input, cancel, this::fit);
    }

    /// The distribution of new rows for one applied matrix (`nS x c`).
    ///
    /// @param what names the matrix in logs and messages
    /// @throws OperationCancelledException when a long fit is cancelled
    abstract RowDistribution fit(FloatMatrix matrix, String what, CancellationToken cancel)
            throws OperationCancelledException;
}
