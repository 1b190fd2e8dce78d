package org.sembridge.engine.workflow;

import java.util.Set;
import org.sembridge.engine.projection.ProjectedMap;
import org.sembridge.engine.projection.points.RunMapInputs;

/// A map of a run made by [RunMapping]: the projected points with their quality figures, and the
/// selection they came from.
///
/// @param points the selection (counts, target language, request)
/// @param map the projected map: targets first, then sources
public record RunMap(SelectedPoints points, ProjectedMap map) {

    /// The indices of the `count` points worth a label in an image: the first targets, each with
    /// its heaviest chosen source (the sources alone in the source space).
    public Set<Integer> labelledPoints(int count) {
        return RunMapInputs.labelledPoints(points.points(), points.request().space(), count);
    }
}
