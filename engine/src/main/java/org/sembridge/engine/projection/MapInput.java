package org.sembridge.engine.projection;

import java.util.List;
import org.sembridge.engine.InputFormatException;

/// The points to project: one vector per point, its label, and optional links between points.
///
/// Built by [#of(float[][], List, List)], which checks the data once at the boundary: at least one
/// point, every vector of the same dimension, every coordinate finite. Duplicate vectors are
/// allowed (they occur naturally, e.g. an overlap token copied from the source space into the
/// target space); the projections separate them with seeded jitter.
///
/// The vectors are not copied: callers must not change them while a projection runs.
public final class MapInput {

    private final float[][] vectors;
    private final List<PointLabel> labels;
    private final List<MapLink> links;

    private MapInput(float[][] vectors, List<PointLabel> labels, List<MapLink> links) {
        this.vectors = vectors;
        this.labels = labels;
        this.links = links;
    }

    /// Checks and wraps the points of a map.
    ///
    /// @param vectors one row per point, all of the same length >= 1
    /// @param labels one label per point, in the same order
    /// @param links links between points (indices into `vectors`); may be empty
    /// @throws InputFormatException when there are no points, a vector has another length than the
    ///     first one, or a coordinate is NaN or infinite (the message names the point and token)
    /// @throws IllegalArgumentException when `labels` does not match `vectors` in size or a link
    ///     index is out of range (caller bugs)
    public static MapInput of(float[][] vectors, List<PointLabel> labels, List<MapLink> links)
            throws InputFormatException {
        if (vectors.length != labels.size()) {
            throw new IllegalArgumentException("one label per vector expected: " + vectors.length + " vectors, "
                    + labels.size() + " labels");
        }
        for (MapLink link : links) {
            if (link.fromIndex() >= vectors.length || link.toIndex() >= vectors.length) {
                throw new IllegalArgumentException("link " + link + " points outside the " + vectors.length
                        + " points");
            }
        }
        if (vectors.length == 0) {
            throw new InputFormatException("the map has no points: select at least one token");
        }
        int dimension = vectors[0].length;
        if (dimension == 0) {
            throw new InputFormatException("the vector of point 0 " + labels.get(0).describe() + " is empty");
        }
        for (int i = 0; i < vectors.length; i++) {
            float[] vector = vectors[i];
            if (vector.length != dimension) {
                throw new InputFormatException("the vector of point " + i + " " + labels.get(i).describe() + " has "
                        + vector.length + " dimensions; expected " + dimension + " like point 0");
            }
            for (int d = 0; d < dimension; d++) {
                if (!Float.isFinite(vector[d])) {
                    throw new InputFormatException("the vector of point " + i + " " + labels.get(i).describe()
                            + " has " + vector[d] + " at dimension " + d + "; every coordinate must be finite");
                }
            }
        }
        return new MapInput(vectors, List.copyOf(labels), List.copyOf(links));
    }

    /// The vectors, one row per point (not a copy).
    public float[][] vectors() {
        return vectors;
    }

    /// The labels, one per point.
    public List<PointLabel> labels() {
        return labels;
    }

    /// The links between points; empty for a single-space map.
    public List<MapLink> links() {
        return links;
    }

    /// The number of points.
    public int size() {
        return vectors.length;
    }

    /// The length of every vector.
    public int dimension() {
        return vectors[0].length;
    }
}
