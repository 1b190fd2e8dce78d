package org.sembridge.app.map;

import java.util.Objects;
import org.sembridge.engine.projection.PointSetSpec;
import org.sembridge.engine.projection.ProjectionParameters;

/// What to map: which points of the run and how to project them.
///
/// @param points the engine's point-set spec (`top:2000`, `lexicon`, `pattern:^▁`, ...)
/// @param withSources whether the targets bring the source tokens they were built from (a joint
///     map with links); `lexicon` and `token:X` always do
/// @param parameters the projection method and its settings
public record MapRequest(PointSetSpec points, boolean withSources, ProjectionParameters parameters) {

    /// Checks for nulls.
    public MapRequest {
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(parameters, "parameters");
    }
}
