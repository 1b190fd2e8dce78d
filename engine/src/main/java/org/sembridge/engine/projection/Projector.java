package org.sembridge.engine.projection;

import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

/// Lays a set of vectors out on a plane: one implementation per method ([PcaProjector],
/// [TsneProjector], [UmapProjector]), each configured by its parameters record.
public sealed interface Projector permits PcaProjector, TsneProjector, UmapProjector {

    /// The projector for `parameters`.
    static Projector of(ProjectionParameters parameters) {
        return switch (parameters) {
            case PcaParameters p -> new PcaProjector(p);
            case TsneParameters p -> new TsneProjector(p);
            case UmapParameters p -> new UmapProjector(p);
        };
    }

    /// The settings this projector runs with.
    ProjectionParameters parameters();

    /// Computes 2-D coordinates for every point of `input`, in input order.
    ///
    /// Synchronous; reports progress per stage and per block of iterations and checks `cancel` as
    /// often. Deterministic: the same input and parameters give the same coordinates on the same
    /// machine.
    ///
    /// @return n x 2 coordinates, all finite
    /// @throws InputFormatException when the parameters do not suit the input (e.g. too few points)
    /// @throws NativeLibraryException when OpenBLAS cannot be loaded
    /// @throws OperationCancelledException when `cancel` was cancelled
    double[][] project(MapInput input, ProgressListener progress, CancellationToken cancel)
            throws InputFormatException, NativeLibraryException, OperationCancelledException;
}
