package org.sembridge.engine.projection;

import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

/// The PCA map: each point's scores on the first two principal components (x = PC1, y = PC2),
/// computed by [PrincipalComponents]. Exact and deterministic; signs are fixed so that each axis'
/// largest loading is positive.
public final class PcaProjector implements Projector {

    private final PcaParameters parameters;

    /// A PCA projector.
    public PcaProjector(PcaParameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public PcaParameters parameters() {
        return parameters;
    }

    @Override
    public double[][] project(MapInput input, ProgressListener progress, CancellationToken cancel)
            throws InputFormatException, NativeLibraryException, OperationCancelledException {
        parameters.validate(input.size());
        return PrincipalComponents.scores(input.vectors(), 2, progress, cancel);
    }
}
