package org.sembridge.engine.transfer.baseline;

import java.util.List;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.transfer.FloatMatrix;
import org.sembridge.engine.transfer.TokenAlignment;

/// The result of [EmbeddingInitializer#plan]: how each new target token is built, applicable to
/// any vocabulary-sized source matrix.
public interface InitializationPlan {

    /// Per new target token (in `newTargetIds` order) its chosen source tokens and weights, for
    /// weight-based methods (SemBridge, FOCUS, OFA); an empty list for statistical baselines
    /// (mean, random, Gaussian), which choose no source tokens.
    List<TokenAlignment> alignments();

    /// New rows for each source matrix: for an input of `nS x c` the output is
    /// `newTargetIds.length x c`, row `k` belonging to `newTargetIds[k]`. Weight-based plans take
    /// the same weighted sums of every matrix; statistical plans fit their statistic to each
    /// matrix (the decoder bias, given as `nS x 1`, thus gets its mean, or a draw from its
    /// distribution).
    List<FloatMatrix> apply(List<FloatMatrix> sourceMatrices, ProgressListener progress, CancellationToken cancel)
            throws OperationCancelledException;
}
