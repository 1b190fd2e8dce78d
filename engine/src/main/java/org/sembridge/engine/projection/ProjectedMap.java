package org.sembridge.engine.projection;

import java.util.List;
import java.util.Objects;

/// A finished 2-D map: the projected points, the links between them, how it was made and how
/// faithful it is.
///
/// @param points the points with their map coordinates, in input order
/// @param links links between points (indices into `points`); empty for a single-space map
/// @param parameters the method and settings that produced the coordinates
/// @param quality trustworthiness and, for joint maps, the linked-neighbour share
/// @param elapsedNanos wall-clock time of the projection alone (without the quality figures)
public record ProjectedMap(List<MapPoint> points, List<MapLink> links, ProjectionParameters parameters,
        MapQuality quality, long elapsedNanos) {

    /// Copies the lists and checks for nulls.
    public ProjectedMap {
        points = List.copyOf(points);
        links = List.copyOf(links);
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(quality, "quality");
    }

    /// The projection method.
    public ProjectionMethod method() {
        return parameters.method();
    }
}
